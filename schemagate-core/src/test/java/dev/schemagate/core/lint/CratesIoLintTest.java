package dev.schemagate.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.sql.SqlParser;
import dev.schemagate.core.testing.Corpora;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every squawk rule over the 285 crates.io diesel migrations (up and down), each in its own
 * transaction mode: no rule may fail, and the known hazards of this history are found.
 */
class CratesIoLintTest {

  @Test
  void lintsEveryCratesIoMigrationWithoutARuleFailing() throws IOException {
    Path dir = Corpora.require("crates-io").resolve("migrations");
    Linter linter = Linter.squawkRules();
    Map<String, Integer> perRule = new TreeMap<>();
    java.util.Set<String> concurrentInTx = new java.util.TreeSet<>();
    int files = 0;
    List<Path> migrations;
    try (Stream<Path> s = Files.list(dir)) {
      migrations = s.filter(Files::isDirectory).sorted().toList();
    }
    for (Path m : migrations) {
      Path meta = m.resolve("metadata.toml");
      boolean tx =
          !(Files.exists(meta)
              && Files.readString(meta).replace(" ", "").contains("run_in_transaction=false"));
      for (String part : List.of("up.sql", "down.sql")) {
        Path f = m.resolve(part);
        if (!Files.exists(f)) {
          continue;
        }
        files++;
        String sql = Files.readString(f, StandardCharsets.UTF_8);
        List<Finding> findings =
            linter.lint(new LintInput(f, SqlParser.parse(sql), tx, LintSettings.defaults()));
        for (Finding x : findings) {
          assertThat(x.rule()).as("%s", x).isNotEqualTo(Linter.RULE_FAILED);
          perRule.merge(x.rule(), 1, Integer::sum);
          if (x.rule().equals("ban-concurrent-index-creation-in-transaction")) {
            concurrentInTx.add(dir.relativize(f).toString());
          }
        }
      }
    }
    assertThat(files).isEqualTo(570);
    // The history creates indexes without CONCURRENTLY and drops tables: both must be seen.
    assertThat(perRule).containsKeys("require-concurrent-index-creation", "ban-drop-table");
    // The known broken down: CREATE INDEX CONCURRENTLY in a migration diesel runs in a
    // transaction. The seven run_in_transaction = false migrations are not flagged.
    assertThat(concurrentInTx)
        .containsExactly("2024-04-12-144536_remove-downloads-column/down.sql");
    // A non-transactional migration with CONCURRENTLY is correct, never a nesting problem.
    assertThat(perRule).doesNotContainKey(Linter.PARSE_ERROR);
    System.out.println("crates-io findings per rule: " + perRule);
  }
}

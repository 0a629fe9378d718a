package dev.schemagate.core.lint.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.lint.Finding;
import dev.schemagate.core.revision.Revision;
import dev.schemagate.core.source.MigrationScript;
import dev.schemagate.core.source.MigrationSource;
import dev.schemagate.core.source.MigrationSources;
import dev.schemagate.core.source.SqlSection;
import dev.schemagate.core.testing.Corpora;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Real histories, checked end to end. Each was read by hand: crates-io and marquez build their
 * schema from nothing and replay cleanly, so any finding there is a false positive of the
 * simulation. To show the replay is live on real schemas (not silently giving up), each test also
 * appends one broken migration to the real history and expects exactly its mistakes.
 */
class HistoryCheckerCorpusTest {

  private static List<Finding> checkAndPrint(String corpus, MigrationSource source) {
    long start = System.nanoTime();
    List<Finding> findings = new HistoryChecker().check(source);
    long micros = (System.nanoTime() - start) / 1000;
    Map<String, Integer> perRule = new TreeMap<>();
    findings.forEach(f -> perRule.merge(f.rule(), 1, Integer::sum));
    System.out.println(
        corpus
            + ": "
            + source.versioned().size()
            + " migrations in "
            + micros / 1000
            + " ms, findings per rule "
            + perRule);
    findings.forEach(f -> System.out.println("  " + f + " -- " + f.reason()));
    for (Finding f : findings) {
      assertThat(f.file()).isNotNull();
      assertThat(f.line()).isPositive();
      assertThat(HistoryRule.byId(f.rule())).isPresent();
    }
    return findings;
  }

  /** {@code source} with one more migration on top of its last one. */
  private static MigrationSource withBrokenTip(MigrationSource source, String upgrade) {
    List<MigrationScript> scripts = new ArrayList<>(source.versioned());
    String tip = scripts.get(scripts.size() - 1).id();
    Path file = source.directory().resolve("zz_broken_tip.sql");
    scripts.add(
        new MigrationScript(
            Revision.linear("zz_broken_tip", tip, "broken tip", file),
            new SqlSection(upgrade, file, 1),
            null,
            true,
            null,
            "0",
            MigrationScript.Kind.VERSIONED));
    return new MigrationSource(
        source.directory(),
        source.layout(),
        scripts,
        source.repeatables(),
        source.callbacks(),
        source.strays());
  }

  private static List<String> rules(List<Finding> findings) {
    return findings.stream().map(f -> f.rule() + "@" + f.line()).toList();
  }

  @Test
  void cratesIoReplaysCleanlyAndABrokenTipIsCaught() {
    MigrationSource source =
        MigrationSources.read(Corpora.require("crates-io").resolve("migrations"), null);

    assertThat(checkAndPrint("crates-io", source)).isEmpty();

    List<Finding> broken =
        checkAndPrint(
            "crates-io + broken tip",
            withBrokenTip(
                source,
                "INSERT INTO badges (crate_id) VALUES (1);\n"
                    + "ALTER TABLE crates DROP COLUMN licence_text;\n"
                    + "CREATE TABLE users (id int);\n"
                    + "CREATE INDEX ON no_such_table (id);"));
    assertThat(rules(broken))
        .containsExactly(
            "use-after-drop@1", "unknown-column@2", "object-created-twice@3", "unknown-table@4");
  }

  @Test
  void marquezFlywayReplaysCleanlyAndABrokenTipIsCaught() {
    MigrationSource source =
        MigrationSources.read(Corpora.require("marquez-flyway").resolve("migration"), null);

    assertThat(checkAndPrint("marquez-flyway", source)).isEmpty();

    List<Finding> broken =
        checkAndPrint(
            "marquez-flyway + broken tip",
            withBrokenTip(
                source,
                "ALTER TABLE job_contexts ADD COLUMN x int;\n"
                    + "ALTER TABLE datasets ALTER COLUMN nope SET NOT NULL;\n"
                    + "CREATE TYPE dataset_name AS (namespace varchar, name varchar);"));
    assertThat(rules(broken))
        .containsExactly("use-after-drop@1", "unknown-column@2", "object-created-twice@3");
  }

  @Test
  void redashAlembicGraphWithBranchPointAndMergeHasOneHeadAndNoFindings() {
    MigrationSource source =
        MigrationSources.read(Corpora.require("redash-alembic").resolve("versions"), null);

    assertThat(checkAndPrint("redash-alembic", source)).isEmpty();
  }
}

package dev.schemagate.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.sql.ast.Unrecognised;
import dev.schemagate.core.testing.Corpora;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Parses the shared corpora: real migrations and squawk's rule cases. */
class CorpusParsingTest {

  private static List<Path> files(Path root, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  /** Unrecognised statements by leading keyword family (first word), over {@code files}. */
  private static Map<String, Integer> parseAll(List<Path> files, List<String> unrecognisedDdl)
      throws IOException {
    Map<String, Integer> byFamily = new TreeMap<>();
    for (Path f : files) {
      String text = Files.readString(f);
      ParsedScript script = SqlParser.parse(text);
      List<Token> all = SqlLexer.tokenize(text);
      int code =
          (int)
              all.stream()
                  .filter(t -> t.kind() != TokenKind.COMMENT && t.kind() != TokenKind.SEMICOLON)
                  .count();
      int inStatements = 0;
      for (ParsedStatement s : script.statements()) {
        assertThat(s.stmt()).as(f.toString()).isNotNull();
        assertThat(s.stmt().sql()).isEqualTo(s.sql());
        assertThat(s.stmt().line()).isEqualTo(s.line());
        // Re-lexed tokens agree with the first pass: same count, first token at the statement.
        assertThat(s.tokens().get(0).offset())
            .isEqualTo(text.indexOf(s.sql(), s.tokens().get(0).offset()));
        assertThat(s.tokens().get(s.tokens().size() - 1).line()).isGreaterThanOrEqualTo(s.line());
        inStatements +=
            (int) s.tokens().stream().filter(t -> t.kind() != TokenKind.SEMICOLON).count();
        if (s.stmt() instanceof Unrecognised u) {
          String family = u.keywords().isEmpty() ? "(none)" : u.keywords().split(" ")[0];
          byFamily.merge(family, 1, Integer::sum);
          if (family.matches("CREATE|ALTER|DROP")) {
            unrecognisedDdl.add(f.getFileName() + ":" + s.line() + " " + u.keywords());
          }
        }
      }
      // No statement dropped: every code token outside top-level semicolons is in a statement.
      assertThat(inStatements).as(f.toString()).isEqualTo(code);
    }
    return byFamily;
  }

  @Test
  void parsesEveryCratesIoMigrationWithNoUnrecognisedDdl() throws IOException {
    Path root = Corpora.require("crates-io").resolve("migrations");
    List<Path> files = new ArrayList<>(files(root, "up.sql"));
    files.addAll(files(root, "down.sql"));
    List<String> ddl = new ArrayList<>();
    Map<String, Integer> unrecognised = parseAll(files, ddl);
    System.out.println(
        "crates-io: " + files.size() + " files, unrecognised by family " + unrecognised);
    assertThat(files).hasSizeGreaterThan(100);
    assertThat(ddl).isEmpty();
  }

  @Test
  void parsesEveryMarquezFlywayScriptWithNoUnrecognisedDdl() throws IOException {
    List<Path> files = files(Corpora.require("marquez-flyway"), ".sql");
    List<String> ddl = new ArrayList<>();
    Map<String, Integer> unrecognised = parseAll(files, ddl);
    System.out.println(
        "marquez-flyway: " + files.size() + " files, unrecognised by family " + unrecognised);
    assertThat(files).isNotEmpty();
    assertThat(ddl).isEmpty();
  }

  @Test
  void parsesEverySquawkCaseWithNoUnrecognisedDdl() throws IOException {
    List<Path> files = files(Corpora.require("squawk-cases").resolve("cases"), ".sql");
    List<String> ddl = new ArrayList<>();
    Map<String, Integer> unrecognised = parseAll(files, ddl);
    System.out.println(
        "squawk-cases: " + files.size() + " files, unrecognised by family " + unrecognised);
    assertThat(files).hasSizeGreaterThan(100);
    assertThat(ddl).isEmpty();
    // Only statements outside the listed subset stay unrecognised (MERGE, LOCK, stray text).
    assertThat(unrecognised.keySet()).allMatch(k -> k.matches("MERGE|LOCK|\\(none\\)"));
  }

  @Test
  void measuresStatementsPerSecondOnCratesIoUpsRepeated() throws IOException {
    Path root = Corpora.require("crates-io").resolve("migrations");
    List<String> ups = new ArrayList<>();
    for (Path f : files(root, "up.sql")) {
      ups.add(Files.readString(f));
    }
    // Warm up, then time 100 rounds in-process.
    for (String up : ups) {
      SqlParser.parse(up);
    }
    long statements = 0;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int round = 0; round < 100; round++) {
      for (String up : ups) {
        statements += SqlParser.parse(up).statements().size();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    System.out.printf(
        "crates-io ups x100: %d statements in %.2f s wall (%.0f statements/s), %.2f s cpu (%.0f"
            + " statements/s)%n",
        statements, seconds, statements / seconds, cpuSeconds, statements / cpuSeconds);
    assertThat(statements).isPositive();
    assertThat(seconds).isLessThan(60.0);
  }
}

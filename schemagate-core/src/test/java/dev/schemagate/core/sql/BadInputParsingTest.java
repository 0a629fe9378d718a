package dev.schemagate.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.sql.ast.CreateIndex;
import dev.schemagate.core.sql.ast.CreateTable;
import dev.schemagate.core.sql.ast.Select;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BadInputParsingTest {

  @Test
  void nulBytesGiveABinaryContentProblemAndStillParse() {
    ParsedScript p = SqlParser.parse("select 1;\n\0\0\1PK\3\4 garbage;\nselect 2;");
    assertThat(p.problems()).hasSize(1);
    assertThat(p.problems().get(0).line()).isEqualTo(2);
    assertThat(p.problems().get(0).message()).contains("binary content").contains("line 2");
    assertThat(p.statements()).hasSize(3);
  }

  @Test
  void randomBytesNeverThrow() {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      char[] chars = new char[random.nextInt(2000)];
      for (int i = 0; i < chars.length; i++) {
        // Mostly SQL punctuation and quotes, so the lexer's states are all reached.
        chars[i] =
            random.nextInt(4) == 0
                ? (char) random.nextInt(256)
                : "'\"$;()-/*e E&U:.1a \n".charAt(random.nextInt(20));
      }
      ParsedScript p = SqlParser.parse(new String(chars));
      assertThat(p.statements()).allSatisfy(s -> assertThat(s.stmt()).isNotNull());
    }
  }

  @Test
  void unterminatedConstructsNameTheLineWhereTheyStart() {
    List<String[]> cases =
        List.of(
            new String[] {"'oops", "string"},
            new String[] {"E'oops\\'", "string"},
            new String[] {"\"oops", "quoted identifier"},
            new String[] {"$$ oops", "dollar-quoted body ($$"},
            new String[] {"$fn$ oops $$", "dollar-quoted body ($fn$"},
            new String[] {"/* oops /* */", "block comment"});
    for (String[] c : cases) {
      ParsedScript p =
          SqlParser.parse("create table t (a int);\n\nselect " + c[0] + ";\nselect 2;\n");
      assertThat(p.problems()).as(c[0]).hasSize(1);
      ParseProblem problem = p.problems().get(0);
      assertThat(problem.line()).as(c[0]).isEqualTo(3);
      assertThat(problem.message()).as(c[0]).contains("unterminated " + c[1]).contains("line 3");
      // The statements before are intact; the rest is one statement holding the unterminated text.
      assertThat(p.statements()).as(c[0]).hasSize(2);
      assertThat(p.statements().get(0).stmt()).isInstanceOf(CreateTable.class);
      assertThat(p.statements().get(1).line()).isEqualTo(3);
      assertThat(p.statements().get(1).sql()).contains("select 2;");
    }
  }

  @Test
  void strayCharactersAreProblemsNotCrashes() {
    ParsedScript p = SqlParser.parse("\\connect db\nselect 1;");
    assertThat(p.problems()).extracting(ParseProblem::line).containsExactly(1);
    assertThat(p.problems().get(0).message()).contains("'\\'");
    assertThat(p.statements()).hasSize(1);
  }

  @Test
  void problemsAreCappedSoHugeGarbageStaysSmall() {
    ParsedScript p = SqlParser.parse("{ x\n".repeat(10_000));
    assertThat(p.problems()).hasSizeLessThanOrEqualTo(51);
    assertThat(p.problems().get(p.problems().size() - 1).message()).contains("further problems");
  }

  @Test
  void tenThousandNestedParenthesesParseWithoutStackOverflow() {
    int depth = 10_000;
    String nested = "(".repeat(depth) + "1" + ")".repeat(depth);
    ParsedScript p =
        SqlParser.parse(
            "select "
                + nested
                + ";\n"
                + "create table t (a int default "
                + nested
                + " check "
                + nested
                + ");\n"
                + "create index i on t ("
                + nested
                + ") where "
                + nested
                + ";\n"
                + "select "
                + "(".repeat(depth)
                + ";\nselect 2");
    assertThat(p.statements()).hasSize(4);
    assertThat(p.statements().get(0).stmt()).isInstanceOf(Select.class);
    CreateTable t = (CreateTable) p.statements().get(1).stmt();
    assertThat(t.columns().get(0).defaultExpr()).isEqualTo(nested);
    CreateIndex i = (CreateIndex) p.statements().get(2).stmt();
    assertThat(i.keys()).containsExactly(nested);
    assertThat(i.where()).isEqualTo(nested);
    // An unclosed parenthesis swallows the rest, as PostgreSQL would read it.
    assertThat(p.statements().get(3).sql()).endsWith("select 2");
  }

  @Test
  void fiftyMegabyteScriptParsesInBoundedTime() {
    String unit =
        "CREATE TABLE IF NOT EXISTS app.t_%d (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            + " name varchar(255) NOT NULL DEFAULT 'x', created_at timestamptz DEFAULT now());\n"
            + "CREATE INDEX CONCURRENTLY t_%d_name ON app.t_%d (lower(name)) WHERE id > 0;\n"
            + "ALTER TABLE app.t_%d ADD COLUMN flag boolean DEFAULT false, ALTER COLUMN name SET"
            + " NOT NULL;\n"
            + "-- a comment; with a semicolon\n"
            + "UPDATE app.t_%d SET name = 'it''s', flag = true WHERE id = $1;\n";
    int target = 50 * 1024 * 1024;
    StringBuilder b = new StringBuilder(target + 1024);
    int units = 0;
    while (b.length() < target) {
      b.append(unit.replace("%d", Integer.toString(units++)));
    }
    String text = b.toString();
    b = null;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    ParsedScript p = SqlParser.parse(text);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    int statements = p.statements().size();
    System.out.printf(
        "50 MB script: %d statements in %.2f s wall, %.2f s cpu (%.0f statements/s wall, %.0f"
            + " statements/s cpu)%n",
        statements, seconds, cpuSeconds, statements / seconds, statements / cpuSeconds);
    assertThat(statements).isEqualTo(units * 4);
    assertThat(p.problems()).isEmpty();
    assertThat(p.statements().get(statements - 1).line()).isEqualTo(units * 5);
    // The bound is on this thread's CPU time: wall time on a shared build machine mostly measures
    // the other processes. Wall time gets a looser bound so a pathological slowdown still fails.
    assertThat(cpuSeconds).isLessThan(20.0);
    assertThat(seconds).isLessThan(60.0);
  }
}

package dev.schemagate.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.schemagate.core.ExitCode;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

  private static List<SqlStatement> pg(String sql) {
    return StatementSplitter.split(sql, Dialect.POSTGRES);
  }

  private static List<SqlStatement> sqlite(String sql) {
    return StatementSplitter.split(sql, Dialect.SQLITE);
  }

  private static List<String> texts(List<SqlStatement> statements) {
    return statements.stream().map(SqlStatement::sql).toList();
  }

  @Nested
  class Basics {
    @Test
    void splitsOnTopLevelSemicolonsAndDropsThem() {
      assertThat(pg("SELECT 1; SELECT 2;"))
          .containsExactly(new SqlStatement("SELECT 1", 1), new SqlStatement("SELECT 2", 1));
    }

    @Test
    void keepsLastStatementWithoutTrailingSemicolon() {
      assertThat(pg("CREATE TABLE a (id int);\nDROP TABLE a"))
          .containsExactly(
              new SqlStatement("CREATE TABLE a (id int)", 1), new SqlStatement("DROP TABLE a", 2));
    }

    @Test
    void trimsSurroundingWhitespace() {
      assertThat(pg("  \n\t SELECT 1 \n ;  \n")).containsExactly(new SqlStatement("SELECT 1", 2));
    }

    @Test
    void yieldsNothingForEmptyOrBlankInput() {
      assertThat(pg("")).isEmpty();
      assertThat(pg(" \n\t\r\n ")).isEmpty();
      assertThat(pg(";;  ;\n;")).isEmpty();
    }

    @Test
    void yieldsNothingForCommentOnlyInput() {
      assertThat(pg("-- Not reversible")).isEmpty();
      assertThat(pg("-- Not reversible\n")).isEmpty();
      assertThat(pg("/* nothing */ -- here\n/* or /* here */ */;\n-- at all;")).isEmpty();
      assertThat(sqlite("-- Not reversible\n/* x */")).isEmpty();
    }

    @Test
    void dropsCommentsBeforeAStatementButKeepsCommentsInsideIt() {
      String sql = "-- header\n/* block */\nSELECT 1, -- one\n  2 /* two */;\n-- trailer\n";
      assertThat(pg(sql)).containsExactly(new SqlStatement("SELECT 1, -- one\n  2 /* two */", 3));
    }

    @Test
    void keepsACommentAfterTheLastTokenOfAStatementWithoutSemicolon() {
      assertThat(texts(pg("SELECT 1 -- done"))).containsExactly("SELECT 1 -- done");
    }

    @Test
    void skipsALeadingByteOrderMark() {
      assertThat(pg("\uFEFFSELECT 1;")).containsExactly(new SqlStatement("SELECT 1", 1));
    }

    @Test
    void leavesPsqlMetaCommandsInTheStatementText() {
      assertThat(texts(pg("\\set ON_ERROR_STOP on\nSELECT 1;")))
          .containsExactly("\\set ON_ERROR_STOP on\nSELECT 1");
    }
  }

  @Nested
  class LineNumbers {
    @Test
    void countsLinesToTheFirstSignificantCharacter() {
      String sql = "\n\n-- comment\n  SELECT 1;\n\nSELECT\n2;";
      assertThat(pg(sql)).extracting(SqlStatement::line).containsExactly(4, 6);
    }

    @Test
    void countsLinesInsideMultiLineDollarBodies() {
      String sql =
          """
          CREATE FUNCTION f() RETURNS int AS $$
          BEGIN
            RETURN 1;
          END;
          $$ LANGUAGE plpgsql;

          SELECT f();
          """;
      assertThat(pg(sql)).extracting(SqlStatement::line).containsExactly(1, 7);
    }

    @Test
    void countsLinesInsideBlockCommentsAndStrings() {
      String sql =
          "/* a\nb\n/* c\n*/ */ SELECT 'x\ny\nz';\nSELECT \"q\nr\";\nSELECT E'\\\n';\nSELECT 4;";
      assertThat(pg(sql)).extracting(SqlStatement::line).containsExactly(4, 7, 9, 11);
    }

    @Test
    void treatsCrLfAsOneLineBreak() {
      String sql = "-- c\r\nSELECT 1;\r\n\r\nSELECT\r\n 2;\r\n/* x\r\n*/\r\nSELECT $$a\r\nb$$;";
      List<SqlStatement> statements = pg(sql);
      assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 4, 8);
      assertThat(statements.get(1).sql()).isEqualTo("SELECT\r\n 2");
    }

    @Test
    void treatsALoneCarriageReturnAsALineBreak() {
      assertThat(pg("SELECT 1;\rSELECT 2;")).extracting(SqlStatement::line).containsExactly(1, 2);
    }
  }

  @Nested
  class Strings {
    @Test
    void ignoresSemicolonsInSingleQuotedStringsWithDoubledQuotes() {
      assertThat(texts(pg("SELECT 'a;b', 'it''s; fine'; SELECT 2")))
          .containsExactly("SELECT 'a;b', 'it''s; fine'", "SELECT 2");
    }

    @Test
    void treatsBackslashInPlainStringsAsOrdinary() {
      // standard_conforming_strings = on: 'a\' is a complete string.
      assertThat(texts(pg("SELECT 'a\\'; SELECT 2"))).containsExactly("SELECT 'a\\'", "SELECT 2");
    }

    @Test
    void honoursBackslashEscapesInEscapeStrings() {
      assertThat(texts(pg("SELECT E'it\\'s;'; SELECT e'\\\\'; SELECT 3")))
          .containsExactly("SELECT E'it\\'s;'", "SELECT e'\\\\'", "SELECT 3");
    }

    @Test
    void doesNotTakeAnIdentifierEndingInEForAnEscapeString() {
      // "type" ends in e, but type'...' is not E'...': the backslash is ordinary.
      assertThat(texts(pg("SELECT type'a\\'; SELECT 2"))).hasSize(2);
    }

    @Test
    void treatsPrefixedStringsAsPlainStrings() {
      assertThat(texts(pg("SELECT U&'d\\0061t;a', B'1;0', X'1F;', N'n;'; SELECT 2")))
          .containsExactly("SELECT U&'d\\0061t;a', B'1;0', X'1F;', N'n;'", "SELECT 2");
    }

    @Test
    void ignoresSemicolonsInDoubleQuotedIdentifiers() {
      assertThat(texts(pg("CREATE TABLE \"a;\"\"b\" (x int); SELECT 2")))
          .containsExactly("CREATE TABLE \"a;\"\"b\" (x int)", "SELECT 2");
    }

    @Test
    void ignoresCommentMarkersInsideStrings() {
      assertThat(texts(pg("SELECT '--', '/*'; SELECT 2")))
          .containsExactly("SELECT '--', '/*'", "SELECT 2");
    }
  }

  @Nested
  class DollarQuotes {
    @Test
    void ignoresSemicolonsInAnonymousDollarQuotes() {
      assertThat(texts(pg("DO $$ BEGIN PERFORM 1; END $$; SELECT 2")))
          .containsExactly("DO $$ BEGIN PERFORM 1; END $$", "SELECT 2");
    }

    @Test
    void closesATaggedDollarQuoteOnlyAtTheSameTag() {
      String sql =
          "CREATE FUNCTION f() RETURNS text AS $fn$ SELECT $$;$$ || $x$;$x$; $fn$ LANGUAGE"
              + " sql;SELECT 2";
      assertThat(texts(pg(sql)))
          .containsExactly(
              "CREATE FUNCTION f() RETURNS text AS $fn$ SELECT $$;$$ || $x$;$x$; $fn$ LANGUAGE sql",
              "SELECT 2");
    }

    @Test
    void doesNotTakePositionalParametersForDollarQuotes() {
      assertThat(texts(pg("SELECT $1, $2; SELECT $3")))
          .containsExactly("SELECT $1, $2", "SELECT $3");
    }

    @Test
    void doesNotTakeADollarInsideAnIdentifierForADollarQuote() {
      assertThat(texts(pg("SELECT a$b$; SELECT c$"))).containsExactly("SELECT a$b$", "SELECT c$");
    }

    @Test
    void acceptsUnderscoreAndDigitsInTags() {
      assertThat(texts(pg("SELECT $_t1$;$_t1$; SELECT 2")))
          .containsExactly("SELECT $_t1$;$_t1$", "SELECT 2");
    }

    @Test
    void leavesDollarSignsAloneInSqlite() {
      assertThat(texts(sqlite("SELECT $a; SELECT $$; SELECT 3")))
          .containsExactly("SELECT $a", "SELECT $$", "SELECT 3");
    }
  }

  @Nested
  class Comments {
    @Test
    void ignoresSemicolonsInLineComments() {
      assertThat(texts(pg("SELECT 1 -- a; b\n; SELECT 2")))
          .containsExactly("SELECT 1 -- a; b", "SELECT 2");
    }

    @Test
    void nestsBlockCommentsInPostgres() {
      assertThat(texts(pg("SELECT 1 /* a /* b; */ still comment; */; SELECT 2")))
          .containsExactly("SELECT 1 /* a /* b; */ still comment; */", "SELECT 2");
    }

    @Test
    void doesNotNestBlockCommentsInSqlite() {
      assertThat(texts(sqlite("SELECT 1 /* a /* b */; SELECT 2")))
          .containsExactly("SELECT 1 /* a /* b */", "SELECT 2");
    }

    @Test
    void doesNotTakeASingleDashOrSlashForAComment() {
      assertThat(texts(pg("SELECT 4-1, 4/2; SELECT 2")))
          .containsExactly("SELECT 4-1, 4/2", "SELECT 2");
    }
  }

  @Nested
  class PostgresBlocks {
    @Test
    void keepsABeginAtomicBodyWhole() {
      String sql =
          """
          CREATE FUNCTION add(a int, b int) RETURNS int
            LANGUAGE sql
            BEGIN ATOMIC
              INSERT INTO calls VALUES (1);
              SELECT a + b;
            END;
          SELECT 2;
          """;
      List<SqlStatement> statements = pg(sql);
      assertThat(statements).hasSize(2);
      assertThat(statements.get(0).sql()).startsWith("CREATE FUNCTION").endsWith("END");
      assertThat(statements.get(1)).isEqualTo(new SqlStatement("SELECT 2", 7));
    }

    @Test
    void countsCaseInsideBeginAtomicSoItsEndDoesNotCloseTheBody() {
      String sql =
          """
          create or replace procedure p(x int)
          language sql
          begin atomic
            insert into t values (case when x > 0 then 1 else 0 end);
            update t set v = case x when 1 then 'a' end;
          end;
          select 2
          """;
      assertThat(pg(sql)).extracting(SqlStatement::line).containsExactly(1, 7);
    }

    @Test
    void allowsCommentsBetweenBeginAndAtomic() {
      String sql =
          "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN -- x\n"
              + " ATOMIC SELECT 1; END; SELECT 2";
      assertThat(pg(sql)).hasSize(2);
    }

    @Test
    void treatsPlainBeginAsItsOwnStatement() {
      assertThat(texts(pg("BEGIN; SELECT 1; COMMIT;")))
          .containsExactly("BEGIN", "SELECT 1", "COMMIT");
      assertThat(texts(pg("BEGIN ATOMIC; SELECT 1"))).containsExactly("BEGIN ATOMIC", "SELECT 1");
    }

    @Test
    void ignoresCaseEndOutsideABeginAtomicBody() {
      String sql =
          "CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql RETURN CASE WHEN x > 0 THEN 1 END;"
              + " SELECT 2";
      assertThat(pg(sql)).hasSize(2);
    }

    @Test
    void keepsSemicolonsInsideParentheses() {
      String sql =
          "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); DELETE FROM b);"
              + " SELECT 2";
      assertThat(texts(pg(sql)))
          .containsExactly(
              "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); DELETE FROM b)",
              "SELECT 2");
    }

    @Test
    void doesNotTreatSqliteQuotesSpeciallyInPostgres() {
      assertThat(texts(pg("SELECT a[1], `b; SELECT 2")))
          .containsExactly("SELECT a[1], `b", "SELECT 2");
    }
  }

  @Nested
  class SqliteTriggers {
    @Test
    void keepsATriggerBodyWhole() {
      String sql =
          """
          CREATE TRIGGER t AFTER INSERT ON a
          BEGIN
            INSERT INTO log VALUES (new.id);
            UPDATE b SET n = n + 1;
          END;
          SELECT 2;
          """;
      List<SqlStatement> statements = sqlite(sql);
      assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 6);
      assertThat(statements.get(0).sql()).endsWith("UPDATE b SET n = n + 1;\nEND");
    }

    @Test
    void countsCaseInsideATriggerBody() {
      String sql =
          """
          create temp trigger if not exists t before update on a
          when (case when new.x > 0 then 1 else 0 end) = 1
          begin
            update b set v = case new.x when 1 then 'one' else 'many' end;
            select case when new.y is null then raise(abort, 'y; required') end;
          end;
          insert into c values (1);
          """;
      assertThat(sqlite(sql)).extracting(SqlStatement::line).containsExactly(1, 7);
    }

    @Test
    void treatsPlainBeginAsItsOwnStatement() {
      assertThat(texts(sqlite("BEGIN;\nBEGIN TRANSACTION;\nCREATE TABLE a (x);\nEND;\nCOMMIT")))
          .containsExactly("BEGIN", "BEGIN TRANSACTION", "CREATE TABLE a (x)", "END", "COMMIT");
    }

    @Test
    void doesNotLookForTriggerBodiesInPostgres() {
      String sql =
          "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW EXECUTE FUNCTION f(); BEGIN; SELECT 1";
      assertThat(pg(sql)).hasSize(3);
    }

    @Test
    void ignoresSemicolonsInBacktickAndBracketIdentifiers() {
      assertThat(texts(sqlite("SELECT `a;``b`, [c;d]; SELECT 2")))
          .containsExactly("SELECT `a;``b`, [c;d]", "SELECT 2");
    }
  }

  @Nested
  class Unterminated {
    private static void assertFails(String sql, Dialect dialect, int line, String message) {
      assertThatThrownBy(() -> StatementSplitter.split(sql, dialect))
          .isInstanceOfSatisfying(
              SqlSplitException.class,
              e -> {
                assertThat(e.line()).isEqualTo(line);
                assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                assertThat(e.nextStep()).isEqualTo("close it or fix the quoting");
              })
          .hasMessage(message);
    }

    @Test
    void reportsAnUnterminatedDollarQuoteAtTheLineItStarts() {
      assertFails(
          "SELECT 1;\n\nCREATE FUNCTION f() AS $fn$\nSELECT 1;\n",
          Dialect.POSTGRES,
          3,
          "unterminated dollar-quoted string $fn$ starting at line 3");
    }

    @Test
    void reportsADollarQuoteClosedWithTheWrongTag() {
      assertFails(
          "DO $a$ BEGIN END $b$;",
          Dialect.POSTGRES,
          1,
          "unterminated dollar-quoted string $a$ starting at line 1");
    }

    @Test
    void reportsAnUnterminatedString() {
      assertFails(
          "SELECT 1;\nSELECT 'abc;\n\n",
          Dialect.POSTGRES,
          2,
          "unterminated quoted string starting at line 2");
      assertFails(
          "SELECT 'it\\'s'", Dialect.SQLITE, 1, "unterminated quoted string starting at line 1");
    }

    @Test
    void reportsAnUnterminatedEscapeString() {
      assertFails(
          "\nSELECT E'it\\'s;",
          Dialect.POSTGRES,
          2,
          "unterminated escape string E'...' starting at line 2");
    }

    @Test
    void reportsAnUnterminatedQuotedIdentifier() {
      assertFails(
          "\r\n\r\nSELECT \"a",
          Dialect.POSTGRES,
          3,
          "unterminated quoted identifier starting at line 3");
      assertFails(
          "SELECT `a", Dialect.SQLITE, 1, "unterminated quoted identifier starting at line 1");
      assertFails(
          "SELECT [a",
          Dialect.SQLITE,
          1,
          "unterminated bracket-quoted identifier [...] starting at line 1");
    }

    @Test
    void reportsAnUnterminatedNestedBlockComment() {
      assertFails(
          "SELECT 1;\n/* outer\n/* inner */\nSELECT 2;",
          Dialect.POSTGRES,
          2,
          "unterminated block comment starting at line 2");
    }

    @Test
    void acceptsAnUnterminatedLineCommentAtTheEnd() {
      assertThat(texts(pg("SELECT 1; -- bye"))).containsExactly("SELECT 1");
    }

    @Test
    void returnsAnUnclosedBlockAsOneStatementForTheDatabaseToReject() {
      assertThat(sqlite("CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; SELECT 2;")).hasSize(1);
    }
  }
}

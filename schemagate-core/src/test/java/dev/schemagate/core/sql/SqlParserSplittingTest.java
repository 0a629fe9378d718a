package dev.schemagate.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.sql.ast.CreateObject;
import dev.schemagate.core.sql.ast.Select;
import dev.schemagate.core.sql.ast.Unrecognised;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlParserSplittingTest {

  private static List<String> sqls(String text) {
    return SqlParser.parse(text).statements().stream().map(ParsedStatement::sql).toList();
  }

  @Test
  void splitsAtTopLevelSemicolonsOnly() {
    assertThat(
            sqls(
                "insert into t values ('a;b', \"c;d\");\n"
                    + "do $$ begin perform 1; end $$;\n"
                    + "create rule r as on insert to t do instead (select 1; select 2);\n"
                    + "select 1 /* ; */ -- ;\n;"))
        .containsExactly(
            "insert into t values ('a;b', \"c;d\")",
            "do $$ begin perform 1; end $$",
            "create rule r as on insert to t do instead (select 1; select 2)",
            "select 1");
  }

  @Test
  void keepsBeginAtomicBodiesWholeCountingCaseEnd() {
    List<ParsedStatement> s =
        SqlParser.parse(
                "create or replace function f() returns int language sql\n"
                    + "begin atomic\n  select case when true then 1 else 2 end;\n  select 3;\nend;\n"
                    + "select 4;")
            .statements();
    assertThat(s).hasSize(2);
    assertThat(s.get(0).stmt()).isInstanceOf(CreateObject.class);
    assertThat(s.get(0).sql()).endsWith("select 3;\nend");
    assertThat(s.get(1).stmt()).isInstanceOf(Select.class);
    assertThat(s.get(1).line()).isEqualTo(6);
  }

  @Test
  void beginOutsideARoutineIsATransactionNotABlock() {
    assertThat(sqls("begin; select 1; commit;")).containsExactly("begin", "select 1", "commit");
  }

  @Test
  void skipsEmptyAndCommentOnlyStatementsButKeepsTheComments() {
    ParsedScript p = SqlParser.parse(";;\n-- Not reversible\n;/* x */;select 1;;");
    assertThat(p.statements()).extracting(ParsedStatement::sql).containsExactly("select 1");
    assertThat(p.comments())
        .extracting(Token::text)
        .containsExactly("-- Not reversible", "/* x */");
    assertThat(p.problems()).isEmpty();
  }

  @Test
  void statementLineIsItsFirstTokenAndCommentsInsideAreKept() {
    ParsedScript p = SqlParser.parse("-- lead\n\nselect 1\n -- inside\n , 2;\n\n  select 3");
    assertThat(p.statements()).extracting(ParsedStatement::line).containsExactly(3, 7);
    assertThat(p.statements().get(0).sql()).isEqualTo("select 1\n -- inside\n , 2");
    assertThat(p.statements().get(0).tokens())
        .extracting(Token::text)
        .containsExactly("select", "1", ",", "2");
    assertThat(p.statements().get(0).stmt().line()).isEqualTo(3);
    assertThat(p.statements().get(0).stmt().sql()).isEqualTo(p.statements().get(0).sql());
  }

  @Test
  void lastStatementNeedsNoSemicolon() {
    assertThat(sqls("select 1; select 2")).containsExactly("select 1", "select 2");
  }

  @Test
  void unknownStatementsAreUnrecognisedWithTheirLeadingKeywordsNeverDropped() {
    List<ParsedStatement> s =
        SqlParser.parse(
                "create operator class c for type int using btree as operator 1 <;\n"
                    + "explain select 1; listen x;")
            .statements();
    assertThat(s).hasSize(3);
    assertThat(s.get(0).stmt()).isInstanceOf(CreateObject.class);
    assertThat(((CreateObject) s.get(0).stmt()).objectType()).isEqualTo("OPERATOR CLASS");
    assertThat(s.get(1).stmt())
        .isEqualTo(new Unrecognised("EXPLAIN SELECT", 2, "explain select 1"));
    assertThat(((Unrecognised) s.get(2).stmt()).keywords()).isEqualTo("LISTEN X");
  }

  @Test
  void parsesEmptyAndNullInput() {
    assertThat(SqlParser.parse("").statements()).isEmpty();
    assertThat(SqlParser.parse(null).statements()).isEmpty();
  }
}

package dev.schemagate.core.schema.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqliteTextTest {

  @Test
  void normalizeCollapsesWhitespaceAndCommentsButNotInsideQuotes() {
    assertThat(
            SqliteText.normalize(
                "CREATE  VIEW v -- note\n AS SELECT 'a  b' ,\t\"x  y\" /* c */ FROM t "))
        .isEqualTo("CREATE VIEW v AS SELECT 'a  b' , \"x  y\" FROM t");
  }

  @Test
  void splitIgnoresCommasInsideParenthesesQuotesAndComments() {
    assertThat(
            SqliteText.split(
                "a INT DEFAULT (1, 2), b TEXT DEFAULT 'x,y', \"c,d\" INT -- e, f\n, CHECK (a IN (1, 2))"))
        .containsExactly(
            "a INT DEFAULT (1, 2)", "b TEXT DEFAULT 'x,y'", "\"c,d\" INT", "CHECK (a IN (1, 2))");
  }

  @Test
  void groupFindsTheBalancedParenthesesAfterAQuotedParenthesis() {
    String sql = "CREATE TABLE \"t(\" (a INT CHECK (a > 0)) STRICT";
    int[] g = SqliteText.group(sql, 0);
    assertThat(sql.substring(g[0], g[1] + 1)).isEqualTo("(a INT CHECK (a > 0))");
  }

  @Test
  void keywordMatchesWholeWordsAtTopLevelOnly() {
    String text = "x INT CHECK (x <> 'COLLATE') COLLATE nocase";
    assertThat(SqliteText.keyword(text, "collate", 0)).isEqualTo(text.lastIndexOf("COLLATE"));
    assertThat(SqliteText.keyword("collated INT", "COLLATE", 0)).isEqualTo(-1);
  }

  @Test
  void wordsUnquoteIdentifiersAndSkipStringLiterals() {
    assertThat(SqliteText.words("SELECT \"a\"\"b\", [c d], `e`, 'lit' FROM t1"))
        .containsExactly("SELECT", "a\"b", "c d", "e", "FROM", "t1");
  }
}

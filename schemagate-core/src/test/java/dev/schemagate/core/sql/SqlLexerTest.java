package dev.schemagate.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

  private static List<TokenKind> kinds(String sql) {
    return SqlLexer.tokenize(sql).stream().map(Token::kind).toList();
  }

  private static List<String> texts(String sql) {
    return SqlLexer.tokenize(sql).stream().map(Token::text).toList();
  }

  @Test
  void readsWordsQuotedIdentifiersAndPunctuation() {
    assertThat(texts("select \"A\"\"b\".c, x[1] from t;"))
        .containsExactly(
            "select", "\"A\"\"b\"", ".", "c", ",", "x", "[", "1", "]", "from", "t", ";");
    assertThat(kinds("a.\"B\"(1);"))
        .containsExactly(
            TokenKind.WORD,
            TokenKind.DOT,
            TokenKind.QUOTED_IDENT,
            TokenKind.LPAREN,
            TokenKind.NUMBER,
            TokenKind.RPAREN,
            TokenKind.SEMICOLON);
  }

  @Test
  void identifierLowerCasesWordsAndUnquotesQuotedOnes() {
    List<Token> t = SqlLexer.tokenize("FooBar \"Foo\"\"Bar\" U&\"d\\0061t\"");
    assertThat(t.get(0).identifier()).isEqualTo("foobar");
    assertThat(t.get(1).identifier()).isEqualTo("Foo\"Bar");
    assertThat(t.get(2).kind()).isEqualTo(TokenKind.QUOTED_IDENT);
    assertThat(t.get(2).identifier()).isEqualTo("d\\0061t");
    assertThat(t.get(0).isWord("foobar")).isTrue();
    assertThat(t.get(1).isWord("foo\"bar")).isFalse();
  }

  @Test
  void standardStringsDoubleTheQuoteAndKeepBackslashes() {
    assertThat(texts("'it''s' 'a\\' x")).containsExactly("'it''s'", "'a\\'", "x");
  }

  @Test
  void escapeStringsTakeBackslashEscapes() {
    assertThat(texts("E'it\\'s;' e'\\\\' x")).containsExactly("E'it\\'s;'", "e'\\\\'", "x");
    assertThat(kinds("E'a''b'")).containsExactly(TokenKind.STRING);
  }

  @Test
  void prefixedStringsAreOneToken() {
    assertThat(texts("U&'d\\0061t' B'101' X'1F' N'x' u&'y'"))
        .containsExactly("U&'d\\0061t'", "B'101'", "X'1F'", "N'x'", "u&'y'");
    assertThat(kinds("U&'a' B'1'")).containsOnly(TokenKind.STRING);
  }

  @Test
  void dollarQuotesWithAndWithoutTagsHideSemicolonsAndQuotes() {
    List<Token> t = SqlLexer.tokenize("$$ a; 'b $$ $fn$ $$ inner $$; $fn$ $1 a$b$");
    assertThat(t)
        .extracting(Token::kind)
        .containsExactly(
            TokenKind.DOLLAR_STRING, TokenKind.DOLLAR_STRING, TokenKind.PARAM, TokenKind.WORD);
    assertThat(t.get(1).text()).isEqualTo("$fn$ $$ inner $$; $fn$");
    assertThat(t.get(3).text()).isEqualTo("a$b$");
  }

  @Test
  void blockCommentsNestAndLineCommentsEndAtTheLineBreak() {
    List<Token> t = SqlLexer.tokenize("/* a /* b */ c */ x -- y\r\nz");
    assertThat(t)
        .extracting(Token::kind)
        .containsExactly(TokenKind.COMMENT, TokenKind.WORD, TokenKind.COMMENT, TokenKind.WORD);
    assertThat(t.get(0).text()).isEqualTo("/* a /* b */ c */");
    assertThat(t.get(2).text()).isEqualTo("-- y");
    assertThat(t.get(3).line()).isEqualTo(2);
  }

  @Test
  void numbersIncludeExponentsLeadingDotsAndRadixPrefixes() {
    assertThat(texts("1 1.5 .5 1e5 2.5E-3 0x1F 1_000 1."))
        .containsExactly("1", "1.5", ".5", "1e5", "2.5E-3", "0x1F", "1_000", "1.");
    assertThat(kinds("1e5 .5")).containsOnly(TokenKind.NUMBER);
    assertThat(texts("1ex")).containsExactly("1", "ex");
  }

  @Test
  void operatorsFollowPostgresRules() {
    assertThat(texts("a::int b->>'k' c<>d e=-1 f||g h@>i j := k"))
        .containsExactly(
            "a", "::", "int", "b", "->>", "'k'", "c", "<>", "d", "e", "=", "-", "1", "f", "||", "g",
            "h", "@>", "i", "j", ":=", "k");
    // A comment start inside an operator run ends the operator.
    assertThat(texts("a+--x\nb")).containsExactly("a", "+", "--x", "b");
    // Trailing minus stays when the run holds a character such as @.
    assertThat(texts("a @- b")).containsExactly("a", "@-", "b");
  }

  @Test
  void parametersArePositionalQuestionMarksAndColonNames() {
    List<Token> t = SqlLexer.tokenize("$1 ? :name ?| x");
    assertThat(t)
        .extracting(Token::kind)
        .containsExactly(
            TokenKind.PARAM, TokenKind.PARAM, TokenKind.PARAM, TokenKind.OPERATOR, TokenKind.WORD);
  }

  @Test
  void linesCountLfCrLfAndLoneCrAndSpanMultiLineTokens() {
    List<Token> t = SqlLexer.tokenize("a\nb\r\nc\rd 'x\ny' e $$\n\n$$ f /*\n*/ g");
    assertThat(t).extracting(Token::line).containsExactly(1, 2, 3, 4, 4, 5, 5, 7, 7, 8);
  }

  @Test
  void offsetsPointAtTokenStartsAndSkipALeadingByteOrderMark() {
    String sql = "\uFEFFselect  x";
    List<Token> t = SqlLexer.tokenize(sql);
    assertThat(t).extracting(Token::text).containsExactly("select", "x");
    assertThat(sql.substring(t.get(1).offset())).isEqualTo("x");
  }

  @Test
  void unterminatedTokensRunToTheEndAndKeepTheirStartLine() {
    for (String open :
        List.of("'abc", "E'a\\'", "\"abc", "$$ body", "$x$ body $y$", "/* a /* b */")) {
      String sql = "select 1;\nselect\n" + open + "\nmore;";
      List<Token> t = SqlLexer.tokenize(sql);
      Token last = t.get(t.size() - 1);
      assertThat(last.kind()).as(open).isEqualTo(TokenKind.UNTERMINATED);
      assertThat(last.line()).as(open).isEqualTo(3);
      assertThat(last.text()).as(open).endsWith("more;");
    }
  }

  @Test
  void controlBytesAndStrayCharactersAreOtherTokensNotErrors() {
    List<Token> t = SqlLexer.tokenize("a \0\1\2 b \\x {");
    assertThat(t)
        .extracting(Token::kind)
        .containsExactly(
            TokenKind.WORD,
            TokenKind.OTHER,
            TokenKind.WORD,
            TokenKind.OTHER,
            TokenKind.WORD,
            TokenKind.OTHER);
    assertThat(t.get(1).text()).isEqualTo("\0\1\2");
  }

  @Test
  void handlesEmptyAndNullInput() {
    assertThat(SqlLexer.tokenize("")).isEmpty();
    assertThat(SqlLexer.tokenize(null)).isEmpty();
    assertThat(SqlLexer.tokenize("  \n\t ")).isEmpty();
  }

  @Test
  void lonelyDollarAndColonDoNotThrow() {
    assertThat(texts("$ $a :")).containsExactly("$", "$", "a", ":");
  }
}

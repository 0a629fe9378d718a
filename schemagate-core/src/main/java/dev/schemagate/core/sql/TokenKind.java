package dev.schemagate.core.sql;

/** What a {@link Token} is, by PostgreSQL's lexical rules. */
public enum TokenKind {
  /** A keyword or bare identifier, as written (case kept in {@link Token#text()}). */
  WORD,
  /** {@code "x"} or {@code U&"x"}; {@link Token#identifier()} gives the name. */
  QUOTED_IDENT,
  /** {@code '..'}, {@code E'..'}, {@code U&'..'}, {@code B'..'}, {@code X'..'}, {@code N'..'}. */
  STRING,
  /** {@code $$..$$} or {@code $tag$..$tag$}. */
  DOLLAR_STRING,
  /** {@code 1}, {@code 1.5}, {@code .5}, {@code 1e5}, {@code 0x1F}. */
  NUMBER,
  /** An operator such as {@code =}, {@code <>}, {@code ::}, {@code ||}, {@code ->>}. */
  OPERATOR,
  LPAREN,
  RPAREN,
  COMMA,
  SEMICOLON,
  DOT,
  LBRACKET,
  RBRACKET,
  /** {@code $1}, {@code ?} (only when alone), {@code :name}. */
  PARAM,
  /** {@code -- ...} or a (nested) block comment. */
  COMMENT,
  /**
   * A string, quoted identifier, comment or dollar body that never ends: the token runs to the end
   * of the input and its {@link Token#line()} is where it starts.
   */
  UNTERMINATED,
  /** Any character that cannot start a PostgreSQL token (including NUL and other control bytes). */
  OTHER
}

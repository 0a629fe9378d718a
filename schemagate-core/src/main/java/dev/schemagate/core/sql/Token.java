package dev.schemagate.core.sql;

/**
 * One lexical token.
 *
 * @param kind what it is
 * @param text the exact source text, quotes and prefixes included
 * @param line 1-based line where the token starts
 * @param offset 0-based character offset where the token starts, within the text tokenized
 */
public record Token(TokenKind kind, String text, int line, int offset) {

  /** Whether this is a {@link TokenKind#WORD} equal to {@code word}, ignoring case. */
  public boolean isWord(String word) {
    return kind == TokenKind.WORD && text.equalsIgnoreCase(word);
  }

  /**
   * The identifier this token names: a WORD lower-cased (as PostgreSQL folds unquoted names), a
   * QUOTED_IDENT without its quotes and with {@code ""} turned into {@code "}, case kept. A {@code
   * U&"..."} identifier keeps its escapes unresolved (rare in migrations). Any other token gives
   * its text unchanged.
   */
  public String identifier() {
    switch (kind) {
      case WORD:
        return lower(text);
      case QUOTED_IDENT:
        {
          int start = text.indexOf('"') + 1;
          int end = text.length() - 1;
          if (end < start) {
            return "";
          }
          String inner = text.substring(start, end);
          return inner.indexOf('"') < 0 ? inner : inner.replace("\"\"", "\"");
        }
      default:
        return text;
    }
  }

  /** ASCII lower-casing, allocation-free when the text is already lower case. */
  static String lower(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] chars = s.toCharArray();
        for (int j = i; j < chars.length; j++) {
          char d = chars[j];
          if (d >= 'A' && d <= 'Z') {
            chars[j] = (char) (d + 32);
          }
        }
        return new String(chars);
      }
    }
    return s;
  }
}

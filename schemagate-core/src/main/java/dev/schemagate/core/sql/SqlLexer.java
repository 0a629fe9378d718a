package dev.schemagate.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text into PostgreSQL tokens.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Never throws, for any input (binary included). Characters no token can start with become
 *       {@link TokenKind#OTHER} tokens (a run of them is one token); a string, quoted identifier,
 *       block comment or dollar body that is never closed becomes one {@link
 *       TokenKind#UNTERMINATED} token running to the end of the input, with the line where it
 *       starts.
 *   <li>Whitespace is not a token; comments are ({@link TokenKind#COMMENT}). Concatenating the
 *       token texts with the whitespace between them gives back the input.
 *   <li>Lines are 1-based; {@code \n}, {@code \r\n} and a lone {@code \r} each end one. A
 *       byte-order mark at the very start is skipped.
 *   <li>Linear time, no recursion: nesting (block comments) is counted, not recursed into.
 * </ul>
 *
 * <h2>What is recognised</h2>
 *
 * <p>Plain {@code '..'} strings with {@code ''} doubling and backslash as an ordinary character
 * ({@code standard_conforming_strings = on}, the default since PostgreSQL 9.1); {@code E'..'} with
 * backslash escapes; {@code U&'..'}, {@code B'..'}, {@code X'..'}, {@code N'..'} as strings; {@code
 * "..."} and {@code U&"..."} identifiers; {@code $$..$$} and {@code $tag$..$tag$} (the tag starts
 * with a letter or underscore, so {@code $1} is a parameter); nested block comments; numbers
 * including {@code 1e5}, {@code .5}, {@code 0x1F} and {@code 1_000}; operators by PostgreSQL's rule
 * (a run of operator characters, cut before {@code --} or {@code /*}, with trailing {@code +} and
 * {@code -} split off unless the run holds one of {@code ~ ! @ # % ^ & | ` ?}); {@code ::} and
 * {@code :=} as operators, {@code :name} and a lone {@code ?} as parameters.
 *
 * <h2>Traps</h2>
 *
 * <ul>
 *   <li>{@code a[1:n]} gives {@code :n} as a parameter; the parser does not care.
 *   <li>A lone {@code ?} is a parameter, so the jsonb operator {@code data ? 'k'} reads as one. The
 *       longer jsonb operators ({@code ?|}, {@code ?&}) are operators.
 *   <li>Adjacent strings separated by a newline ({@code 'a'\n'b'}) are two tokens, not one.
 * </ul>
 *
 * <p>Short token texts (keywords, names, operators) are shared within one call so a large script of
 * repeated statements does not hold a string per token. The class holds no state.
 */
public final class SqlLexer {
  private SqlLexer() {}

  /**
   * Tokens of {@code sql}, in order, comments included.
   *
   * @param sql the text; null is treated as empty
   * @return a new mutable list, never null
   */
  public static List<Token> tokenize(String sql) {
    String s = sql == null ? "" : sql;
    Scanner scanner = new Scanner(s, 0, s.length(), 1);
    List<Token> out = new ArrayList<>(Math.max(16, s.length() / 5));
    Token t;
    while ((t = scanner.next()) != null) {
      out.add(t);
    }
    return out;
  }

  private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";
  private static final String NON_STRIPPING = "~!@#%^&|`?";

  static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || (c >= 0x80 && c != '\uFEFF' && c != '\uFFFD' && !Character.isWhitespace(c));
  }

  static boolean isIdentCont(char c) {
    return isIdentStart(c) || (c >= '0' && c <= '9') || c == '$';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isOperatorChar(char c) {
    return c < 0x80 && OPERATOR_CHARS.indexOf(c) >= 0;
  }

  /**
   * Tokens of {@code s[from, to)} one at a time, so a caller can drop them as it goes. Offsets are
   * within {@code s}; {@code line} is the line at {@code from}. Lexing is context-free between
   * tokens, so a region starting at a token boundary yields the same tokens as the whole text.
   */
  static final class Scanner {
    private static final int INTERN_MAX = 32;

    private final String s;
    private final int n;
    private final String[] interned;
    private Token pending;
    private int pos;
    private int line;

    Scanner(String s, int from, int to, int line) {
      this.s = s;
      this.n = to;
      this.pos = from;
      this.line = line;
      int len = to - from;
      this.interned = new String[len > 16_384 ? 1 << 12 : len > 1024 ? 1 << 9 : 1 << 6];
      if (from == 0 && n > 0 && s.charAt(0) == '\uFEFF') {
        pos = 1;
      }
    }

    /** The next token, or null at the end. */
    Token next() {
      while (pending == null && pos < n) {
        char c = s.charAt(pos);
        switch (c) {
          case ' ', '\t', '\f' -> pos++;
          case '\n' -> {
            line++;
            pos++;
          }
          case '\r' -> {
            if (pos + 1 >= n || s.charAt(pos + 1) != '\n') {
              line++;
            }
            pos++;
          }
          case '(' -> single(TokenKind.LPAREN, "(");
          case ')' -> single(TokenKind.RPAREN, ")");
          case ',' -> single(TokenKind.COMMA, ",");
          case ';' -> single(TokenKind.SEMICOLON, ";");
          case '[' -> single(TokenKind.LBRACKET, "[");
          case ']' -> single(TokenKind.RBRACKET, "]");
          case '\'' -> quoted(pos, pos, '\'', false, TokenKind.STRING);
          case '"' -> quoted(pos, pos, '"', false, TokenKind.QUOTED_IDENT);
          case '$' -> dollar();
          case ':' -> colon();
          case '.' -> {
            if (pos + 1 < n && isDigit(s.charAt(pos + 1))) {
              number();
            } else {
              single(TokenKind.DOT, ".");
            }
          }
          default -> {
            if (isDigit(c)) {
              number();
            } else if (isIdentStart(c)) {
              wordOrPrefixedString(c);
            } else if (c == '-' && pos + 1 < n && s.charAt(pos + 1) == '-') {
              lineComment();
            } else if (c == '/' && pos + 1 < n && s.charAt(pos + 1) == '*') {
              blockComment();
            } else if (isOperatorChar(c)) {
              operator();
            } else {
              other();
            }
          }
        }
      }
      Token t = pending;
      pending = null;
      return t;
    }

    private void emitToken(Token t) {
      pending = t;
    }

    private void single(TokenKind kind, String text) {
      emitToken(new Token(kind, text, line, pos));
      pos++;
    }

    private void emit(TokenKind kind, int start, int end, int startLine) {
      emitToken(new Token(kind, text(start, end), startLine, start));
    }

    /** Shares short texts within this run; long ones are plain substrings. */
    private String text(int start, int end) {
      int len = end - start;
      if (len > INTERN_MAX) {
        return s.substring(start, end);
      }
      int h = 0;
      for (int i = start; i < end; i++) {
        h = 31 * h + s.charAt(i);
      }
      h ^= h >>> 16;
      int mask = interned.length - 1;
      int idx = h & mask;
      for (int probe = 0; probe < 8; probe++) {
        String cand = interned[idx];
        if (cand == null) {
          String fresh = s.substring(start, end);
          interned[idx] = fresh;
          return fresh;
        }
        if (cand.length() == len && s.regionMatches(start, cand, 0, len)) {
          return cand;
        }
        idx = (idx + 1) & mask;
      }
      return s.substring(start, end);
    }

    /** Advances {@link #line} over the line breaks in {@code [from, to)}. */
    private void countLines(int from, int to) {
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        if (c == '\n') {
          line++;
        } else if (c == '\r' && (i + 1 >= n || s.charAt(i + 1) != '\n')) {
          line++;
        }
      }
    }

    private void wordOrPrefixedString(char c) {
      char next = pos + 1 < n ? s.charAt(pos + 1) : 0;
      if (next == '\'') {
        switch (c) {
          case 'e', 'E' -> {
            quoted(pos, pos + 1, '\'', true, TokenKind.STRING);
            return;
          }
          case 'b', 'B', 'x', 'X', 'n', 'N' -> {
            quoted(pos, pos + 1, '\'', false, TokenKind.STRING);
            return;
          }
          default -> {}
        }
      }
      if ((c == 'u' || c == 'U') && next == '&' && pos + 2 < n) {
        char q = s.charAt(pos + 2);
        if (q == '\'') {
          quoted(pos, pos + 2, '\'', false, TokenKind.STRING);
          return;
        }
        if (q == '"') {
          quoted(pos, pos + 2, '"', false, TokenKind.QUOTED_IDENT);
          return;
        }
      }
      int start = pos;
      int i = pos + 1;
      while (i < n && isIdentCont(s.charAt(i))) {
        i++;
      }
      emit(TokenKind.WORD, start, i, line);
      pos = i;
    }

    /**
     * A quoted token starting at {@code start} whose opening quote is at {@code open}. Doubling the
     * quote escapes it; with {@code backslash}, {@code \} escapes the next character too.
     */
    private void quoted(int start, int open, char quote, boolean backslash, TokenKind kind) {
      int startLine = line;
      int i = open + 1;
      int end = -1;
      while (i < n) {
        int q = s.indexOf(quote, i);
        if (q < 0 || q >= n) {
          break;
        }
        if (backslash) {
          // An odd run of backslashes before the quote escapes it.
          int bs = 0;
          int j = q - 1;
          while (j > open && s.charAt(j) == '\\') {
            bs++;
            j--;
          }
          if ((bs & 1) == 1) {
            i = q + 1;
            continue;
          }
        }
        if (q + 1 < n && s.charAt(q + 1) == quote) {
          i = q + 2;
          continue;
        }
        end = q + 1;
        break;
      }
      if (end < 0) {
        unterminated(start, startLine);
        return;
      }
      countLines(open + 1, end);
      emitToken(new Token(kind, s.substring(start, end), startLine, start));
      pos = end;
    }

    private void unterminated(int start, int startLine) {
      countLines(start, n);
      emitToken(new Token(TokenKind.UNTERMINATED, s.substring(start, n), startLine, start));
      pos = n;
    }

    private void dollar() {
      int start = pos;
      int i = pos + 1;
      if (i < n && isDigit(s.charAt(i))) {
        while (i < n && isDigit(s.charAt(i))) {
          i++;
        }
        emit(TokenKind.PARAM, start, i, line);
        pos = i;
        return;
      }
      if (i < n && s.charAt(i) != '$') {
        if (!isIdentStart(s.charAt(i))) {
          other();
          return;
        }
        while (i < n && isIdentCont(s.charAt(i)) && s.charAt(i) != '$') {
          i++;
        }
        if (i >= n || s.charAt(i) != '$') {
          other();
          return;
        }
      }
      if (i >= n) {
        other();
        return;
      }
      int tagEnd = i + 1;
      String tag = s.substring(start, tagEnd);
      int close = s.indexOf(tag, tagEnd);
      int startLine = line;
      if (close < 0 || close + tag.length() > n) {
        unterminated(start, startLine);
        return;
      }
      int end = close + tag.length();
      countLines(tagEnd, close);
      emitToken(new Token(TokenKind.DOLLAR_STRING, s.substring(start, end), startLine, start));
      pos = end;
    }

    private void colon() {
      int start = pos;
      char next = pos + 1 < n ? s.charAt(pos + 1) : 0;
      if (next == ':' || next == '=') {
        emit(TokenKind.OPERATOR, start, start + 2, line);
        pos = start + 2;
      } else if (isIdentStart(next)) {
        int i = pos + 2;
        while (i < n && isIdentCont(s.charAt(i))) {
          i++;
        }
        emit(TokenKind.PARAM, start, i, line);
        pos = i;
      } else {
        emit(TokenKind.OPERATOR, start, start + 1, line);
        pos = start + 1;
      }
    }

    private void number() {
      int start = pos;
      int i = pos;
      if (s.charAt(i) == '0' && i + 2 < n) {
        char p = s.charAt(i + 1);
        int radix =
            (p == 'x' || p == 'X')
                ? 16
                : (p == 'o' || p == 'O') ? 8 : (p == 'b' || p == 'B') ? 2 : 0;
        if (radix != 0 && Character.digit(s.charAt(i + 2), radix) >= 0) {
          i += 2;
          while (i < n && (Character.digit(s.charAt(i), radix) >= 0 || s.charAt(i) == '_')) {
            i++;
          }
          emit(TokenKind.NUMBER, start, i, line);
          pos = i;
          return;
        }
      }
      i = digits(i);
      if (i < n && s.charAt(i) == '.' && !(i + 1 < n && s.charAt(i + 1) == '.')) {
        i = digits(i + 1);
      }
      if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
        int j = i + 1;
        if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
          j++;
        }
        if (j < n && isDigit(s.charAt(j))) {
          i = digits(j);
        }
      }
      emit(TokenKind.NUMBER, start, i, line);
      pos = i;
    }

    private int digits(int i) {
      while (i < n
          && (isDigit(s.charAt(i))
              || (s.charAt(i) == '_' && i + 1 < n && isDigit(s.charAt(i + 1))))) {
        i++;
      }
      return i;
    }

    private void lineComment() {
      int start = pos;
      int i = pos + 2;
      while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
        i++;
      }
      emitToken(new Token(TokenKind.COMMENT, s.substring(start, i), line, start));
      pos = i;
    }

    private void blockComment() {
      int start = pos;
      int startLine = line;
      int depth = 1;
      int i = pos + 2;
      while (i < n) {
        char c = s.charAt(i);
        if (c == '*' && i + 1 < n && s.charAt(i + 1) == '/') {
          i += 2;
          if (--depth == 0) {
            break;
          }
        } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
          depth++;
          i += 2;
        } else {
          i++;
        }
      }
      if (depth > 0) {
        unterminated(start, startLine);
        return;
      }
      countLines(start, i);
      emitToken(new Token(TokenKind.COMMENT, s.substring(start, i), startLine, start));
      pos = i;
    }

    private void operator() {
      int start = pos;
      int i = pos;
      boolean keepsTrailing = false;
      while (i < n && isOperatorChar(s.charAt(i))) {
        char c = s.charAt(i);
        if (i > start && (c == '-' || c == '/') && i + 1 < n) {
          char d = s.charAt(i + 1);
          if ((c == '-' && d == '-') || (c == '/' && d == '*')) {
            break;
          }
        }
        if (NON_STRIPPING.indexOf(c) >= 0) {
          keepsTrailing = true;
        }
        i++;
      }
      if (!keepsTrailing) {
        while (i - start > 1 && (s.charAt(i - 1) == '+' || s.charAt(i - 1) == '-')) {
          i--;
        }
      }
      TokenKind kind =
          (i - start == 1 && s.charAt(start) == '?') ? TokenKind.PARAM : TokenKind.OPERATOR;
      emit(kind, start, i, line);
      pos = i;
    }

    /** A run of characters that start no token (control bytes, backslash, braces, ...). */
    private void other() {
      int start = pos;
      int i = pos + 1;
      while (i < n && startsNothing(s.charAt(i))) {
        i++;
      }
      emit(TokenKind.OTHER, start, i, line);
      pos = i;
    }

    private static boolean startsNothing(char c) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        return false;
      }
      if (isIdentStart(c) || isDigit(c) || isOperatorChar(c)) {
        return false;
      }
      return "()[],;.:'\"$".indexOf(c) < 0;
    }
  }
}

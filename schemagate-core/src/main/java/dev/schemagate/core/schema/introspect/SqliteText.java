package dev.schemagate.core.schema.introspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The little reading of SQLite's stored CREATE statements that the pragmas cannot replace: where a
 * parenthesised list starts and ends, its top-level parts, and whitespace outside quotes. Quotes
 * ({@code '...'}, {@code "..."}, {@code `...`}, {@code [...]}) and comments are skipped, so a comma
 * or parenthesis inside them never counts.
 */
final class SqliteText {
  private SqliteText() {}

  /** Runs of whitespace and comments outside quotes become one space; the ends are trimmed. */
  static String normalize(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    boolean space = false;
    while (i < sql.length()) {
      char ch = sql.charAt(i);
      int end = skipQuoted(sql, i);
      if (end > i) {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(sql, i, end);
        i = end;
        continue;
      }
      int comment = skipComment(sql, i);
      if (comment > i) {
        space = true;
        i = comment;
        continue;
      }
      if (Character.isWhitespace(ch)) {
        space = true;
      } else {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(ch);
      }
      i++;
    }
    return out.toString();
  }

  /** The end (exclusive) of a quoted token starting at i, or i when none starts there. */
  private static int skipQuoted(String s, int i) {
    char ch = s.charAt(i);
    char close;
    switch (ch) {
      case '\'':
      case '"':
      case '`':
        close = ch;
        break;
      case '[':
        close = ']';
        break;
      default:
        return i;
    }
    int j = i + 1;
    while (j < s.length()) {
      if (s.charAt(j) == close) {
        // A doubled quote is an escaped one, except for [...] which has no escape.
        if (close != ']' && j + 1 < s.length() && s.charAt(j + 1) == close) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return s.length();
  }

  private static int skipComment(String s, int i) {
    if (s.startsWith("--", i)) {
      int nl = s.indexOf('\n', i);
      return nl < 0 ? s.length() : nl + 1;
    }
    if (s.startsWith("/*", i)) {
      int close = s.indexOf("*/", i + 2);
      return close < 0 ? s.length() : close + 2;
    }
    return i;
  }

  /**
   * The first balanced parenthesised group at or after {@code from}: {@code [open, close]} indexes
   * of its parentheses, or null when there is none or it is not closed.
   */
  static int[] group(String sql, int from) {
    int depth = 0;
    int open = -1;
    int i = from;
    while (i < sql.length()) {
      int end = Math.max(skipQuoted(sql, i), skipComment(sql, i));
      if (end > i) {
        i = end;
        continue;
      }
      char ch = sql.charAt(i);
      if (ch == '(') {
        if (depth == 0) {
          open = i;
        }
        depth++;
      } else if (ch == ')' && depth > 0) {
        depth--;
        if (depth == 0) {
          return new int[] {open, i};
        }
      }
      i++;
    }
    return null;
  }

  /** The parts of a list split at top-level commas, each normalized. */
  static List<String> split(String body) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    int i = 0;
    while (i < body.length()) {
      int end = Math.max(skipQuoted(body, i), skipComment(body, i));
      if (end > i) {
        i = end;
        continue;
      }
      char ch = body.charAt(i);
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      } else if (ch == ',' && depth == 0) {
        parts.add(normalize(body.substring(start, i)));
        start = i + 1;
      }
      i++;
    }
    String last = normalize(body.substring(start));
    if (!last.isEmpty()) {
      parts.add(last);
    }
    return parts;
  }

  /**
   * Where a keyword (a whole word, any case) first occurs outside quotes, comments and parentheses
   * deeper than the top level, at or after {@code from}; -1 when it does not.
   */
  static int keyword(String sql, String word, int from) {
    int depth = 0;
    int i = from;
    String upper = word.toUpperCase(Locale.ROOT);
    while (i < sql.length()) {
      int end = Math.max(skipQuoted(sql, i), skipComment(sql, i));
      if (end > i) {
        i = end;
        continue;
      }
      char ch = sql.charAt(i);
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      } else if (depth == 0
          && sql.regionMatches(true, i, upper, 0, upper.length())
          && (i == 0 || !isWordChar(sql.charAt(i - 1)))
          && (i + upper.length() >= sql.length() || !isWordChar(sql.charAt(i + upper.length())))) {
        return i;
      }
      i++;
    }
    return -1;
  }

  /**
   * The words and identifiers outside string literals and comments, in order; quoted identifiers
   * come unquoted ({@code "a""b"} gives {@code a"b}).
   */
  static List<String> words(String sql) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char ch = sql.charAt(i);
      int end = skipQuoted(sql, i);
      if (end > i) {
        if (ch != '\'') {
          String inner = sql.substring(i + 1, Math.max(i + 1, end - 1));
          out.add(ch == '[' ? inner : inner.replace(ch + "" + ch, String.valueOf(ch)));
        }
        i = end;
        continue;
      }
      int comment = skipComment(sql, i);
      if (comment > i) {
        i = comment;
        continue;
      }
      if (isWordChar(ch)) {
        int j = i;
        while (j < sql.length() && isWordChar(sql.charAt(j))) {
          j++;
        }
        out.add(sql.substring(i, j));
        i = j;
        continue;
      }
      i++;
    }
    return out;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}

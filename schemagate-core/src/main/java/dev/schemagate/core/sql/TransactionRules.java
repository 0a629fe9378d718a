package dev.schemagate.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which PostgreSQL statements refuse to run inside a transaction block ({@code ERROR: ... cannot
 * run inside a transaction block}), so a runner must execute them on their own, in autocommit; and
 * which ones drop the session's prepared statements.
 *
 * <p>Recognised, by leading keywords, ignoring case, comments, and anything inside parentheses or
 * quotes: {@code CREATE [UNIQUE] INDEX CONCURRENTLY}, {@code DROP INDEX CONCURRENTLY}, {@code
 * REINDEX ... CONCURRENTLY}, {@code REINDEX SCHEMA|DATABASE|SYSTEM}, {@code VACUUM}, {@code
 * CREATE|DROP DATABASE}, {@code CREATE|DROP TABLESPACE}, {@code ALTER DATABASE ... SET TABLESPACE},
 * {@code ALTER SYSTEM}, {@code ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY} and {@code
 * CLUSTER} without a table.
 *
 * <p>Trap: this is a keyword check on one statement, not a parser. It does not know the server
 * version, so {@code ALTER TYPE ... ADD VALUE} (refused in a transaction only before PostgreSQL 12)
 * is not flagged, nor are {@code CREATE|DROP SUBSCRIPTION} with replication slots. Statements
 * wrapped in something else (a {@code DO} block, a function) are not looked into. Pass one
 * statement as {@link StatementSplitter} returns it, not a whole script.
 */
public final class TransactionRules {
  /** Enough leading words for every rule; long statements are not read to the end. */
  private static final int MAX_WORDS = 64;

  /** Stands for a quoted identifier or string, so word positions stay right. */
  private static final String QUOTED = "\"";

  private TransactionRules() {}

  /** True when PostgreSQL would refuse {@code statementSql} inside a transaction block. */
  public static boolean cannotRunInTransaction(String statementSql) {
    return whyCannotRunInTransaction(statementSql).isPresent();
  }

  /**
   * Why PostgreSQL would refuse {@code statementSql} inside a transaction block, e.g. {@code
   * "CREATE INDEX CONCURRENTLY cannot run inside a transaction block"}; empty when it can run in
   * one.
   */
  public static Optional<String> whyCannotRunInTransaction(String statementSql) {
    return why(leadingWords(statementSql, MAX_WORDS));
  }

  /**
   * The same check on a statement already lexed (as {@link ParsedStatement#tokens()} gives it):
   * linting asks for every statement of every file, and reading the text again was most of what the
   * check cost.
   */
  public static Optional<String> whyCannotRunInTransaction(List<Token> statementTokens) {
    List<String> words = new ArrayList<>();
    int depth = 0;
    for (Token t : statementTokens) {
      if (words.size() >= MAX_WORDS) {
        break;
      }
      switch (t.kind()) {
        case LPAREN -> depth++;
        case RPAREN -> depth = Math.max(0, depth - 1);
        case WORD, NUMBER -> {
          if (depth == 0) {
            words.add(t.text().toUpperCase(Locale.ROOT));
          }
        }
        case QUOTED_IDENT, STRING, DOLLAR_STRING -> {
          if (depth == 0) {
            words.add(QUOTED);
          }
        }
        default -> {}
      }
    }
    return why(words);
  }

  private static Optional<String> why(List<String> words) {
    String rule = rule(words);
    return rule == null
        ? Optional.empty()
        : Optional.of(rule + " cannot run inside a transaction block");
  }

  private static String rule(List<String> w) {
    String first = at(w, 0);
    switch (first) {
      case "VACUUM":
        return "VACUUM";
      case "CREATE":
      case "DROP":
        {
          int i = 1;
          if (first.equals("CREATE") && at(w, i).equals("UNIQUE")) {
            i++;
          }
          String what = at(w, i);
          if (what.equals("INDEX") && at(w, i + 1).equals("CONCURRENTLY")) {
            return first + " INDEX CONCURRENTLY";
          }
          if (i == 1 && (what.equals("DATABASE") || what.equals("TABLESPACE"))) {
            return first + " " + what;
          }
          return null;
        }
      case "REINDEX":
        {
          String what = at(w, 1);
          if (at(w, 2).equals("CONCURRENTLY")) {
            return "REINDEX " + what + " CONCURRENTLY";
          }
          if (what.equals("SCHEMA") || what.equals("DATABASE") || what.equals("SYSTEM")) {
            return "REINDEX " + what;
          }
          return null;
        }
      case "ALTER":
        {
          String what = at(w, 1);
          if (what.equals("SYSTEM")) {
            return "ALTER SYSTEM";
          }
          if (what.equals("DATABASE") && at(w, 3).equals("SET") && at(w, 4).equals("TABLESPACE")) {
            return "ALTER DATABASE ... SET TABLESPACE";
          }
          if (what.equals("TABLE")) {
            int detach = w.indexOf("DETACH");
            if (detach > 0
                && at(w, detach + 1).equals("PARTITION")
                && w.subList(detach, w.size()).contains("CONCURRENTLY")) {
              return "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY";
            }
          }
          return null;
        }
      case "CLUSTER":
        for (int i = 1; i < w.size(); i++) {
          if (!w.get(i).equals("VERBOSE")) {
            return null;
          }
        }
        return "CLUSTER without a table";
      default:
        return null;
    }
  }

  private static String at(List<String> w, int i) {
    return i < w.size() ? w.get(i) : "";
  }

  /**
   * True when the statement drops the session's prepared statements ({@code DEALLOCATE}, {@code
   * DISCARD ALL|PLANS}), so a runner that prepared its own must prepare them again.
   */
  public static boolean dropsPreparedStatements(String statementSql) {
    // One word is enough: this runs before every migration statement, some of them megabytes long.
    String first = at(leadingWords(statementSql, 1), 0);
    return first.equals("DEALLOCATE") || first.equals("DISCARD");
  }

  /**
   * The first {@code max} upper-cased words outside parentheses, comments and quotes; each quoted
   * run counts as one {@link #QUOTED} word. Unterminated quotes simply end the scan: this never
   * throws.
   */
  private static List<String> leadingWords(String sql, int max) {
    List<String> words = new ArrayList<>();
    int n = sql.length();
    int depth = 0;
    int i = 0;
    while (i < n && words.size() < max) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        i = skipBlockComment(sql, i);
      } else if (c == '\'' || c == '"') {
        i = skipQuoted(sql, i, c);
        if (depth == 0) {
          words.add(QUOTED);
        }
      } else if (c == '$' && dollarTagEnd(sql, i) > 0) {
        int tagEnd = dollarTagEnd(sql, i);
        int close = sql.indexOf(sql.substring(i, tagEnd), tagEnd);
        i = close < 0 ? n : close + (tagEnd - i);
        if (depth == 0) {
          words.add(QUOTED);
        }
      } else if (c == '(') {
        depth++;
        i++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
        i++;
      } else if (StatementSplitter.isWordChar(c)) {
        int start = i;
        while (i < n && StatementSplitter.isWordChar(sql.charAt(i))) {
          i++;
        }
        if (depth == 0) {
          words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
        }
      } else {
        i++;
      }
    }
    return words;
  }

  private static int skipBlockComment(String sql, int i) {
    int n = sql.length();
    int depth = 0;
    while (i < n) {
      if (sql.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (sql.startsWith("*/", i)) {
        i += 2;
        if (--depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return n;
  }

  /** Past the closing quote; backslashes are not escapes, which is close enough for keywords. */
  private static int skipQuoted(String sql, int i, char quote) {
    int n = sql.length();
    i++;
    while (i < n) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < n && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return n;
  }

  /** End (exclusive) of a {@code $tag$} opener at {@code i}, or -1 when it is not one. */
  private static int dollarTagEnd(String sql, int i) {
    int n = sql.length();
    int j = i + 1;
    if (j < n && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
      while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
        j++;
      }
    }
    return j < n && sql.charAt(j) == '$' ? j + 1 : -1;
  }
}

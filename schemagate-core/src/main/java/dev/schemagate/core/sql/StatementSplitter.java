package dev.schemagate.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a SQL script into statements at top-level semicolons, in one pass over the text.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>A statement ends at a {@code ;} that is not inside a quoted string, quoted identifier,
 *       comment, dollar-quoted body or statement block (below). The {@code ;} is not part of the
 *       statement. The last statement needs no {@code ;}.
 *   <li>Each statement starts at its first character that is neither whitespace nor part of a
 *       comment, so comments <em>before</em> a statement are dropped; comments inside it (and after
 *       its last token, before the {@code ;}) are kept. Trailing whitespace is trimmed. Line breaks
 *       inside a statement are kept as they were ({@code \r\n} stays {@code \r\n}).
 *   <li>Chunks holding only whitespace and comments are not statements: a file that is just {@code
 *       -- Not reversible} yields an empty list, and so does {@code ;;}.
 *   <li>{@link SqlStatement#line()} is the 1-based line of the statement's first character. {@code
 *       \n}, {@code \r\n} and a lone {@code \r} each end one line. A byte-order mark at the very
 *       start is skipped.
 *   <li>An unterminated string, quoted identifier, block comment or dollar-quoted body throws
 *       {@link SqlSplitException} naming the line where it starts.
 * </ul>
 *
 * <h2>What is recognised</h2>
 *
 * <p>Both dialects: {@code '...'} strings with {@code ''} escapes (backslash is an ordinary
 * character: PostgreSQL's {@code standard_conforming_strings} default), {@code "..."} identifiers
 * with {@code ""} escapes, {@code --} line comments and {@code /* *}{@code /} block comments.
 * Prefixed strings such as {@code U&'...'}, {@code B'...'}, {@code X'...'} and {@code N'...'} need
 * nothing special: the prefix is a word and the rest a plain string.
 *
 * <p>{@link Dialect#POSTGRES}: block comments nest; {@code E'...'} strings take backslash escapes
 * ({@code E'it\'s;'}); dollar quotes {@code $$...$$} and {@code $tag$...$tag$}, where the tag
 * starts with a letter or underscore, so {@code $1} is a parameter, not a quote; a {@code $} inside
 * an identifier ({@code a$b$}) does not open a quote either. Semicolons inside parentheses do not
 * split (as in psql; it keeps multi-action {@code CREATE RULE ... DO (a; b)} whole). In a {@code
 * CREATE [OR REPLACE] FUNCTION|PROCEDURE} statement a SQL-standard body {@code BEGIN ATOMIC ...
 * END} is one block; {@code CASE ... END} inside it is counted so its {@code END} does not close
 * the block.
 *
 * <p>{@link Dialect#SQLITE}: block comments do not nest; {@code `...`} and {@code [...]} are quoted
 * identifiers; {@code $} and {@code E'} are not special. In a {@code CREATE [TEMP|TEMPORARY]
 * TRIGGER} statement the {@code BEGIN ... END} body is one block, with {@code CASE ... END} inside
 * counted. A plain {@code BEGIN;} or {@code BEGIN TRANSACTION;} is a statement of its own: blocks
 * are only looked for after those leading keywords.
 *
 * <h2>Traps</h2>
 *
 * <ul>
 *   <li>psql meta-commands ({@code \connect}, {@code \i}, {@code \gset}...) are not supported: a
 *       line starting with {@code \} is ordinary text and stays in the statement around it, where
 *       the database will reject it.
 *   <li>An unclosed parenthesis or statement block is not an error here: everything to the end of
 *       the input becomes one statement, and the database reports the syntax error.
 *   <li>Block detection is keyword counting, not parsing. An unquoted identifier spelled {@code
 *       case} or {@code end} inside a trigger or {@code BEGIN ATOMIC} body would miscount.
 *   <li>PostgreSQL with {@code standard_conforming_strings = off} treats backslashes in plain
 *       strings as escapes; this splitter does not, so {@code 'a\';'} would be cut differently.
 * </ul>
 *
 * <p>Cost is linear in the input: every character is looked at a bounded number of times, closing
 * delimiters are found by scanning forward, and the only allocations are the statements returned
 * (plus one small tag string per dollar quote). The class holds no state; it is safe to call from
 * many threads.
 */
public final class StatementSplitter {

  private StatementSplitter() {}

  /**
   * Splits {@code sql} into statements for {@code dialect}.
   *
   * @return the statements in input order, possibly empty, never null
   * @throws SqlSplitException if a string, quoted identifier, block comment or dollar-quoted body
   *     is not closed before the end of the input
   */
  public static List<SqlStatement> split(String sql, Dialect dialect) {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(dialect, "dialect");
    return new Scan(sql, dialect == Dialect.POSTGRES).run();
  }

  /** What the leading keywords of the current statement say about blocks inside it. */
  private enum Prefix {
    /** No word seen yet. */
    START,
    /** Seen {@code CREATE}, possibly followed by {@code OR REPLACE} or {@code TEMP}. */
    AFTER_CREATE,
    /** Seen {@code CREATE OR}. */
    AFTER_OR,
    /** PostgreSQL {@code CREATE FUNCTION|PROCEDURE}: look for {@code BEGIN ATOMIC}. */
    ROUTINE,
    /** SQLite {@code CREATE TRIGGER}: look for {@code BEGIN}. */
    TRIGGER,
    /** Anything else: no blocks; stop looking at words. */
    OTHER
  }

  /** One run over one input; all mutable state lives here, never in static fields. */
  private static final class Scan {
    private final String s;
    private final int n;
    private final boolean pg;
    private final List<SqlStatement> out = new ArrayList<>();

    private int pos;
    private int line = 1;

    // The statement being read.
    private int stmtStart;
    private int stmtLine;
    private Prefix prefix;
    private int blockDepth;
    private boolean pendingBegin;
    private int parenDepth;

    Scan(String s, boolean pg) {
      this.s = s;
      this.n = s.length();
      this.pg = pg;
    }

    List<SqlStatement> run() {
      if (n > 0 && s.charAt(0) == '\uFEFF') {
        pos = 1;
      }
      resetStatement();
      while (pos < n) {
        char c = s.charAt(pos);
        switch (c) {
          case '\n', '\r' -> advance();
          case ' ', '\t', '\f', '\u000B' -> pos++;
          case ';' -> {
            if (blockDepth == 0 && parenDepth == 0) {
              emit(pos);
              resetStatement();
            }
            pos++;
          }
          case '-' -> {
            if (peek(1) == '-') {
              skipLineComment();
            } else {
              markStart();
              pos++;
            }
          }
          case '/' -> {
            if (peek(1) == '*') {
              skipBlockComment();
            } else {
              markStart();
              pos++;
            }
          }
          case '\'' -> {
            markStart();
            skipQuoted('\'', "quoted string");
          }
          case '"' -> {
            markStart();
            skipQuoted('"', "quoted identifier");
          }
          case '$' -> {
            markStart();
            if (!pg || !skipDollarQuote()) {
              pos++;
            }
          }
          case '`' -> {
            markStart();
            if (pg) {
              pos++;
            } else {
              skipQuoted('`', "quoted identifier");
            }
          }
          case '[' -> {
            markStart();
            if (pg) {
              pos++;
            } else {
              skipBracketIdentifier();
            }
          }
          case '(' -> {
            markStart();
            if (pg) {
              parenDepth++;
            }
            pos++;
          }
          case ')' -> {
            markStart();
            if (parenDepth > 0) {
              parenDepth--;
            }
            pos++;
          }
          default -> {
            markStart();
            if (isWordChar(c)) {
              word();
            } else {
              pos++;
            }
          }
        }
      }
      emit(n);
      return out;
    }

    private void resetStatement() {
      stmtStart = -1;
      prefix = Prefix.START;
      blockDepth = 0;
      pendingBegin = false;
      parenDepth = 0;
    }

    private void markStart() {
      if (stmtStart < 0) {
        stmtStart = pos;
        stmtLine = line;
      }
    }

    private void emit(int end) {
      if (stmtStart < 0) {
        return;
      }
      int e = end;
      while (e > stmtStart && isSpace(s.charAt(e - 1))) {
        e--;
      }
      out.add(new SqlStatement(s.substring(stmtStart, e), stmtLine));
    }

    private char peek(int ahead) {
      int i = pos + ahead;
      return i < n ? s.charAt(i) : '\0';
    }

    /** Moves past one character, counting a line break ({@code \r\n} counts once, at the LF). */
    private void advance() {
      char c = s.charAt(pos++);
      if (c == '\n' || (c == '\r' && (pos >= n || s.charAt(pos) != '\n'))) {
        line++;
      }
    }

    private void skipLineComment() {
      pos += 2;
      while (pos < n) {
        char c = s.charAt(pos);
        if (c == '\n' || c == '\r') {
          return; // the main loop counts the line break
        }
        pos++;
      }
    }

    private void skipBlockComment() {
      int startLine = line;
      pos += 2;
      int depth = 1;
      while (pos < n) {
        char c = s.charAt(pos);
        if (c == '*' && peek(1) == '/') {
          pos += 2;
          if (--depth == 0) {
            return;
          }
        } else if (pg && c == '/' && peek(1) == '*') {
          pos += 2;
          depth++;
        } else {
          advance();
        }
      }
      throw new SqlSplitException(startLine, "block comment");
    }

    /** A quoted run closed by {@code quote}, where a doubled {@code quote} is an escaped one. */
    private void skipQuoted(char quote, String what) {
      int startLine = line;
      pos++;
      while (pos < n) {
        if (s.charAt(pos) == quote) {
          if (peek(1) != quote) {
            pos++;
            return;
          }
          pos += 2;
        } else {
          advance();
        }
      }
      throw new SqlSplitException(startLine, what);
    }

    /** PostgreSQL {@code E'...'}: backslash escapes any character, {@code ''} still works. */
    private void skipEscapeString() {
      int startLine = line;
      pos++;
      while (pos < n) {
        char c = s.charAt(pos);
        if (c == '\\') {
          pos++;
          if (pos < n) {
            advance();
          }
        } else if (c == '\'') {
          if (peek(1) != '\'') {
            pos++;
            return;
          }
          pos += 2;
        } else {
          advance();
        }
      }
      throw new SqlSplitException(startLine, "escape string E'...'");
    }

    private void skipBracketIdentifier() {
      int startLine = line;
      pos++;
      while (pos < n) {
        if (s.charAt(pos) == ']') {
          pos++;
          return;
        }
        advance();
      }
      throw new SqlSplitException(startLine, "bracket-quoted identifier [...]");
    }

    /**
     * At a {@code $} that does not continue a word: if it opens a dollar quote, skips the whole
     * quoted body and returns true; otherwise (e.g. {@code $1}) moves nothing and returns false.
     */
    private boolean skipDollarQuote() {
      int j = pos + 1;
      if (j < n && isTagStart(s.charAt(j))) {
        j++;
        while (j < n && isTagPart(s.charAt(j))) {
          j++;
        }
      }
      if (j >= n || s.charAt(j) != '$') {
        return false;
      }
      int bodyStart = j + 1;
      String tag = s.substring(pos, bodyStart);
      int close = s.indexOf(tag, bodyStart);
      if (close < 0) {
        throw new SqlSplitException(line, "dollar-quoted string " + tag);
      }
      pos = bodyStart;
      while (pos < close) {
        advance();
      }
      pos = close + tag.length();
      return true;
    }

    /** Reads one unquoted word (keyword, identifier or number) and feeds the block tracking. */
    private void word() {
      int start = pos;
      pos++;
      while (pos < n && isWordChar(s.charAt(pos))) {
        pos++;
      }
      int len = pos - start;
      if (pg && len == 1 && pos < n && s.charAt(pos) == '\'') {
        char c = s.charAt(start);
        if (c == 'E' || c == 'e') {
          skipEscapeString();
          return;
        }
      }
      if (prefix != Prefix.OTHER) {
        onWord(start, len);
      }
    }

    private void onWord(int start, int len) {
      switch (prefix) {
        case START -> prefix = is(start, len, "CREATE") ? Prefix.AFTER_CREATE : Prefix.OTHER;
        case AFTER_CREATE -> prefix = afterCreate(start, len);
        case AFTER_OR ->
            prefix = pg && is(start, len, "REPLACE") ? Prefix.AFTER_CREATE : Prefix.OTHER;
        case ROUTINE -> {
          if (blockDepth == 0) {
            if (pendingBegin && is(start, len, "ATOMIC")) {
              blockDepth = 1;
              pendingBegin = false;
            } else {
              pendingBegin = is(start, len, "BEGIN");
            }
          } else {
            countNesting(start, len);
          }
        }
        case TRIGGER -> {
          if (blockDepth == 0) {
            if (is(start, len, "BEGIN")) {
              blockDepth = 1;
            }
          } else {
            countNesting(start, len);
          }
        }
        case OTHER -> {}
      }
    }

    private Prefix afterCreate(int start, int len) {
      if (pg) {
        if (is(start, len, "OR")) {
          return Prefix.AFTER_OR;
        }
        if (is(start, len, "FUNCTION") || is(start, len, "PROCEDURE")) {
          return Prefix.ROUTINE;
        }
        return Prefix.OTHER;
      }
      if (is(start, len, "TEMP") || is(start, len, "TEMPORARY")) {
        return Prefix.AFTER_CREATE;
      }
      return is(start, len, "TRIGGER") ? Prefix.TRIGGER : Prefix.OTHER;
    }

    private void countNesting(int start, int len) {
      if (is(start, len, "CASE")) {
        blockDepth++;
      } else if (is(start, len, "END")) {
        blockDepth--;
      }
    }

    /** Whether the word at {@code start} is {@code keyword}, ignoring case, without allocating. */
    private boolean is(int start, int len, String keyword) {
      return len == keyword.length() && s.regionMatches(true, start, keyword, 0, len);
    }
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\u000B';
  }

  /**
   * Letters, digits, underscore, {@code $} and anything non-ASCII, as PostgreSQL's lexer has it.
   */
  static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '$'
        || c >= 0x80;
  }

  private static boolean isTagStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  private static boolean isTagPart(char c) {
    return isTagStart(c) || (c >= '0' && c <= '9');
  }
}

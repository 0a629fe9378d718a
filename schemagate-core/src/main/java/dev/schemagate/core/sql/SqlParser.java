package dev.schemagate.core.sql;

import dev.schemagate.core.sql.ast.AddColumn;
import dev.schemagate.core.sql.ast.AddConstraint;
import dev.schemagate.core.sql.ast.AlterAction;
import dev.schemagate.core.sql.ast.AlterColumnType;
import dev.schemagate.core.sql.ast.AlterDomain;
import dev.schemagate.core.sql.ast.AlterObject;
import dev.schemagate.core.sql.ast.AlterTable;
import dev.schemagate.core.sql.ast.AlterTypeAddValue;
import dev.schemagate.core.sql.ast.AttachPartition;
import dev.schemagate.core.sql.ast.Cluster;
import dev.schemagate.core.sql.ast.ColumnDef;
import dev.schemagate.core.sql.ast.Comment;
import dev.schemagate.core.sql.ast.ConstraintDef;
import dev.schemagate.core.sql.ast.ConstraintKind;
import dev.schemagate.core.sql.ast.Copy;
import dev.schemagate.core.sql.ast.CreateDomain;
import dev.schemagate.core.sql.ast.CreateEnum;
import dev.schemagate.core.sql.ast.CreateIndex;
import dev.schemagate.core.sql.ast.CreateObject;
import dev.schemagate.core.sql.ast.CreateTable;
import dev.schemagate.core.sql.ast.Delete;
import dev.schemagate.core.sql.ast.DetachPartition;
import dev.schemagate.core.sql.ast.DoBlock;
import dev.schemagate.core.sql.ast.Drop;
import dev.schemagate.core.sql.ast.DropColumn;
import dev.schemagate.core.sql.ast.DropConstraint;
import dev.schemagate.core.sql.ast.DropDefault;
import dev.schemagate.core.sql.ast.DropIndex;
import dev.schemagate.core.sql.ast.DropNotNull;
import dev.schemagate.core.sql.ast.Grant;
import dev.schemagate.core.sql.ast.Insert;
import dev.schemagate.core.sql.ast.OtherAction;
import dev.schemagate.core.sql.ast.QualifiedName;
import dev.schemagate.core.sql.ast.Reindex;
import dev.schemagate.core.sql.ast.RenameColumn;
import dev.schemagate.core.sql.ast.RenameConstraint;
import dev.schemagate.core.sql.ast.RenameObject;
import dev.schemagate.core.sql.ast.RenameTable;
import dev.schemagate.core.sql.ast.Select;
import dev.schemagate.core.sql.ast.SetDefault;
import dev.schemagate.core.sql.ast.SetNotNull;
import dev.schemagate.core.sql.ast.SetSchema;
import dev.schemagate.core.sql.ast.SetVariable;
import dev.schemagate.core.sql.ast.Stmt;
import dev.schemagate.core.sql.ast.TransactionControl;
import dev.schemagate.core.sql.ast.Truncate;
import dev.schemagate.core.sql.ast.TxKind;
import dev.schemagate.core.sql.ast.TypeName;
import dev.schemagate.core.sql.ast.Unrecognised;
import dev.schemagate.core.sql.ast.Update;
import dev.schemagate.core.sql.ast.Vacuum;
import dev.schemagate.core.sql.ast.ValidateConstraint;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/**
 * Parses a PostgreSQL script into statements and syntax trees for the DDL that migration checks
 * care about.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Never throws, for any input. Whatever cannot be SQL (an unterminated string, quoted
 *       identifier, block comment or dollar quote; NUL bytes or other binary content; characters
 *       that start no token) is a {@link ParseProblem} naming the line where it starts, and the
 *       statements around it are still returned.
 *   <li>Statements end at top-level semicolons: not inside quotes, comments, dollar bodies,
 *       parentheses, or the {@code BEGIN ATOMIC ... END} body of a {@code CREATE
 *       FUNCTION|PROCEDURE} (where {@code CASE ... END} is counted). Statements holding only
 *       comments are skipped; every other one yields exactly one {@link ParsedStatement}, in order.
 *   <li>A statement outside the understood subset (see {@code StatementParser} below) is an {@link
 *       Unrecognised} with its leading keywords: never dropped.
 *   <li>Lines are 1-based within the text parsed.
 * </ul>
 *
 * <h2>Traps</h2>
 *
 * <ul>
 *   <li>This is a shallow parser, not PostgreSQL's grammar: it reads the parts of a statement that
 *       checks need and keeps expressions (defaults, checks, index keys, predicates) as raw text.
 *       It accepts much that PostgreSQL rejects; it does not validate.
 *   <li>Like {@link StatementSplitter}, block detection is keyword counting: an unquoted identifier
 *       spelled {@code case} or {@code end} inside a {@code BEGIN ATOMIC} body would miscount.
 *   <li>An unclosed parenthesis makes the rest of the input one statement.
 * </ul>
 *
 * <p>Cost is linear in the input; nesting is counted, never recursed into, so deeply nested
 * parentheses cannot overflow the stack. The class holds no state; it is safe from many threads.
 */
public final class SqlParser {
  private SqlParser() {}

  /** Problems beyond this many are summarised in one last problem. */
  private static final int MAX_PROBLEMS = 50;

  /**
   * Parses {@code text}.
   *
   * @param text the script; null is treated as empty
   * @return statements, comments and problems; never null
   */
  public static ParsedScript parse(String text) {
    String s = text == null ? "" : text;
    return new Run(s).parse();
  }

  /**
   * One pass over one script. Tokens are pulled from the lexer one at a time and dropped once their
   * statement is parsed, so memory holds the text, the trees and the current statement only.
   */
  private static final class Run {
    private final String s;
    private final Problems problems = new Problems();
    private final List<Token> comments = new ArrayList<>();
    private final List<ParsedStatement> statements = new ArrayList<>();
    private final List<Token> current = new ArrayList<>();
    private int depth;
    private int block;
    private boolean routine;
    private boolean pendingBegin;

    Run(String s) {
      this.s = s;
    }

    ParsedScript parse() {
      SqlLexer.Scanner scanner = new SqlLexer.Scanner(s, 0, s.length(), 1);
      Token t;
      while ((t = scanner.next()) != null) {
        TokenKind kind = t.kind();
        if (kind == TokenKind.COMMENT) {
          comments.add(t);
          continue;
        }
        if (pendingBegin) {
          pendingBegin = false;
          if (t.isWord("atomic")) {
            block = 1;
            current.add(t);
            continue;
          }
        }
        switch (kind) {
          case SEMICOLON -> {
            if (depth == 0 && block == 0) {
              flush();
              continue;
            }
          }
          case LPAREN -> depth++;
          case RPAREN -> {
            if (depth > 0) {
              depth--;
            }
          }
          case WORD -> word(t);
          case UNTERMINATED -> problems.unterminated(t);
          case OTHER -> problems.other(t);
          default -> {}
        }
        current.add(t);
      }
      flush();
      return new ParsedScript(
          Collections.unmodifiableList(statements),
          Collections.unmodifiableList(comments),
          problems.list());
    }

    /** Tracks CREATE FUNCTION|PROCEDURE ... BEGIN ATOMIC ... END, counting CASE ... END inside. */
    private void word(Token t) {
      int size = current.size();
      if (size > 0 && size <= 3 && !routine && current.get(0).isWord("create")) {
        routine =
            (t.isWord("function") || t.isWord("procedure"))
                && (size == 1
                    || (size == 3
                        && current.get(1).isWord("or")
                        && current.get(2).isWord("replace")));
        return;
      }
      if (!routine) {
        return;
      }
      if (block == 0) {
        pendingBegin = t.isWord("begin");
      } else if (t.isWord("case")) {
        block++;
      } else if (t.isWord("end")) {
        block--;
      }
    }

    private void flush() {
      if (!current.isEmpty()) {
        statements.add(build(s, current));
        current.clear();
      }
      depth = 0;
      block = 0;
      routine = false;
      pendingBegin = false;
    }
  }

  private static ParsedStatement build(String text, List<Token> tokens) {
    Token first = tokens.get(0);
    Token last = tokens.get(tokens.size() - 1);
    int endOffset = last.offset() + last.text().length();
    String sql = text.substring(first.offset(), endOffset);
    Stmt stmt;
    try {
      stmt = new StatementParser(text, tokens, sql, first.line()).parse();
    } catch (RuntimeException e) {
      // Defensive: a shallow parser meeting text it was not written for must still give the
      // statement back. Nothing in StatementParser is meant to throw.
      stmt = new Unrecognised(StatementParser.leadingKeywords(tokens, 0, 3), first.line(), sql);
    }
    List<Token> lazy = new LazyTokens(text, first.offset(), endOffset, first.line(), tokens.size());
    return new ParsedStatement(stmt, sql, first.line(), lazy);
  }

  /**
   * A statement's tokens, lexed again from the script on first use. Keeping every token of a large
   * script alive would cost far more memory than the text; few callers look at tokens. Lexing is
   * context-free between tokens, so the region gives the same tokens (and offsets, and lines) as
   * the first pass. Holds a reference to the whole script text.
   */
  private static final class LazyTokens extends AbstractList<Token> implements RandomAccess {
    private final String script;
    private final int from;
    private final int to;
    private final int line;
    private final int size;
    private volatile List<Token> tokens;

    LazyTokens(String script, int from, int to, int line, int size) {
      this.script = script;
      this.from = from;
      this.to = to;
      this.line = line;
      this.size = size;
    }

    @Override
    public Token get(int index) {
      List<Token> t = tokens;
      if (t == null) {
        SqlLexer.Scanner scanner = new SqlLexer.Scanner(script, from, to, line);
        List<Token> list = new ArrayList<>(size);
        Token tok;
        while ((tok = scanner.next()) != null) {
          if (tok.kind() != TokenKind.COMMENT) {
            list.add(tok);
          }
        }
        t = Collections.unmodifiableList(list);
        tokens = t;
      }
      return t.get(index);
    }

    @Override
    public int size() {
      return size;
    }
  }

  /** Collects problems, one per unterminated token and at most one per kind of stray text. */
  private static final class Problems {
    private final List<ParseProblem> list = new ArrayList<>();
    private boolean binarySeen;
    private int dropped;

    void unterminated(Token t) {
      String x = t.text();
      String what;
      if (x.startsWith("/*")) {
        what = "block comment (/* without a matching */)";
      } else if (x.startsWith("$")) {
        int close = x.indexOf('$', 1);
        String tag = close > 0 ? x.substring(0, close + 1) : "$$";
        what = "dollar-quoted body (" + tag + " is never closed)";
      } else if (x.endsWith("\"")
          || x.startsWith("\"")
          || x.startsWith("U&\"")
          || x.startsWith("u&\"")) {
        what = "quoted identifier (\" without a closing \")";
      } else {
        what = "string (' without a closing ')";
      }
      add(
          t.line(),
          "unterminated "
              + what
              + " starting on line "
              + t.line()
              + ": everything after it is swallowed; close it or remove it");
    }

    void other(Token t) {
      String x = t.text();
      boolean binary = false;
      for (int i = 0; i < x.length() && !binary; i++) {
        char c = x.charAt(i);
        binary = c == 0 || c == '\uFFFD' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r');
      }
      if (binary) {
        if (!binarySeen) {
          binarySeen = true;
          add(
              t.line(),
              "binary content (NUL or control bytes) on line "
                  + t.line()
                  + ": this is not a SQL text file; remove it from the migrations or fix its"
                  + " encoding");
        }
        return;
      }
      String shown = x.length() > 20 ? x.substring(0, 20) + "..." : x;
      add(
          t.line(),
          "unexpected text '"
              + shown
              + "' on line "
              + t.line()
              + ": no SQL token starts with it (psql meta-commands such as \\connect are not"
              + " supported); remove it");
    }

    private void add(int line, String message) {
      if (list.size() < MAX_PROBLEMS) {
        list.add(new ParseProblem(line, message));
      } else {
        dropped++;
      }
    }

    List<ParseProblem> list() {
      if (dropped > 0) {
        List<ParseProblem> copy = new ArrayList<>(list);
        ParseProblem last = list.get(list.size() - 1);
        copy.add(new ParseProblem(last.line(), dropped + " further problems not listed"));
        return Collections.unmodifiableList(copy);
      }
      return Collections.unmodifiableList(list);
    }
  }

  /**
   * Reads one statement's tokens into a {@link Stmt}. Recursive descent over a fixed, shallow
   * grammar: every nested construct of unbounded depth (parentheses, CASE) is skipped by counting,
   * so no input can overflow the stack.
   *
   * <p>Every method works on a token window {@code [pos, end)} and reads past it as an end-of-input
   * sentinel, so a truncated statement yields a partial tree instead of an exception.
   */
  private static final class StatementParser {
    private final String text;
    private final List<Token> toks;
    private final String sql;
    private final int line;
    private final Token eof;
    private int pos;
    private int end;

    StatementParser(String text, List<Token> toks, String sql, int line) {
      this.text = text;
      this.toks = toks;
      this.sql = sql;
      this.line = line;
      Token last = toks.get(toks.size() - 1);
      this.eof = new Token(TokenKind.OTHER, "", last.line(), last.offset() + last.text().length());
      this.end = toks.size();
    }

    /** Upper-cased words from {@code from}, at most {@code max}, stopping at the first non-word. */
    static String leadingKeywords(List<Token> toks, int from, int max) {
      StringBuilder b = new StringBuilder();
      for (int i = from, k = 0; i < toks.size() && k < max; i++, k++) {
        Token t = toks.get(i);
        if (t.kind() != TokenKind.WORD) {
          break;
        }
        if (b.length() > 0) {
          b.append(' ');
        }
        b.append(t.text().toUpperCase(java.util.Locale.ROOT));
      }
      return b.toString();
    }

    // ---------------------------------------------------------------- dispatch

    Stmt parse() {
      Token first = peek();
      if (first.kind() == TokenKind.LPAREN) {
        return new Select(line, sql);
      }
      if (first.kind() != TokenKind.WORD) {
        return unrecognised();
      }
      String w = first.text().toLowerCase(java.util.Locale.ROOT);
      pos++;
      return switch (w) {
        case "create" -> create();
        case "alter" -> alter();
        case "drop" -> drop();
        case "truncate" -> truncate();
        case "vacuum" -> vacuum();
        case "reindex" -> reindex();
        case "cluster" -> cluster();
        case "set" -> set();
        case "reset" -> reset();
        case "begin" -> tx(TxKind.BEGIN);
        case "start" -> word("transaction") ? tx(TxKind.START) : unrecognised();
        case "commit" -> word("prepared") ? tx(TxKind.COMMIT_PREPARED) : tx(TxKind.COMMIT);
        case "end" -> tx(TxKind.END);
        case "abort" -> tx(TxKind.ABORT);
        case "rollback" -> rollback();
        case "savepoint" -> tx(TxKind.SAVEPOINT);
        case "release" -> tx(TxKind.RELEASE);
        case "prepare" -> word("transaction") ? tx(TxKind.PREPARE) : unrecognised();
        case "do" -> doBlock();
        case "insert" -> insert();
        case "update" -> update();
        case "delete" -> delete();
        case "select", "values", "table" -> new Select(line, sql);
        case "with" -> with();
        case "comment" -> comment();
        case "grant", "revoke" -> new Grant(line, sql);
        case "copy" -> new Copy(line, sql);
        default -> unrecognised();
      };
    }

    private Unrecognised unrecognised() {
      return new Unrecognised(leadingKeywords(toks, 0, 3), line, sql);
    }

    private Stmt tx(TxKind kind) {
      return new TransactionControl(kind, line, sql);
    }

    private Stmt rollback() {
      if (accept("prepared")) {
        return tx(TxKind.ROLLBACK_PREPARED);
      }
      accept("work");
      accept("transaction");
      return accept("to") ? tx(TxKind.ROLLBACK_TO) : tx(TxKind.ROLLBACK);
    }

    // ---------------------------------------------------------------- token helpers

    private Token peek() {
      return pos < end ? toks.get(pos) : eof;
    }

    private Token peek(int k) {
      int i = pos + k;
      return i < end ? toks.get(i) : eof;
    }

    private boolean atEnd() {
      return pos >= end;
    }

    private boolean word(String w) {
      return peek().isWord(w);
    }

    private boolean word(int k, String w) {
      return peek(k).isWord(w);
    }

    private boolean accept(String w) {
      if (peek().isWord(w)) {
        pos++;
        return true;
      }
      return false;
    }

    /** Consumes the words in sequence if all are there; otherwise consumes nothing. */
    private boolean accept(String w1, String w2) {
      if (peek().isWord(w1) && peek(1).isWord(w2)) {
        pos += 2;
        return true;
      }
      return false;
    }

    private boolean accept(String w1, String w2, String w3) {
      if (peek().isWord(w1) && peek(1).isWord(w2) && peek(2).isWord(w3)) {
        pos += 3;
        return true;
      }
      return false;
    }

    private boolean kind(TokenKind k) {
      return peek().kind() == k;
    }

    private boolean acceptKind(TokenKind k) {
      if (peek().kind() == k) {
        pos++;
        return true;
      }
      return false;
    }

    private static boolean isIdent(Token t) {
      return t.kind() == TokenKind.WORD || t.kind() == TokenKind.QUOTED_IDENT;
    }

    /** An identifier (or a string used as one), or null without consuming. */
    private String ident() {
      Token t = peek();
      if (isIdent(t)) {
        pos++;
        return t.identifier();
      }
      if (t.kind() == TokenKind.STRING) {
        pos++;
        return unquote(t.text());
      }
      return null;
    }

    /** {@code a}, {@code a.b} or {@code a.b.c} (the last two kept), or null without consuming. */
    private QualifiedName qname() {
      Token t = peek();
      if (!isIdent(t)) {
        return null;
      }
      pos++;
      String schema = null;
      String name = t.identifier();
      while (kind(TokenKind.DOT) && isIdent(peek(1))) {
        schema = name;
        name = peek(1).identifier();
        pos += 2;
      }
      return new QualifiedName(schema, name);
    }

    private boolean ifNotExists() {
      return accept("if", "not", "exists");
    }

    private boolean ifExists() {
      return accept("if", "exists");
    }

    /**
     * Index after the group opened at {@code i} (an LPAREN), counting nesting; {@code end} if open.
     */
    private int skipGroup(int i) {
      int depth = 0;
      for (int j = i; j < end; j++) {
        TokenKind k = toks.get(j).kind();
        if (k == TokenKind.LPAREN) {
          depth++;
        } else if (k == TokenKind.RPAREN && --depth == 0) {
          return j + 1;
        }
      }
      return end;
    }

    /** Skips a parenthesised group at the cursor, if any. */
    private void skipGroupHere() {
      if (kind(TokenKind.LPAREN)) {
        pos = skipGroup(pos);
      }
    }

    /** Source text of tokens {@code [from, to)}, as written (comments inside kept). */
    private String raw(int from, int to) {
      if (from >= to) {
        return "";
      }
      Token a = toks.get(from);
      Token b = toks.get(to - 1);
      return text.substring(a.offset(), b.offset() + b.text().length());
    }

    /** The text inside the group opened at {@code open}; {@code close} is the index after it. */
    private String inner(int open, int close) {
      int last = close - 1;
      boolean closed = last > open && toks.get(last).kind() == TokenKind.RPAREN;
      return raw(open + 1, closed ? last : close);
    }

    /** Top-level comma-separated ranges of {@code [from, to)}, as start/end index pairs. */
    private List<int[]> splitCommas(int from, int to) {
      List<int[]> parts = new ArrayList<>();
      int depth = 0;
      int start = from;
      for (int j = from; j < to; j++) {
        TokenKind k = toks.get(j).kind();
        if (k == TokenKind.LPAREN || k == TokenKind.LBRACKET) {
          depth++;
        } else if ((k == TokenKind.RPAREN || k == TokenKind.RBRACKET) && depth > 0) {
          depth--;
        } else if (k == TokenKind.COMMA && depth == 0) {
          parts.add(new int[] {start, j});
          start = j + 1;
        }
      }
      if (start < to) {
        parts.add(new int[] {start, to});
      }
      return parts;
    }

    /** Range {@code [open+1, close-1)} of the group opened at the cursor; advances past it. */
    private int[] groupHere() {
      int open = pos;
      int close = skipGroup(open);
      pos = close;
      int innerEnd =
          close - 1 > open && toks.get(close - 1).kind() == TokenKind.RPAREN ? close - 1 : close;
      return new int[] {open + 1, innerEnd};
    }

    /** Identifiers of a parenthesised name list at the cursor ({@code (a, "B")}); empty if none. */
    private List<String> nameList() {
      List<String> names = new ArrayList<>();
      if (!kind(TokenKind.LPAREN)) {
        return names;
      }
      int[] g = groupHere();
      for (int[] p : splitCommas(g[0], g[1])) {
        Token t = toks.get(p[0]);
        if (isIdent(t)) {
          names.add(t.identifier());
        }
      }
      return names;
    }

    /** Upper-cased words at the cursor (at most {@code max}), without consuming. */
    private String wordsHere(int max) {
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < max; k++) {
        Token t = peek(k);
        if (t.kind() != TokenKind.WORD) {
          break;
        }
        if (b.length() > 0) {
          b.append(' ');
        }
        String u = t.text().toUpperCase(java.util.Locale.ROOT);
        b.append(u);
        if (u.equals("TO") || u.equals("ON") || u.equals("BY") || u.equals("CONSTRAINT")) {
          // The next word is a name, not a keyword.
          break;
        }
      }
      return b.toString();
    }

    static String unquote(String s) {
      int q = s.indexOf('\'');
      if (q < 0 || s.length() < q + 2) {
        return s;
      }
      String inner = s.substring(q + 1, s.length() - 1);
      return inner.indexOf('\'') < 0 ? inner : inner.replace("''", "'");
    }

    private static String dollarBody(String s) {
      int open = s.indexOf('$', 1);
      if (open < 0 || s.length() < 2 * (open + 1)) {
        return s;
      }
      return s.substring(open + 1, s.length() - open - 1);
    }

    // ---------------------------------------------------------------- object type phrases

    /** Multi-word object types, longest first within a leading word. */
    private static final String[][] OBJECT_TYPES = {
      {"materialized", "view"},
      {"foreign", "data", "wrapper"},
      {"foreign", "table"},
      {"event", "trigger"},
      {"constraint", "trigger"},
      {"text", "search", "configuration"},
      {"text", "search", "dictionary"},
      {"text", "search", "parser"},
      {"text", "search", "template"},
      {"access", "method"},
      {"user", "mapping"},
      {"operator", "class"},
      {"operator", "family"},
      {"default", "privileges"},
      {"procedural", "language"},
      {"trusted", "procedural", "language"},
      {"trusted", "language"},
      {"large", "object"},
      {"owned", "by"},
      {"routine"},
    };

    /** Reads an object type phrase at the cursor (upper case, words joined by spaces). */
    private String objectType() {
      for (String[] phrase : OBJECT_TYPES) {
        boolean all = true;
        for (int k = 0; k < phrase.length && all; k++) {
          all = word(k, phrase[k]);
        }
        if (all) {
          pos += phrase.length;
          return String.join(" ", phrase).toUpperCase(java.util.Locale.ROOT);
        }
      }
      Token t = peek();
      if (t.kind() != TokenKind.WORD) {
        return null;
      }
      pos++;
      return t.text().toUpperCase(java.util.Locale.ROOT);
    }

    // ---------------------------------------------------------------- CREATE

    private Stmt create() {
      boolean orReplace = accept("or", "replace");
      boolean temporary = false;
      boolean unlogged = false;
      boolean unique = false;
      boolean recursive = false;
      while (true) {
        if (accept("temp") || accept("temporary")) {
          temporary = true;
        } else if (accept("global") || accept("local")) {
          // GLOBAL/LOCAL TEMP: the qualifier is ignored by PostgreSQL
        } else if (accept("unlogged")) {
          unlogged = true;
        } else if (accept("unique")) {
          unique = true;
        } else if (accept("recursive")) {
          recursive = true;
        } else {
          break;
        }
      }
      if (word("table")) {
        pos++;
        return createTable(temporary, unlogged);
      }
      if (word("index")) {
        pos++;
        return createIndex(unique);
      }
      if (word("type")) {
        pos++;
        return createType();
      }
      if (word("domain")) {
        pos++;
        return createDomain();
      }
      String type = objectType();
      if (type == null) {
        return unrecognised();
      }
      if (recursive && !type.equals("VIEW")) {
        return unrecognised();
      }
      return createObject(type, orReplace);
    }

    private Stmt createObject(String type, boolean orReplace) {
      boolean ifNotExists = ifNotExists();
      QualifiedName name = null;
      QualifiedName onTable = null;
      switch (type) {
        case "SCHEMA" -> {
          if (!word("authorization")) {
            name = qname();
          }
        }
        case "CAST", "USER MAPPING", "DEFAULT PRIVILEGES" -> {}
        case "TRIGGER", "CONSTRAINT TRIGGER" -> {
          name = qname();
          onTable = afterTopLevelWord("on");
        }
        case "POLICY" -> {
          name = qname();
          if (accept("on")) {
            onTable = qname();
          }
        }
        case "RULE" -> {
          name = qname();
          onTable = afterTopLevelWord("to");
        }
        default -> name = qname();
      }
      return new CreateObject(type, name, ifNotExists, orReplace, onTable, line, sql);
    }

    /** The name after the first top-level {@code w} from the cursor, or null. */
    private QualifiedName afterTopLevelWord(String w) {
      while (!atEnd()) {
        if (kind(TokenKind.LPAREN)) {
          skipGroupHere();
        } else if (accept(w)) {
          return qname();
        } else {
          pos++;
        }
      }
      return null;
    }

    private Stmt createTable(boolean temporary, boolean unlogged) {
      boolean ifNotExists = ifNotExists();
      QualifiedName name = qname();
      List<ColumnDef> columns = new ArrayList<>();
      List<ConstraintDef> constraints = new ArrayList<>();
      QualifiedName partitionOf = null;
      boolean asSelect = hasTopLevelWord(pos, "as");
      if (accept("partition", "of")) {
        partitionOf = qname();
      } else if (accept("of")) {
        qname();
      }
      if (!asSelect && kind(TokenKind.LPAREN)) {
        int[] g = groupHere();
        for (int[] p : splitCommas(g[0], g[1])) {
          tableElement(p[0], p[1], columns, constraints);
        }
      }
      String partitionBy = null;
      int save = pos;
      while (!atEnd()) {
        if (kind(TokenKind.LPAREN)) {
          skipGroupHere();
        } else if (word("as")) {
          break;
        } else if (accept("partition", "by")) {
          int from = pos;
          while (!atEnd()
              && !word("using")
              && !word("with")
              && !word("tablespace")
              && !(word("on") && word(1, "commit"))) {
            if (kind(TokenKind.LPAREN)) {
              skipGroupHere();
            } else {
              pos++;
            }
          }
          partitionBy = raw(from, pos);
        } else {
          pos++;
        }
      }
      pos = save;
      return new CreateTable(
          name,
          ifNotExists,
          temporary,
          unlogged,
          columns,
          constraints,
          asSelect,
          partitionOf,
          partitionBy,
          line,
          sql);
    }

    private boolean hasTopLevelWord(int from, String w) {
      int j = from;
      while (j < end) {
        Token t = toks.get(j);
        if (t.kind() == TokenKind.LPAREN) {
          j = skipGroup(j);
        } else if (t.isWord(w)) {
          return true;
        } else {
          j++;
        }
      }
      return false;
    }

    private static boolean startsConstraint(Token t) {
      return t.isWord("constraint")
          || t.isWord("primary")
          || t.isWord("unique")
          || t.isWord("foreign")
          || t.isWord("check")
          || t.isWord("exclude");
    }

    /** One element of a CREATE TABLE body: a column, a table constraint or a LIKE clause. */
    private void tableElement(
        int from, int to, List<ColumnDef> columns, List<ConstraintDef> constraints) {
      int saveEnd = end;
      end = to;
      pos = from;
      try {
        Token t = peek();
        if (t.isWord("like")) {
          return;
        }
        if (startsConstraint(t) || (t.isWord("not") && word(1, "null"))) {
          ConstraintDef c = tableConstraint();
          if (c != null) {
            constraints.add(c);
          }
          return;
        }
        ColumnDef c = columnDef();
        if (c != null) {
          columns.add(c);
        }
      } finally {
        end = saveEnd;
      }
    }

    private static boolean isColumnConstraintWord(Token t) {
      if (t.kind() != TokenKind.WORD) {
        return false;
      }
      switch (t.text().toLowerCase(java.util.Locale.ROOT)) {
        case "not",
            "null",
            "default",
            "constraint",
            "primary",
            "unique",
            "references",
            "check",
            "generated",
            "collate",
            "deferrable",
            "initially",
            "compression",
            "storage",
            "with" -> {
          return true;
        }
        default -> {
          return false;
        }
      }
    }

    /** A column definition filling the current window. */
    private ColumnDef columnDef() {
      Token nameTok = peek();
      if (!isIdent(nameTok)) {
        return null;
      }
      pos++;
      String name = nameTok.identifier();
      TypeName type = null;
      if (!isColumnConstraintWord(peek()) && !atEnd()) {
        type = typeName();
      }
      boolean notNull = false;
      boolean nullExplicit = false;
      String defaultExpr = null;
      boolean primaryKey = false;
      boolean unique = false;
      QualifiedName references = null;
      boolean generatedStored = false;
      boolean identity = false;
      String checkExpr = null;
      while (!atEnd()) {
        if (accept("constraint")) {
          ident();
        } else if (accept("not", "null")) {
          notNull = true;
        } else if (accept("null")) {
          nullExplicit = true;
        } else if (accept("default")) {
          int from = pos;
          pos = expressionEnd(pos);
          defaultExpr = raw(from, pos);
        } else if (accept("primary", "key")) {
          primaryKey = true;
          notNull = true;
        } else if (accept("unique")) {
          unique = true;
          accept("nulls", "distinct");
          accept("nulls", "not", "distinct");
        } else if (accept("references")) {
          references = qname();
          skipGroupHere();
        } else if (accept("check")) {
          if (kind(TokenKind.LPAREN)) {
            int open = pos;
            pos = skipGroup(open);
            checkExpr = inner(open, pos);
          }
        } else if (accept("generated")) {
          if (accept("always") || accept("by", "default")) {
            // GENERATED ALWAYS AS (expr) STORED, or an identity
          }
          accept("as");
          if (accept("identity")) {
            identity = true;
            skipGroupHere();
          } else if (kind(TokenKind.LPAREN)) {
            skipGroupHere();
            if (accept("stored") || accept("virtual")) {
              generatedStored = peek(-1).isWord("stored");
            }
          }
        } else if (kind(TokenKind.LPAREN)) {
          skipGroupHere();
        } else {
          pos++;
        }
      }
      return new ColumnDef(
          name,
          type,
          notNull,
          nullExplicit,
          defaultExpr,
          primaryKey,
          unique,
          references,
          generatedStored,
          identity,
          checkExpr,
          nameTok.line());
    }

    /**
     * End of a DEFAULT expression starting at {@code from}: the first top-level column-constraint
     * keyword after its first token, outside parentheses and CASE ... END.
     */
    private int expressionEnd(int from) {
      int j = from;
      int cases = 0;
      boolean first = true;
      while (j < end) {
        Token t = toks.get(j);
        if (t.kind() == TokenKind.LPAREN) {
          j = skipGroup(j);
          first = false;
          continue;
        }
        if (t.kind() == TokenKind.WORD && !first) {
          if (t.isWord("case")) {
            cases++;
          } else if (t.isWord("end") && cases > 0) {
            cases--;
          } else if (cases == 0 && isColumnConstraintWord(t) && !t.isWord("with")) {
            Token prev = toks.get(j - 1);
            boolean inIsNull = t.isWord("null") && (prev.isWord("is") || prev.isWord("not"));
            boolean notNotNull =
                t.isWord("not")
                    && !(j + 1 < end
                        && (toks.get(j + 1).isWord("null")
                            || toks.get(j + 1).isWord("deferrable")));
            if (!inIsNull && !notNotNull) {
              return j;
            }
          }
        } else if (t.isWord("case")) {
          cases++;
        }
        first = false;
        j++;
      }
      return j;
    }

    /** A table constraint at the cursor, filling the current window. */
    private ConstraintDef tableConstraint() {
      int startLine = peek().line();
      String name = null;
      if (accept("constraint")) {
        name = ident();
      }
      ConstraintKind kind;
      List<String> columns = new ArrayList<>();
      String usingIndex = null;
      QualifiedName refTable = null;
      String expr = null;
      if (accept("primary", "key") || word("unique")) {
        kind = peek(-1).isWord("key") ? ConstraintKind.PRIMARY_KEY : ConstraintKind.UNIQUE;
        accept("unique");
        accept("nulls", "distinct");
        accept("nulls", "not", "distinct");
        if (accept("using", "index")) {
          usingIndex = ident();
        } else {
          columns = nameList();
        }
      } else if (accept("foreign", "key")) {
        kind = ConstraintKind.FOREIGN_KEY;
        columns = nameList();
        if (accept("references")) {
          refTable = qname();
          skipGroupHere();
        }
      } else if (accept("check")) {
        kind = ConstraintKind.CHECK;
        if (kind(TokenKind.LPAREN)) {
          int open = pos;
          pos = skipGroup(open);
          expr = inner(open, pos);
        }
      } else if (accept("exclude")) {
        kind = ConstraintKind.EXCLUDE;
        if (accept("using")) {
          ident();
        }
        if (kind(TokenKind.LPAREN)) {
          int open = pos;
          pos = skipGroup(open);
          expr = inner(open, pos);
        }
      } else if (accept("not", "null")) {
        kind = ConstraintKind.NOT_NULL;
        String c = ident();
        if (c != null) {
          columns.add(c);
        }
      } else {
        return null;
      }
      boolean notValid = false;
      while (!atEnd()) {
        if (accept("not", "valid")) {
          notValid = true;
        } else if (kind(TokenKind.LPAREN)) {
          skipGroupHere();
        } else {
          pos++;
        }
      }
      return new ConstraintDef(
          name, kind, List.copyOf(columns), usingIndex, refTable, notValid, expr, startLine);
    }

    /** A type name at the cursor. */
    private TypeName typeName() {
      Token t = peek();
      if (!isIdent(t)) {
        return null;
      }
      String name;
      List<String> modifiers = new ArrayList<>();
      if (t.kind() == TokenKind.QUOTED_IDENT) {
        QualifiedName q = qname();
        name = q.toString();
      } else {
        pos++;
        String w = t.identifier();
        if (kind(TokenKind.DOT) && isIdent(peek(1))) {
          String schema = w;
          pos++;
          Token n = peek();
          pos++;
          w = n.identifier();
          if (!schema.equals("pg_catalog") || n.kind() == TokenKind.QUOTED_IDENT) {
            name = schema + "." + w;
            modifiers(modifiers);
            return new TypeName(name, List.copyOf(modifiers), arrayBounds());
          }
        }
        switch (w) {
          case "double" -> {
            accept("precision");
            name = "double precision";
          }
          case "character", "char", "nchar" -> {
            name = accept("varying") ? "varchar" : "char";
          }
          case "national" -> {
            if (!accept("character")) {
              accept("char");
            }
            name = accept("varying") ? "varchar" : "char";
          }
          case "bit" -> name = accept("varying") ? "varbit" : "bit";
          default -> name = canonical(w);
        }
        modifiers(modifiers);
        if (name.equals("timestamp") || name.equals("time")) {
          if (accept("with", "time", "zone")) {
            name = name + "tz";
          } else {
            accept("without", "time", "zone");
          }
        } else if (name.equals("interval")) {
          while (isIntervalField(peek())) {
            pos++;
          }
          modifiers(modifiers);
        } else if (name.equals("float")) {
          name = floatName(modifiers);
        }
      }
      if (!modifiersRead(modifiers)) {
        modifiers(modifiers);
      }
      return new TypeName(name, List.copyOf(modifiers), arrayBounds());
    }

    private static boolean modifiersRead(List<String> modifiers) {
      return !modifiers.isEmpty();
    }

    private static boolean isIntervalField(Token t) {
      return t.isWord("year")
          || t.isWord("month")
          || t.isWord("day")
          || t.isWord("hour")
          || t.isWord("minute")
          || t.isWord("second")
          || t.isWord("to");
    }

    private static String floatName(List<String> modifiers) {
      if (modifiers.size() == 1) {
        try {
          int p = Integer.parseInt(modifiers.get(0).trim());
          modifiers.clear();
          return p <= 24 ? "real" : "double precision";
        } catch (NumberFormatException e) {
          return "double precision";
        }
      }
      return "double precision";
    }

    private void modifiers(List<String> modifiers) {
      if (!kind(TokenKind.LPAREN)) {
        return;
      }
      int[] g = groupHere();
      for (int[] p : splitCommas(g[0], g[1])) {
        modifiers.add(raw(p[0], p[1]));
      }
    }

    private boolean arrayBounds() {
      boolean array = false;
      while (true) {
        if (kind(TokenKind.LBRACKET)) {
          array = true;
          pos++;
          while (!atEnd() && !acceptKind(TokenKind.RBRACKET)) {
            pos++;
          }
        } else if (accept("array")) {
          array = true;
        } else {
          return array;
        }
      }
    }

    static String canonical(String w) {
      return switch (w) {
        case "int", "integer", "int4" -> "integer";
        case "smallint", "int2" -> "smallint";
        case "bigint", "int8" -> "bigint";
        case "serial", "serial4" -> "serial";
        case "bigserial", "serial8" -> "bigserial";
        case "smallserial", "serial2" -> "smallserial";
        case "varchar" -> "varchar";
        case "bpchar" -> "char";
        case "float8" -> "double precision";
        case "float4", "real" -> "real";
        case "bool", "boolean" -> "boolean";
        case "decimal", "numeric" -> "numeric";
        case "timestamptz" -> "timestamptz";
        case "timetz" -> "timetz";
        case "varbit" -> "varbit";
        case "dec" -> "numeric";
        default -> w;
      };
    }

    private Stmt createIndex(boolean unique) {
      boolean concurrently = accept("concurrently");
      boolean ifNotExists = ifNotExists();
      QualifiedName name = null;
      if (!word("on") || word(1, "on")) {
        name = qname();
      }
      accept("on");
      boolean only = accept("only");
      QualifiedName table = qname();
      String method = null;
      if (accept("using")) {
        method = ident();
      }
      List<String> keys = new ArrayList<>();
      if (kind(TokenKind.LPAREN)) {
        int[] g = groupHere();
        for (int[] p : splitCommas(g[0], g[1])) {
          keys.add(raw(p[0], p[1]));
        }
      }
      String where = null;
      while (!atEnd()) {
        if (accept("where")) {
          where = raw(pos, end);
          break;
        } else if (kind(TokenKind.LPAREN)) {
          skipGroupHere();
        } else {
          pos++;
        }
      }
      return new CreateIndex(
          name, table, unique, concurrently, ifNotExists, method, keys, where, only, line, sql);
    }

    private Stmt createType() {
      QualifiedName name = qname();
      if (accept("as", "enum")) {
        List<String> values = new ArrayList<>();
        if (kind(TokenKind.LPAREN)) {
          int[] g = groupHere();
          for (int j = g[0]; j < g[1]; j++) {
            Token t = toks.get(j);
            if (t.kind() == TokenKind.STRING) {
              values.add(unquote(t.text()));
            }
          }
        }
        return new CreateEnum(name, values, line, sql);
      }
      return new CreateObject("TYPE", name, false, false, null, line, sql);
    }

    private Stmt createDomain() {
      QualifiedName name = qname();
      accept("as");
      TypeName type = typeName();
      boolean hasConstraint = false;
      while (!atEnd()) {
        if (accept("check") || accept("not", "null")) {
          hasConstraint = true;
        } else if (kind(TokenKind.LPAREN)) {
          skipGroupHere();
        } else {
          pos++;
        }
      }
      return new CreateDomain(name, type, hasConstraint, line, sql);
    }

    // ---------------------------------------------------------------- ALTER

    private Stmt alter() {
      if (word("table") && !word(1, "all")) {
        pos++;
        return alterTable();
      }
      if (accept("type")) {
        return alterType();
      }
      if (accept("domain")) {
        QualifiedName name = qname();
        if (accept("rename", "to")) {
          return new RenameObject("DOMAIN", name, ident(), line, sql);
        }
        boolean adds = word("add");
        return new AlterDomain(name, wordsHere(3), adds, line, sql);
      }
      String type = objectType();
      if (type == null) {
        return unrecognised();
      }
      if (type.equals("DEFAULT PRIVILEGES") || type.equals("SYSTEM")) {
        return new AlterObject(type, null, wordsHere(3), line, sql);
      }
      if (type.equals("INDEX") && word("all")) {
        return new AlterObject(type, null, wordsHere(4), line, sql);
      }
      ifExists();
      QualifiedName name = qname();
      skipGroupHere(); // function / aggregate argument lists
      if (accept("rename", "to")) {
        return new RenameObject(type, name, ident(), line, sql);
      }
      return new AlterObject(type, name, wordsHere(3), line, sql);
    }

    private Stmt alterType() {
      QualifiedName name = qname();
      if (accept("add", "value")) {
        boolean ifNotExists = ifNotExists();
        String value = stringOrIdent();
        String before = null;
        String after = null;
        if (accept("before")) {
          before = stringOrIdent();
        } else if (accept("after")) {
          after = stringOrIdent();
        }
        return new AlterTypeAddValue(name, value, ifNotExists, before, after, line, sql);
      }
      if (accept("rename", "to")) {
        return new RenameObject("TYPE", name, ident(), line, sql);
      }
      return new AlterObject("TYPE", name, wordsHere(3), line, sql);
    }

    private String stringOrIdent() {
      Token t = peek();
      if (t.kind() == TokenKind.STRING) {
        pos++;
        return unquote(t.text());
      }
      return ident();
    }

    private Stmt alterTable() {
      boolean ifExists = ifExists();
      boolean only = accept("only");
      QualifiedName name = qname();
      if (kind(TokenKind.OPERATOR) && peek().text().equals("*")) {
        pos++;
      }
      List<AlterAction> actions = new ArrayList<>();
      int saveEnd = end;
      for (int[] p : splitCommas(pos, end)) {
        end = p[1];
        pos = p[0];
        if (!atEnd()) {
          actions.add(alterAction());
        }
        end = saveEnd;
      }
      return new AlterTable(name, ifExists, only, actions, line, sql);
    }

    /** One ALTER TABLE action filling the current window. */
    private AlterAction alterAction() {
      int l = peek().line();
      int start = pos;
      if (accept("add")) {
        if (startsConstraint(peek())) {
          ConstraintDef c = tableConstraint();
          if (c != null) {
            return new AddConstraint(c, l);
          }
        } else {
          accept("column");
          boolean ifNotExists = ifNotExists();
          ColumnDef c = columnDef();
          if (c != null) {
            return new AddColumn(c, ifNotExists, l);
          }
        }
      } else if (accept("drop")) {
        if (accept("constraint")) {
          boolean ifExists = ifExists();
          String name = ident();
          return new DropConstraint(name, ifExists, cascade(), l);
        }
        accept("column");
        boolean ifExists = ifExists();
        String name = ident();
        if (name != null) {
          return new DropColumn(name, ifExists, cascade(), l);
        }
      } else if (word("alter") && !word(1, "constraint")) {
        pos++;
        accept("column");
        String column = ident();
        if (column != null) {
          AlterAction a = alterColumn(column, l);
          if (a != null) {
            return a;
          }
          // Keywords without the column name, so rules can match on them.
          return new OtherAction(("ALTER COLUMN " + wordsHere(3)).trim(), l);
        }
      } else if (accept("validate", "constraint")) {
        return new ValidateConstraint(ident(), l);
      } else if (accept("rename")) {
        if (accept("constraint")) {
          String from = ident();
          accept("to");
          return new RenameConstraint(from, ident(), l);
        }
        if (accept("to")) {
          return new RenameTable(ident(), l);
        }
        accept("column");
        String from = ident();
        accept("to");
        return new RenameColumn(from, ident(), l);
      } else if (accept("set", "schema")) {
        return new SetSchema(ident(), l);
      } else if (accept("attach", "partition")) {
        return new AttachPartition(qname(), l);
      } else if (accept("detach", "partition")) {
        QualifiedName p = qname();
        return new DetachPartition(p, accept("concurrently"), l);
      }
      pos = start;
      return new OtherAction(wordsHere(4), l);
    }

    private boolean cascade() {
      while (!atEnd()) {
        if (accept("cascade")) {
          return true;
        }
        pos++;
      }
      return false;
    }

    private AlterAction alterColumn(String column, int l) {
      if (accept("type") || accept("set", "data", "type")) {
        TypeName type = typeName();
        String using = null;
        while (!atEnd()) {
          if (accept("using")) {
            using = raw(pos, end);
            break;
          }
          if (kind(TokenKind.LPAREN)) {
            skipGroupHere();
          } else {
            pos++;
          }
        }
        return new AlterColumnType(column, type, using, l);
      }
      if (accept("set", "not", "null")) {
        return new SetNotNull(column, l);
      }
      if (accept("drop", "not", "null")) {
        return new DropNotNull(column, l);
      }
      if (accept("set", "default")) {
        return new SetDefault(column, raw(pos, end), l);
      }
      if (accept("drop", "default")) {
        return new DropDefault(column, l);
      }
      return null;
    }

    // ---------------------------------------------------------------- DROP

    private Stmt drop() {
      if (accept("index")) {
        boolean concurrently = accept("concurrently");
        boolean ifExists = ifExists();
        List<QualifiedName> names = nameSequence();
        return new DropIndex(names, concurrently, ifExists, cascade(), line, sql);
      }
      String type = objectType();
      if (type == null) {
        return unrecognised();
      }
      boolean ifExists = ifExists();
      List<QualifiedName> names = nameSequence();
      QualifiedName onTable = null;
      if (accept("on")) {
        onTable = qname();
      }
      return new Drop(type, names, ifExists, cascade(), onTable, line, sql);
    }

    /** {@code a, b.c, f(int)} — names separated by commas, argument lists skipped. */
    private List<QualifiedName> nameSequence() {
      List<QualifiedName> names = new ArrayList<>();
      while (true) {
        QualifiedName q = qname();
        if (q == null) {
          break;
        }
        names.add(q);
        skipGroupHere();
        if (!acceptKind(TokenKind.COMMA)) {
          break;
        }
      }
      return names;
    }

    // ---------------------------------------------------------------- maintenance

    private Stmt truncate() {
      accept("table");
      List<QualifiedName> tables = new ArrayList<>();
      while (true) {
        accept("only");
        QualifiedName q = qname();
        if (q == null) {
          break;
        }
        tables.add(q);
        if (kind(TokenKind.OPERATOR) && peek().text().equals("*")) {
          pos++;
        }
        if (!acceptKind(TokenKind.COMMA)) {
          break;
        }
      }
      return new Truncate(tables, cascade(), line, sql);
    }

    private Stmt vacuum() {
      boolean full = false;
      while (true) {
        if (accept("full")) {
          full = true;
        } else if (accept("freeze")
            || accept("verbose")
            || accept("analyze")
            || accept("analyse")) {
          // options that do not change locking
        } else if (kind(TokenKind.LPAREN)) {
          int[] g = groupHere();
          for (int[] p : splitCommas(g[0], g[1])) {
            Token opt = toks.get(p[0]);
            boolean off =
                p[1] - p[0] > 1
                    && (toks.get(p[0] + 1).isWord("false")
                        || toks.get(p[0] + 1).isWord("off")
                        || toks.get(p[0] + 1).text().equals("0"));
            if (opt.isWord("full") && !off) {
              full = true;
            }
          }
        } else {
          break;
        }
      }
      List<QualifiedName> tables = new ArrayList<>();
      while (true) {
        QualifiedName q = qname();
        if (q == null) {
          break;
        }
        tables.add(q);
        skipGroupHere();
        if (!acceptKind(TokenKind.COMMA)) {
          break;
        }
      }
      return new Vacuum(full, tables, line, sql);
    }

    private Stmt reindex() {
      skipGroupHere();
      Token k = peek();
      if (k.kind() != TokenKind.WORD) {
        return unrecognised();
      }
      pos++;
      String kind = k.text().toUpperCase(java.util.Locale.ROOT);
      boolean concurrently = accept("concurrently");
      QualifiedName target = qname();
      return new Reindex(kind, target, concurrently, line, sql);
    }

    private Stmt cluster() {
      accept("verbose");
      skipGroupHere();
      QualifiedName first = qname();
      if (accept("on")) {
        return new Cluster(qname(), line, sql);
      }
      return new Cluster(first, line, sql);
    }

    private Stmt set() {
      boolean local = accept("local");
      if (!local) {
        accept("session");
      }
      String name;
      if (accept("time", "zone")) {
        name = "timezone";
      } else if (accept("authorization")) {
        name = "session_authorization";
      } else if (accept("transaction") || accept("characteristics")) {
        name = "transaction";
      } else if (accept("constraints")) {
        name = "constraints";
      } else if (accept("role")) {
        name = "role";
      } else {
        QualifiedName q = qname();
        if (q == null) {
          return unrecognised();
        }
        name = q.toString();
      }
      if (!accept("to") && kind(TokenKind.OPERATOR) && peek().text().equals("=")) {
        pos++;
      }
      String value;
      if (end - pos == 1 && peek().kind() == TokenKind.STRING) {
        value = unquote(peek().text());
      } else {
        value = raw(pos, end);
      }
      return new SetVariable(name, value, local, line, sql);
    }

    private Stmt reset() {
      String name;
      if (accept("time", "zone")) {
        name = "timezone";
      } else if (accept("session", "authorization")) {
        name = "session_authorization";
      } else {
        QualifiedName q = qname();
        if (q == null) {
          return unrecognised();
        }
        name = q.toString();
      }
      return new SetVariable(name, null, false, line, sql);
    }

    private Stmt doBlock() {
      String language = "plpgsql";
      String body = null;
      while (!atEnd()) {
        Token t = peek();
        if (accept("language")) {
          String l = ident();
          if (l != null) {
            language = l.toLowerCase(java.util.Locale.ROOT);
          }
        } else if (t.kind() == TokenKind.DOLLAR_STRING) {
          body = dollarBody(t.text());
          pos++;
        } else if (t.kind() == TokenKind.STRING) {
          body = unquote(t.text());
          pos++;
        } else {
          pos++;
        }
      }
      return new DoBlock(body, language, line, sql);
    }

    // ---------------------------------------------------------------- DML

    private Stmt with() {
      accept("recursive");
      while (!atEnd()) {
        if (qname() == null) {
          return unrecognised();
        }
        skipGroupHere();
        accept("as");
        accept("not");
        accept("materialized");
        skipGroupHere();
        // SEARCH / CYCLE clauses
        while (!atEnd() && !kind(TokenKind.COMMA) && !isDmlStart(peek())) {
          if (kind(TokenKind.LPAREN)) {
            skipGroupHere();
          } else {
            pos++;
          }
        }
        if (!acceptKind(TokenKind.COMMA)) {
          break;
        }
      }
      Token t = peek();
      pos++;
      if (t.isWord("insert")) {
        return insert();
      }
      if (t.isWord("update")) {
        return update();
      }
      if (t.isWord("delete")) {
        return delete();
      }
      return new Select(line, sql);
    }

    private static boolean isDmlStart(Token t) {
      return t.isWord("select")
          || t.isWord("insert")
          || t.isWord("update")
          || t.isWord("delete")
          || t.isWord("values")
          || t.isWord("merge")
          || t.isWord("table");
    }

    private Stmt insert() {
      accept("into");
      QualifiedName table = qname();
      if (accept("as")) {
        ident();
      }
      List<String> columns = new ArrayList<>();
      List<String> targets = new ArrayList<>();
      if (kind(TokenKind.LPAREN) && !word(1, "select") && !word(1, "values") && !word(1, "with")) {
        int[] g = groupHere();
        for (int[] p : splitCommas(g[0], g[1])) {
          addTarget(p[0], p[1], columns, targets);
        }
      }
      List<String> conflictColumns = new ArrayList<>();
      List<String> conflictTargets = new ArrayList<>();
      while (!atEnd()) {
        if (accept("do", "update", "set")) {
          setClause(conflictColumns, conflictTargets);
        } else if (kind(TokenKind.LPAREN)) {
          skipGroupHere();
        } else {
          pos++;
        }
      }
      return new Insert(table, columns, targets, conflictColumns, conflictTargets, line, sql);
    }

    private Stmt update() {
      accept("only");
      QualifiedName table = qname();
      if (kind(TokenKind.OPERATOR) && peek().text().equals("*")) {
        pos++;
      }
      if (!word("set")) {
        accept("as");
        ident();
      }
      List<String> columns = new ArrayList<>();
      List<String> targets = new ArrayList<>();
      if (accept("set")) {
        setClause(columns, targets);
      }
      return new Update(table, columns, targets, line, sql);
    }

    /**
     * The assignments of a SET list at the cursor, up to a top-level FROM, WHERE or RETURNING: each
     * target's column and full target, {@code (a, b) = ..} expanded.
     */
    private void setClause(List<String> columns, List<String> targets) {
      int from = pos;
      int j = pos;
      int depth = 0;
      while (j < end) {
        Token t = toks.get(j);
        TokenKind k = t.kind();
        if (k == TokenKind.LPAREN) {
          depth++;
        } else if (k == TokenKind.RPAREN) {
          depth = Math.max(0, depth - 1);
        } else if (depth == 0 && (t.isWord("from") || t.isWord("where") || t.isWord("returning"))) {
          break;
        }
        j++;
      }
      pos = j;
      for (int[] p : splitCommas(from, j)) {
        int eq = p[0];
        while (eq < p[1]
            && !(toks.get(eq).kind() == TokenKind.OPERATOR && toks.get(eq).text().equals("="))) {
          eq = toks.get(eq).kind() == TokenKind.LPAREN ? skipGroup(eq) : eq + 1;
        }
        if (toks.get(p[0]).kind() == TokenKind.LPAREN) {
          int close = skipGroup(p[0]);
          for (int[] q : splitCommas(p[0] + 1, close - 1)) {
            addTarget(q[0], q[1], columns, targets);
          }
        } else {
          addTarget(p[0], eq, columns, targets);
        }
      }
    }

    /**
     * Adds the column and full target ({@code a}, {@code a.x}, {@code a[1]}) of {@code [from, to)}.
     */
    private void addTarget(int from, int to, List<String> columns, List<String> targets) {
      if (from >= to || !isIdent(toks.get(from))) {
        return;
      }
      columns.add(toks.get(from).identifier());
      StringBuilder b = new StringBuilder();
      for (int j = from; j < to; j++) {
        Token t = toks.get(j);
        b.append(isIdent(t) ? t.identifier() : t.text());
      }
      targets.add(b.toString());
    }

    private Stmt delete() {
      accept("from");
      accept("only");
      return new Delete(qname(), line, sql);
    }

    private Stmt comment() {
      if (!accept("on")) {
        return unrecognised();
      }
      String type = objectType();
      if (type == null) {
        return unrecognised();
      }
      int from = pos;
      StringBuilder target = new StringBuilder();
      while (!atEnd() && !word("is")) {
        Token t = peek();
        if (t.isWord("on")) {
          target.append(" ON ");
        } else if (isIdent(t)) {
          target.append(t.identifier());
        } else {
          target.append(t.text());
        }
        pos++;
      }
      if (pos == from) {
        return unrecognised();
      }
      return new Comment(type, target.toString(), line, sql);
    }
  }
}

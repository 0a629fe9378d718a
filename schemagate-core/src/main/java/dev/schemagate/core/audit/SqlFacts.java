package dev.schemagate.core.audit;

import dev.schemagate.core.sql.Dialect;
import dev.schemagate.core.sql.SqlLexer;
import dev.schemagate.core.sql.SqlSplitException;
import dev.schemagate.core.sql.SqlStatement;
import dev.schemagate.core.sql.StatementSplitter;
import dev.schemagate.core.sql.Token;
import dev.schemagate.core.sql.TokenKind;
import dev.schemagate.core.sql.TransactionRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one run of SQL does, for the audit: operation and keyword counts, and the statements that
 * matter to a reviewer (destructive, data-changing, refused inside a transaction).
 *
 * <h2>Operation names</h2>
 *
 * SQL statements are named after the Alembic operation that would do the same, so reports of SQL
 * layouts and Alembic read alike:
 *
 * <ul>
 *   <li>{@code CREATE TABLE} → create_table; {@code DROP TABLE} → drop_table;
 *   <li>{@code CREATE [UNIQUE] INDEX} → create_index; {@code DROP INDEX} → drop_index;
 *   <li>each {@code ALTER TABLE} action on its own: {@code ADD [COLUMN]} → add_column, {@code DROP
 *       [COLUMN]} → drop_column, {@code ALTER [COLUMN]} and {@code RENAME [COLUMN] a TO b} →
 *       alter_column, {@code ADD ... FOREIGN KEY} → create_foreign_key, {@code ADD ... UNIQUE} →
 *       create_unique_constraint, {@code ADD ... PRIMARY KEY} → create_primary_key, {@code ADD ...
 *       CHECK} → create_check_constraint, {@code ADD ... EXCLUDE} → create_exclude_constraint,
 *       {@code DROP CONSTRAINT} → drop_constraint, {@code RENAME TO} → rename_table; any other
 *       action → execute;
 *   <li>everything else (views, functions, DML, DO blocks, ...) → execute, as Alembic would need
 *       {@code op.execute} for it.
 * </ul>
 *
 * <h2>Keywords</h2>
 *
 * One statement keyword each ({@code CREATE TABLE}, {@code ALTER TYPE}, {@code DROP INDEX}, {@code
 * INSERT}, {@code COMMENT ON}, {@code DO}, ...: the verb and its object type), one per {@code ALTER
 * TABLE} action ({@code ADD COLUMN}, {@code DROP COLUMN}, {@code ALTER COLUMN}, {@code ALTER COLUMN
 * TYPE}, {@code SET NOT NULL}, {@code ADD CONSTRAINT}, ...), and modifiers wherever they appear
 * outside strings and bodies: {@code CONCURRENTLY}, {@code IF EXISTS}, {@code IF NOT EXISTS},
 * {@code CASCADE}, {@code NOT VALID}, {@code UNIQUE}. A statement with no leading word is {@code
 * UNRECOGNISED}.
 *
 * <h2>Bad input</h2>
 *
 * Never throws. Binary content (NUL bytes, or mostly control characters) is a problem and is not
 * analysed. An unterminated string, comment or dollar quote is a problem naming its line; the
 * statements before it are still analysed. Only the first {@value #STATEMENT_PREFIX} characters of
 * a statement are tokenized: keywords sit at the front, and a multi-megabyte {@code INSERT} must
 * not become millions of tokens. Statements are tokenized one at a time, so memory stays bounded by
 * the text itself.
 */
final class SqlFacts {

  static final int STATEMENT_PREFIX = 256 * 1024;

  /** Something about one statement, at a line of the analysed text. */
  record Note(int line, String text) {}

  /**
   * The facts.
   *
   * @param statements how many statements (empty ones and comments do not count)
   * @param opCalls operation counts by name
   * @param keywords keyword counts
   * @param nonTransactional statements PostgreSQL refuses inside a transaction block
   * @param destructive DROP TABLE, DROP COLUMN, TRUNCATE, DROP SCHEMA, DROP DATABASE
   * @param dml INSERT, UPDATE, DELETE, MERGE, COPY
   * @param problems text that could not be read as SQL
   */
  record Result(
      int statements,
      SortedMap<String, Integer> opCalls,
      SortedMap<String, Integer> keywords,
      List<Note> nonTransactional,
      List<Note> destructive,
      List<Note> dml,
      List<Note> problems) {
    static Result empty() {
      return new SqlFacts().result();
    }
  }

  private int statements;
  private final SortedMap<String, Integer> opCalls = new TreeMap<>();
  private final SortedMap<String, Integer> keywords = new TreeMap<>();
  private final List<Note> nonTransactional = new ArrayList<>();
  private final List<Note> destructive = new ArrayList<>();
  private final List<Note> dml = new ArrayList<>();
  private final List<Note> problems = new ArrayList<>();

  private SqlFacts() {}

  static Result analyse(String sql) {
    SqlFacts facts = new SqlFacts();
    facts.run(sql);
    return facts.result();
  }

  private Result result() {
    return new Result(
        statements,
        new TreeMap<>(opCalls),
        new TreeMap<>(keywords),
        List.copyOf(nonTransactional),
        List.copyOf(destructive),
        List.copyOf(dml),
        List.copyOf(problems));
  }

  private void run(String sql) {
    String binary = binaryContent(sql);
    if (binary != null) {
      problems.add(new Note(binary.startsWith("line") ? lineOf(binary) : 1, binary));
      return;
    }
    List<SqlStatement> split;
    try {
      split = StatementSplitter.split(sql, Dialect.POSTGRES);
    } catch (SqlSplitException e) {
      problems.add(new Note(e.line(), e.getMessage() + "; the rest of the text is not analysed"));
      split = prefixBefore(sql, e.line());
    }
    for (SqlStatement s : split) {
      statement(s);
    }
  }

  /** The statements before the line where an unterminated construct starts. */
  private static List<SqlStatement> prefixBefore(String sql, int line) {
    int cut = 0;
    for (int l = 1; l < line && cut >= 0; l++) {
      cut = sql.indexOf('\n', cut);
      if (cut >= 0) {
        cut++;
      }
    }
    if (cut <= 0) {
      return List.of();
    }
    try {
      return StatementSplitter.split(sql.substring(0, cut), Dialect.POSTGRES);
    } catch (SqlSplitException again) {
      return List.of();
    }
  }

  private static int lineOf(String message) {
    int space = message.indexOf(' ');
    int colon = message.indexOf(':');
    try {
      return Integer.parseInt(message.substring(space + 1, colon));
    } catch (RuntimeException e) {
      return 1;
    }
  }

  /** A reason when the text is binary rather than SQL; null for text. */
  static String binaryContent(String sql) {
    int control = 0;
    int line = 1;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c == 0) {
        return "line " + line + ": NUL byte: binary content, not SQL";
      } else if (c < 32 && c != '\t' && c != '\r' && c != '\f') {
        control++;
      }
    }
    if (sql.length() > 0 && control * 10L > sql.length()) {
      return "line 1: " + control + " control characters: binary content, not SQL";
    }
    return null;
  }

  /** Statements whose first word says all the audit needs: no need to tokenize them. */
  private static final Set<String> PLAIN_DML = Set.of("INSERT", "UPDATE", "DELETE", "MERGE");

  /** First words of the statements {@link TransactionRules} can refuse. */
  private static final Set<String> MAYBE_NON_TRANSACTIONAL =
      Set.of("CREATE", "DROP", "ALTER", "REINDEX", "VACUUM", "CLUSTER");

  private void statement(SqlStatement s) {
    String text = s.sql();
    // A data dump is hundreds of thousands of INSERTs: their first word is enough, and skipping
    // the tokenizer for them keeps a 50 MB file to seconds.
    String leading = leadingWord(text);
    if (PLAIN_DML.contains(leading)) {
      statements++;
      dml(leading, s.line());
      return;
    }
    String head = text.length() > STATEMENT_PREFIX ? text.substring(0, STATEMENT_PREFIX) : text;
    List<Token> all = SqlLexer.tokenize(head);
    List<Token> t = new ArrayList<>(all.size());
    for (Token tok : all) {
      if (tok.kind() != TokenKind.COMMENT) {
        t.add(tok);
      }
    }
    if (t.isEmpty()) {
      return;
    }
    statements++;
    int line = s.line();
    if (MAYBE_NON_TRANSACTIONAL.contains(leading)) {
      TransactionRules.whyCannotRunInTransaction(head)
          .ifPresent(why -> nonTransactional.add(new Note(line, why)));
    }
    String first = word(t, 0);
    switch (first) {
      case "CREATE" -> create(t, line);
      case "ALTER" -> alter(t, line);
      case "DROP" -> drop(t, line);
      case "INSERT", "UPDATE", "DELETE", "MERGE" -> dml(first, line);
      case "COPY" -> {
        keyword("COPY");
        op("execute");
        if (topLevelWord(t, "FROM")) {
          dml.add(new Note(line, "COPY ... FROM"));
        }
      }
      case "WITH" -> {
        String verb = cteVerb(t);
        if (verb.equals("SELECT")) {
          keyword("SELECT");
          op("execute");
        } else {
          dml(verb, line);
        }
      }
      case "TRUNCATE" -> {
        keyword("TRUNCATE");
        op("execute");
        destructive.add(new Note(line, "TRUNCATE"));
      }
      case "COMMENT" -> simple("COMMENT ON");
      case "REFRESH" -> simple("REFRESH MATERIALIZED VIEW");
      case "" -> simple("UNRECOGNISED");
      default -> simple(first);
    }
    modifiers(t);
  }

  private void dml(String verb, int line) {
    keyword(verb);
    op("execute");
    dml.add(new Note(line, verb));
  }

  private void simple(String keyword) {
    keyword(keyword);
    op("execute");
  }

  private static final Set<String> CREATE_FILLERS =
      Set.of(
          "OR",
          "REPLACE",
          "TEMP",
          "TEMPORARY",
          "GLOBAL",
          "LOCAL",
          "UNLOGGED",
          "UNIQUE",
          "RECURSIVE",
          "TRUSTED",
          "PROCEDURAL",
          "DEFAULT");

  private static final Set<String> TWO_WORD_OBJECTS =
      Set.of("MATERIALIZED", "FOREIGN", "EVENT", "TEXT", "OPERATOR", "USER", "ACCESS");

  private void create(List<Token> t, int line) {
    int i = 1;
    while (CREATE_FILLERS.contains(word(t, i))) {
      i++;
    }
    if (word(t, i).equals("CONSTRAINT") && word(t, i + 1).equals("TRIGGER")) {
      i++;
    }
    String object = object(t, i);
    keyword(object.isEmpty() ? "CREATE" : "CREATE " + object);
    switch (object) {
      case "TABLE" -> op("create_table");
      case "INDEX" -> op("create_index");
      default -> op("execute");
    }
  }

  private void drop(List<Token> t, int line) {
    String object = object(t, 1);
    keyword(object.isEmpty() ? "DROP" : "DROP " + object);
    switch (object) {
      case "TABLE" -> {
        op("drop_table");
        destructive.add(new Note(line, "DROP TABLE"));
      }
      case "INDEX" -> op("drop_index");
      case "SCHEMA", "DATABASE" -> {
        op("execute");
        destructive.add(new Note(line, "DROP " + object));
      }
      default -> op("execute");
    }
  }

  private static String object(List<Token> t, int i) {
    String w = word(t, i);
    if (TWO_WORD_OBJECTS.contains(w) && !word(t, i + 1).isEmpty()) {
      return w + " " + word(t, i + 1);
    }
    return w;
  }

  private void alter(List<Token> t, int line) {
    String object = object(t, 1);
    keyword(object.isEmpty() ? "ALTER" : "ALTER " + object);
    if (!object.equals("TABLE")) {
      if (object.equals("TYPE") && topLevelWord(t, "VALUE")) {
        keyword("ADD VALUE");
      }
      op("execute");
      return;
    }
    // ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, action ...]
    int i = 2;
    if (word(t, i).equals("IF") && word(t, i + 1).equals("EXISTS")) {
      i += 2;
    }
    if (word(t, i).equals("ONLY")) {
      i++;
    }
    i++; // the name
    while (i + 1 < t.size() && t.get(i).kind() == TokenKind.DOT) {
      i += 2;
    }
    if (i < t.size() && t.get(i).text().equals("*")) {
      i++;
    }
    int depth = 0;
    int start = i;
    for (int k = i; k <= t.size(); k++) {
      if (k == t.size() || (depth == 0 && t.get(k).kind() == TokenKind.COMMA)) {
        if (k > start) {
          action(t.subList(start, k), line);
        }
        start = k + 1;
        continue;
      }
      TokenKind kind = t.get(k).kind();
      if (kind == TokenKind.LPAREN) {
        depth++;
      } else if (kind == TokenKind.RPAREN) {
        depth--;
      }
    }
  }

  private static final Set<String> CONSTRAINT_STARTS =
      Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "EXCLUDE");

  private void action(List<Token> a, int line) {
    String w0 = word(a, 0);
    String w1 = word(a, 1);
    switch (w0) {
      case "ADD" -> {
        if (CONSTRAINT_STARTS.contains(w1)) {
          keyword("ADD CONSTRAINT");
          op(constraintOp(a));
        } else {
          keyword("ADD COLUMN");
          op("add_column");
        }
      }
      case "DROP" -> {
        if (w1.equals("CONSTRAINT")) {
          keyword("DROP CONSTRAINT");
          op("drop_constraint");
        } else {
          keyword("DROP COLUMN");
          op("drop_column");
          destructive.add(new Note(line, "DROP COLUMN"));
        }
      }
      case "ALTER" -> {
        keyword("ALTER COLUMN");
        op("alter_column");
        int i = w1.equals("COLUMN") ? 3 : 2;
        String sub = word(a, i);
        String next = word(a, i + 1);
        if (sub.equals("TYPE") || (sub.equals("SET") && next.equals("DATA"))) {
          keyword("ALTER COLUMN TYPE");
        } else if ((sub.equals("SET") || sub.equals("DROP"))
            && (next.equals("NOT") || next.equals("DEFAULT"))) {
          keyword(sub + (next.equals("NOT") ? " NOT NULL" : " DEFAULT"));
        }
      }
      case "RENAME" -> {
        if (w1.equals("TO")) {
          keyword("RENAME TO");
          op("rename_table");
        } else if (w1.equals("CONSTRAINT")) {
          keyword("RENAME CONSTRAINT");
          op("execute");
        } else {
          keyword("RENAME COLUMN");
          op("alter_column");
        }
      }
      case "VALIDATE" -> {
        keyword("VALIDATE CONSTRAINT");
        op("execute");
      }
      default -> {
        keyword(w0.isEmpty() ? "ALTER TABLE ACTION" : w0);
        op("execute");
      }
    }
  }

  private static String constraintOp(List<Token> a) {
    for (int i = 1; i < a.size(); i++) {
      switch (word(a, i)) {
        case "FOREIGN":
          return "create_foreign_key";
        case "UNIQUE":
          return "create_unique_constraint";
        case "PRIMARY":
          return "create_primary_key";
        case "CHECK":
          return "create_check_constraint";
        case "EXCLUDE":
          return "create_exclude_constraint";
        default:
      }
    }
    return "execute";
  }

  private void modifiers(List<Token> t) {
    for (int i = 0; i < t.size(); i++) {
      String w = word(t, i);
      switch (w) {
        case "CONCURRENTLY", "CASCADE", "UNIQUE" -> keyword(w);
        case "IF" -> {
          if (word(t, i + 1).equals("EXISTS")) {
            keyword("IF EXISTS");
          } else if (word(t, i + 1).equals("NOT") && word(t, i + 2).equals("EXISTS")) {
            keyword("IF NOT EXISTS");
          }
        }
        case "NOT" -> {
          if (word(t, i + 1).equals("VALID")) {
            keyword("NOT VALID");
          }
        }
        default -> {}
      }
    }
  }

  /** The first top-level INSERT/UPDATE/DELETE/MERGE/SELECT after a WITH clause. */
  private static String cteVerb(List<Token> t) {
    int depth = 0;
    for (int i = 1; i < t.size(); i++) {
      TokenKind kind = t.get(i).kind();
      if (kind == TokenKind.LPAREN) {
        depth++;
      } else if (kind == TokenKind.RPAREN) {
        depth--;
      } else if (depth == 0) {
        String w = word(t, i);
        if (Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "SELECT").contains(w)) {
          return w;
        }
      }
    }
    return "SELECT";
  }

  private static boolean topLevelWord(List<Token> t, String word) {
    int depth = 0;
    for (Token tok : t) {
      if (tok.kind() == TokenKind.LPAREN) {
        depth++;
      } else if (tok.kind() == TokenKind.RPAREN) {
        depth--;
      } else if (depth == 0 && tok.isWord(word)) {
        return true;
      }
    }
    return false;
  }

  /** The statement's leading ASCII word, upper-cased ("" when it starts otherwise). */
  private static String leadingWord(String text) {
    int end = 0;
    while (end < text.length() && end < 16 && isAsciiLetter(text.charAt(end))) {
      end++;
    }
    return text.substring(0, end).toUpperCase(Locale.ROOT);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** The upper-cased word at {@code i}, or "" when that token is not a word. */
  private static String word(List<Token> t, int i) {
    if (i < 0 || i >= t.size() || t.get(i).kind() != TokenKind.WORD) {
      return "";
    }
    return t.get(i).text().toUpperCase(Locale.ROOT);
  }

  private void keyword(String k) {
    keywords.merge(k, 1, Integer::sum);
  }

  private void op(String name) {
    opCalls.merge(name, 1, Integer::sum);
  }
}

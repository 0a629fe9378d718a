package dev.schemagate.core.lint.rules;

import dev.schemagate.core.lint.LintInput;
import dev.schemagate.core.sql.ParsedStatement;
import dev.schemagate.core.sql.Token;
import dev.schemagate.core.sql.TokenKind;
import dev.schemagate.core.sql.ast.AddColumn;
import dev.schemagate.core.sql.ast.AlterAction;
import dev.schemagate.core.sql.ast.AlterColumnType;
import dev.schemagate.core.sql.ast.AlterTable;
import dev.schemagate.core.sql.ast.ColumnDef;
import dev.schemagate.core.sql.ast.CreateTable;
import dev.schemagate.core.sql.ast.QualifiedName;
import dev.schemagate.core.sql.ast.Stmt;
import dev.schemagate.core.sql.ast.TransactionControl;
import dev.schemagate.core.sql.ast.TypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Shared, pure helpers for the rules: transaction tracking, column types, tokens. */
final class Support {
  private Support() {}

  /** A column type as written somewhere in a statement. */
  record ColumnType(String column, TypeName type, int line) {}

  /** Whether the statement opens an explicit transaction block (BEGIN, START TRANSACTION). */
  static boolean opensTx(Stmt s) {
    return s instanceof TransactionControl tc
        && switch (tc.kind()) {
          case BEGIN, START -> true;
          default -> false;
        };
  }

  /** Whether the statement ends the current transaction block (COMMIT, END, ROLLBACK, ...). */
  static boolean closesTx(Stmt s) {
    return s instanceof TransactionControl tc
        && switch (tc.kind()) {
          case COMMIT, END, ROLLBACK, ABORT, PREPARE -> true;
          default -> false;
        };
  }

  /**
   * For each statement, whether it runs inside a transaction: the file's own mode to start with,
   * then explicit BEGIN/COMMIT statements. The BEGIN itself counts as inside.
   */
  static boolean[] inTransaction(LintInput in) {
    List<ParsedStatement> stmts = in.script().statements();
    boolean[] out = new boolean[stmts.size()];
    boolean tx = in.transactional();
    for (int i = 0; i < stmts.size(); i++) {
      Stmt s = stmts.get(i).stmt();
      if (opensTx(s)) {
        tx = true;
      } else if (closesTx(s)) {
        out[i] = tx;
        tx = false;
        continue;
      }
      out[i] = tx;
    }
    return out;
  }

  /**
   * For each statement, the names of tables created earlier in the file inside a transaction that
   * is still open: such a table is new and invisible to others, so locking it is harmless.
   */
  static FreshTables freshTables(LintInput in) {
    List<ParsedStatement> stmts = in.script().statements();
    boolean[] tx = inTransaction(in);
    Map<String, Integer> since = new HashMap<>();
    for (int i = 0; i < stmts.size(); i++) {
      Stmt s = stmts.get(i).stmt();
      if (s instanceof CreateTable ct && tx[i] && ct.name() != null) {
        since.putIfAbsent(ct.name().name(), i);
      }
    }
    return new FreshTables(since);
  }

  /**
   * Tables created earlier in the file inside a transaction, by the index of the statement that
   * created them: one map per file rather than a set per statement, which grew quadratically on
   * long files.
   */
  record FreshTables(Map<String, Integer> since) {}

  /**
   * Calls {@code action} for each action of each ALTER TABLE whose table was not created earlier in
   * this file's transaction: the loop most lock rules share, since a table nobody else can see yet
   * cannot be blocked.
   */
  static void forEachActionOnExistingTable(
      LintInput in, java.util.function.BiConsumer<AlterTable, AlterAction> action) {
    List<ParsedStatement> stmts = in.script().statements();
    FreshTables fresh = freshTables(in);
    for (int i = 0; i < stmts.size(); i++) {
      if (stmts.get(i).stmt() instanceof AlterTable at && !isFresh(fresh, i, at.name())) {
        for (AlterAction a : actions(at)) {
          action.accept(at, a);
        }
      }
    }
  }

  static boolean isFresh(FreshTables fresh, int index, QualifiedName table) {
    if (table == null) {
      return false;
    }
    Integer created = fresh.since().get(table.name());
    return created != null && created < index;
  }

  /** Every column type a statement writes: CREATE TABLE columns, ADD COLUMN, ALTER COLUMN TYPE. */
  static List<ColumnType> columnTypes(Stmt s) {
    List<ColumnType> out = new ArrayList<>();
    if (s instanceof CreateTable ct && ct.columns() != null) {
      for (ColumnDef c : ct.columns()) {
        if (c.type() != null) {
          out.add(new ColumnType(c.name(), c.type(), lineOr(c.line(), ct.line())));
        }
      }
    } else if (s instanceof AlterTable at) {
      for (AlterAction a : actions(at)) {
        if (a instanceof AddColumn ac && ac.column() != null && ac.column().type() != null) {
          out.add(
              new ColumnType(ac.column().name(), ac.column().type(), lineOr(ac.line(), at.line())));
        } else if (a instanceof AlterColumnType t && t.type() != null) {
          out.add(new ColumnType(t.column(), t.type(), lineOr(t.line(), at.line())));
        }
      }
    }
    return out;
  }

  static List<AlterAction> actions(AlterTable at) {
    return at.actions() == null ? List.of() : at.actions();
  }

  static int lineOr(int line, int fallback) {
    return line > 0 ? line : fallback;
  }

  /**
   * The canonical lower-case name of a type: quotes and a {@code pg_catalog.} prefix removed and
   * common aliases resolved (the parser already resolves most; this keeps rules robust).
   */
  static String baseType(TypeName t) {
    if (t == null || t.name() == null) {
      return "";
    }
    String n = t.name().strip();
    if (n.startsWith("\"") && n.endsWith("\"") && n.length() >= 2) {
      n = n.substring(1, n.length() - 1);
    }
    n = n.toLowerCase(Locale.ROOT).replace("\"", "");
    if (n.startsWith("pg_catalog.")) {
      n = n.substring("pg_catalog.".length());
    }
    return switch (n) {
      case "int", "int4", "integer" -> "integer";
      case "int2", "smallint" -> "smallint";
      case "int8", "bigint" -> "bigint";
      case "serial", "serial4" -> "serial";
      case "serial2", "smallserial" -> "smallserial";
      case "serial8", "bigserial" -> "bigserial";
      case "character varying", "varchar" -> "varchar";
      case "character", "char", "bpchar" -> "char";
      case "timestamp without time zone", "timestamp" -> "timestamp";
      case "timestamp with time zone", "timestamptz" -> "timestamptz";
      default -> n;
    };
  }

  /** The statement's tokens without comments. */
  static List<Token> code(ParsedStatement ps) {
    List<Token> tokens = ps.tokens();
    if (tokens == null) {
      return List.of();
    }
    List<Token> out = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      if (t.kind() != TokenKind.COMMENT) {
        out.add(t);
      }
    }
    return out;
  }

  /** The first word of the statement, upper-case, or "". */
  static String firstWord(ParsedStatement ps) {
    for (Token t : ps.tokens() == null ? List.<Token>of() : ps.tokens()) {
      if (t.kind() == TokenKind.COMMENT) {
        continue;
      }
      return t.kind() == TokenKind.WORD ? t.text().toUpperCase(Locale.ROOT) : "";
    }
    return "";
  }

  static boolean hasWord(List<Token> tokens, String word) {
    for (Token t : tokens) {
      if (t.isWord(word)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a boolean option value token turns the option off (FALSE, OFF, 0). */
  static boolean isFalse(Token t) {
    return t != null
        && (t.isWord("false")
            || t.isWord("off")
            || (t.kind() == TokenKind.NUMBER && "0".equals(t.text())));
  }

  /**
   * Whether an option word (FULL, CONCURRENTLY) is switched on in the statement: present as a
   * keyword and, inside a parenthesised option list, not followed by FALSE/OFF/0.
   */
  static boolean optionOn(List<Token> tokens, String option) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).isWord(option)) {
        Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        if (!isFalse(next)) {
          return true;
        }
      }
    }
    return false;
  }

  static String quote(Object name) {
    return name == null ? "?" : String.valueOf(name);
  }
}

package dev.schemagate.core.lint.rules;

import static dev.schemagate.core.lint.rules.Support.actions;
import static dev.schemagate.core.lint.rules.Support.code;
import static dev.schemagate.core.lint.rules.Support.firstWord;
import static dev.schemagate.core.lint.rules.Support.isFresh;
import static dev.schemagate.core.lint.rules.Support.lineOr;
import static dev.schemagate.core.lint.rules.Support.optionOn;

import dev.schemagate.core.lint.LintInput;
import dev.schemagate.core.lint.RuleContext;
import dev.schemagate.core.lint.Severity;
import dev.schemagate.core.sql.ParsedStatement;
import dev.schemagate.core.sql.SqlLexer;
import dev.schemagate.core.sql.Token;
import dev.schemagate.core.sql.TokenKind;
import dev.schemagate.core.sql.ast.AddColumn;
import dev.schemagate.core.sql.ast.AddConstraint;
import dev.schemagate.core.sql.ast.AlterAction;
import dev.schemagate.core.sql.ast.AlterColumnType;
import dev.schemagate.core.sql.ast.AlterDomain;
import dev.schemagate.core.sql.ast.AlterTable;
import dev.schemagate.core.sql.ast.ColumnDef;
import dev.schemagate.core.sql.ast.ConstraintDef;
import dev.schemagate.core.sql.ast.ConstraintKind;
import dev.schemagate.core.sql.ast.CreateDomain;
import dev.schemagate.core.sql.ast.CreateIndex;
import dev.schemagate.core.sql.ast.DetachPartition;
import dev.schemagate.core.sql.ast.DropIndex;
import dev.schemagate.core.sql.ast.SetNotNull;
import dev.schemagate.core.sql.ast.Stmt;
import dev.schemagate.core.sql.ast.ValidateConstraint;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Rules about statements that take strong locks or rewrite a busy table. */
final class LockRules {
  private LockRules() {}

  static List<SquawkRule> rules() {
    return List.of(
        SquawkRule.of(
            "adding-field-with-default",
            Severity.WARNING,
            "ADD COLUMN with a volatile DEFAULT or a stored generated expression rewrites the table",
            LockRules::addingFieldWithDefault),
        SquawkRule.of(
            "adding-foreign-key-constraint",
            Severity.WARNING,
            "a foreign key added without NOT VALID locks both tables while it is checked",
            LockRules::addingForeignKey),
        SquawkRule.of(
            "adding-not-nullable-field",
            Severity.WARNING,
            "SET NOT NULL scans the table under an ACCESS EXCLUSIVE lock",
            LockRules::addingNotNullableField),
        SquawkRule.of(
            "adding-required-field",
            Severity.ERROR,
            "ADD COLUMN ... NOT NULL without a DEFAULT fails on a table that has rows",
            LockRules::addingRequiredField),
        SquawkRule.of(
            "adding-serial-primary-key-field",
            Severity.WARNING,
            "adding a primary key builds its index under an ACCESS EXCLUSIVE lock",
            LockRules::addingPrimaryKey),
        SquawkRule.of(
            "changing-column-type",
            Severity.WARNING,
            "ALTER COLUMN ... TYPE may rewrite the table and its indexes",
            LockRules::changingColumnType),
        SquawkRule.of(
            "constraint-missing-not-valid",
            Severity.WARNING,
            "a CHECK or FOREIGN KEY constraint added without NOT VALID, or validated in the same"
                + " transaction",
            LockRules::constraintMissingNotValid),
        SquawkRule.of(
            "disallowed-unique-constraint",
            Severity.WARNING,
            "ADD UNIQUE builds its index under an ACCESS EXCLUSIVE lock",
            LockRules::disallowedUnique),
        SquawkRule.of(
            "require-concurrent-index-creation",
            Severity.WARNING,
            "CREATE INDEX without CONCURRENTLY blocks writes to the table",
            LockRules::requireConcurrentIndexCreation),
        SquawkRule.of(
            "require-concurrent-index-deletion",
            Severity.WARNING,
            "DROP INDEX without CONCURRENTLY blocks reads and writes to the table",
            LockRules::requireConcurrentIndexDeletion),
        SquawkRule.of(
            "ban-concurrent-index-creation-in-transaction",
            Severity.ERROR,
            "CREATE INDEX CONCURRENTLY inside a transaction fails",
            LockRules::concurrentIndexInTransaction),
        SquawkRule.of(
            "require-concurrent-reindex",
            Severity.WARNING,
            "REINDEX without CONCURRENTLY blocks writes (and reads through the index)",
            LockRules::requireConcurrentReindex),
        SquawkRule.of(
            "require-concurrent-partition-detach",
            Severity.WARNING,
            "DETACH PARTITION without CONCURRENTLY locks the parent table",
            LockRules::requireConcurrentDetach),
        SquawkRule.of(
            "prefer-repack",
            Severity.WARNING,
            "CLUSTER and VACUUM FULL hold an ACCESS EXCLUSIVE lock; PostgreSQL 19 has REPACK",
            LockRules::preferRepack),
        SquawkRule.of(
            "ban-create-domain-with-constraint",
            Severity.WARNING,
            "a CREATE DOMAIN with a constraint makes later constraint changes lock every user",
            LockRules::createDomainWithConstraint),
        SquawkRule.of(
            "ban-alter-domain-with-add-constraint",
            Severity.WARNING,
            "ALTER DOMAIN ... ADD CONSTRAINT scans every column of the domain under lock",
            LockRules::alterDomainAddConstraint));
  }

  // --- adding-field-with-default ---------------------------------------------------------------

  /**
   * Functions safe in a column default from PostgreSQL 11 on: not volatile, so the value is
   * computed once and stored as the fast default, without a rewrite.
   */
  private static final Set<String> NON_VOLATILE =
      Set.of(
          "now",
          "transaction_timestamp",
          "statement_timestamp",
          "current_date",
          "current_time",
          "current_timestamp",
          "localtime",
          "localtimestamp",
          "current_schema",
          "current_database",
          "current_user",
          "session_user",
          "current_setting",
          "lower",
          "upper",
          "length",
          "coalesce",
          "nullif",
          "greatest",
          "least",
          "concat",
          "abs",
          "round",
          "floor",
          "ceil",
          "to_jsonb",
          "to_json",
          "jsonb_build_object",
          "jsonb_build_array",
          "json_build_object",
          "json_build_array",
          "make_date",
          "make_time",
          "make_timestamp",
          "make_timestamptz",
          "make_interval",
          "to_timestamp",
          "to_date",
          "date_trunc",
          "timezone",
          "array_fill");

  /** Words followed by "(" that are syntax, not function calls. */
  private static final Set<String> NOT_CALLS =
      Set.of("cast", "array", "row", "interval", "and", "or", "not", "in", "values", "exists");

  private static final Set<String> NO_ARGUMENTS =
      Set.of(
          "now",
          "transaction_timestamp",
          "statement_timestamp",
          "current_schema",
          "current_database");

  /**
   * Whether a default expression may be volatile: it calls a function not known to be stable or
   * immutable (random(), gen_random_uuid(), nextval(), user functions), or a known one with
   * arguments it never takes.
   */
  static String volatileCall(String expr) {
    List<Token> tokens = SqlLexer.tokenize(expr);
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token t = tokens.get(i);
      if ((t.kind() != TokenKind.WORD && t.kind() != TokenKind.QUOTED_IDENT)
          || tokens.get(i + 1).kind() != TokenKind.LPAREN) {
        continue;
      }
      Token prev = i > 0 ? tokens.get(i - 1) : null;
      if (prev != null
          && ((prev.kind() == TokenKind.OPERATOR && prev.text().equals("::"))
              || prev.isWord("as"))) {
        continue; // a type with modifiers in a cast, e.g. ::varchar(10)
      }
      String name = t.identifier().toLowerCase(Locale.ROOT);
      if (NOT_CALLS.contains(name)) {
        continue;
      }
      if (prev != null && prev.kind() == TokenKind.DOT) {
        return name; // schema-qualified: a user function, volatility unknown
      }
      if (!NON_VOLATILE.contains(name)) {
        return name;
      }
      if (NO_ARGUMENTS.contains(name)
          && (i + 2 >= tokens.size() || tokens.get(i + 2).kind() != TokenKind.RPAREN)) {
        return name;
      }
    }
    return null;
  }

  private static void addingFieldWithDefault(LintInput in, RuleContext cx) {
    for (ParsedStatement ps : in.script().statements()) {
      if (!(ps.stmt() instanceof AlterTable at)) {
        continue;
      }
      for (AlterAction a : actions(at)) {
        if (!(a instanceof AddColumn ac) || ac.column() == null) {
          continue;
        }
        ColumnDef c = ac.column();
        int line = lineOr(ac.line(), at.line());
        if (c.generatedStored()) {
          cx.report(
              line,
              "ADD COLUMN " + c.name() + " on " + at.name() + " is a stored generated column",
              "Computing it rewrites the whole table under an ACCESS EXCLUSIVE lock. Add a plain"
                  + " nullable column, backfill it in batches and keep it current with a trigger.");
          continue;
        }
        if (c.defaultExpr() == null) {
          continue;
        }
        // squawk counts PostgreSQL 11 as before the fast-default change; matching it keeps the
        // same files flagged by both tools.
        if (in.pgVersion() <= 11) {
          cx.report(
              line,
              "ADD COLUMN " + c.name() + " on " + at.name() + " with DEFAULT " + c.defaultExpr(),
              "Before PostgreSQL 12 (as squawk counts it) a column default rewrites the table"
                  + " under an ACCESS EXCLUSIVE lock. Add the column without a default, then SET"
                  + " DEFAULT, then backfill existing rows in batches.");
          continue;
        }
        String call = volatileCall(c.defaultExpr());
        if (call != null) {
          cx.report(
              line,
              "ADD COLUMN "
                  + c.name()
                  + " on "
                  + at.name()
                  + " with DEFAULT "
                  + c.defaultExpr()
                  + " ("
                  + call
                  + "() may be volatile)",
              "A volatile default is computed per row, so PostgreSQL rewrites the table under an"
                  + " ACCESS EXCLUSIVE lock. Add the column nullable, SET DEFAULT for new rows and"
                  + " backfill existing rows in batches.");
        }
      }
    }
  }

  // --- foreign keys, NOT VALID, unique, primary key ----------------------------------------------

  private static void addingForeignKey(LintInput in, RuleContext cx) {
    Support.forEachActionOnExistingTable(
        in,
        (at, a) -> {
          if (a instanceof AddConstraint ac
              && ac.constraint() != null
              && ac.constraint().kind() == ConstraintKind.FOREIGN_KEY
              && !ac.constraint().notValid()) {
            cx.report(
                lineOr(ac.line(), at.line()),
                "foreign key "
                    + Support.quote(ac.constraint().name())
                    + " added to "
                    + at.name()
                    + " without NOT VALID",
                "Checking existing rows holds SHARE ROW EXCLUSIVE locks on "
                    + at.name()
                    + " and "
                    + Support.quote(ac.constraint().refTable())
                    + ", blocking writes to both. Add it NOT VALID, then VALIDATE CONSTRAINT in a"
                    + " later transaction.");
          } else if (a instanceof AddColumn ac
              && ac.column() != null
              && ac.column().references() != null) {
            cx.report(
                lineOr(ac.line(), at.line()),
                "ADD COLUMN "
                    + ac.column().name()
                    + " on "
                    + at.name()
                    + " REFERENCES "
                    + ac.column().references(),
                "An inline REFERENCES locks both tables against writes while it is added. Add the"
                    + " column, then ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, then VALIDATE it"
                    + " in a later transaction.");
          }
        });
  }

  private static void constraintMissingNotValid(LintInput in, RuleContext cx) {
    List<ParsedStatement> stmts = in.script().statements();
    Support.FreshTables fresh = Support.freshTables(in);
    boolean[] tx = Support.inTransaction(in);
    Set<String> notValidInThisTx = new HashSet<>();
    for (int i = 0; i < stmts.size(); i++) {
      Stmt s = stmts.get(i).stmt();
      if (Support.opensTx(s) || Support.closesTx(s)) {
        notValidInThisTx.clear();
        continue;
      }
      if (!(s instanceof AlterTable at)) {
        continue;
      }
      for (AlterAction a : actions(at)) {
        if (a instanceof AddConstraint ac && ac.constraint() != null) {
          ConstraintDef c = ac.constraint();
          if (c.notValid()) {
            if (c.name() != null && tx[i]) {
              notValidInThisTx.add(c.name());
            }
            continue;
          }
          boolean validatable =
              c.kind() == ConstraintKind.CHECK || c.kind() == ConstraintKind.FOREIGN_KEY;
          if (validatable && c.usingIndex() == null && !isFresh(fresh, i, at.name())) {
            cx.report(
                lineOr(ac.line(), at.line()),
                c.kind().name().replace('_', ' ')
                    + " constraint "
                    + Support.quote(c.name())
                    + " added to "
                    + at.name()
                    + " without NOT VALID",
                "Without NOT VALID every existing row is checked while writes to the table are"
                    + " blocked. Add it NOT VALID, then VALIDATE CONSTRAINT in a separate"
                    + " transaction (validation takes only a SHARE UPDATE EXCLUSIVE lock).");
          }
        } else if (a instanceof ValidateConstraint vc
            && tx[i]
            && vc.name() != null
            && notValidInThisTx.contains(vc.name())) {
          cx.report(
              lineOr(vc.line(), at.line()),
              "VALIDATE CONSTRAINT "
                  + vc.name()
                  + " on "
                  + at.name()
                  + " in the same transaction that added it NOT VALID",
              "The ADD CONSTRAINT's ACCESS EXCLUSIVE lock is still held while validation scans the"
                  + " table, so NOT VALID gains nothing. COMMIT between the two, or validate in a"
                  + " later migration.");
        }
      }
    }
  }

  private static void disallowedUnique(LintInput in, RuleContext cx) {
    Support.forEachActionOnExistingTable(
        in,
        (at, a) -> {
          String what = null;
          if (a instanceof AddConstraint ac
              && ac.constraint() != null
              && ac.constraint().kind() == ConstraintKind.UNIQUE
              && ac.constraint().usingIndex() == null) {
            what =
                "UNIQUE constraint "
                    + Support.quote(ac.constraint().name())
                    + " added to "
                    + at.name();
          } else if (a instanceof AddColumn ac && ac.column() != null && ac.column().unique()) {
            what = "ADD COLUMN " + ac.column().name() + " UNIQUE on " + at.name();
          }
          if (what != null) {
            cx.report(
                lineOr(a.line(), at.line()),
                what,
                "Building the unique index inside ALTER TABLE blocks reads and writes for the whole"
                    + " build. CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... UNIQUE"
                    + " USING INDEX.");
          }
        });
  }

  private static void addingPrimaryKey(LintInput in, RuleContext cx) {
    Support.forEachActionOnExistingTable(
        in,
        (at, a) -> {
          String what = null;
          if (a instanceof AddConstraint ac
              && ac.constraint() != null
              && ac.constraint().kind() == ConstraintKind.PRIMARY_KEY
              && ac.constraint().usingIndex() == null) {
            what = "PRIMARY KEY added to " + at.name() + " without USING INDEX";
          } else if (a instanceof AddColumn ac && ac.column() != null && ac.column().primaryKey()) {
            what = "ADD COLUMN " + ac.column().name() + " PRIMARY KEY on " + at.name();
          }
          if (what != null) {
            cx.report(
                lineOr(a.line(), at.line()),
                what,
                "The primary key index is built (and a serial column filled) under an ACCESS"
                    + " EXCLUSIVE lock. CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ..."
                    + " PRIMARY KEY USING INDEX.");
          }
        });
  }

  // --- NOT NULL, required columns, type changes ----------------------------------------------

  private static void addingNotNullableField(LintInput in, RuleContext cx) {
    List<ParsedStatement> stmts = in.script().statements();
    Support.FreshTables fresh = Support.freshTables(in);
    Map<String, ConstraintDef> checks = new HashMap<>(); // table|constraint -> definition
    Set<String> validated = new HashSet<>(); // table|constraint
    for (int i = 0; i < stmts.size(); i++) {
      if (!(stmts.get(i).stmt() instanceof AlterTable at) || at.name() == null) {
        continue;
      }
      String table = at.name().name();
      for (AlterAction a : actions(at)) {
        if (a instanceof AddConstraint ac
            && ac.constraint() != null
            && ac.constraint().kind() == ConstraintKind.CHECK
            && ac.constraint().name() != null) {
          checks.put(table + "|" + ac.constraint().name(), ac.constraint());
          if (!ac.constraint().notValid()) {
            validated.add(table + "|" + ac.constraint().name());
          }
        } else if (a instanceof ValidateConstraint vc && vc.name() != null) {
          validated.add(table + "|" + vc.name());
        } else if (a instanceof SetNotNull sn && !isFresh(fresh, i, at.name())) {
          if (in.pgVersion() >= 12 && coveredByCheck(table, sn.column(), checks, validated)) {
            continue;
          }
          cx.report(
              lineOr(sn.line(), at.line()),
              "SET NOT NULL on " + at.name() + "." + sn.column(),
              in.pgVersion() >= 12
                  ? "It scans the whole table under an ACCESS EXCLUSIVE lock. First ADD CONSTRAINT"
                      + " ... CHECK ("
                      + sn.column()
                      + " IS NOT NULL) NOT VALID, VALIDATE it in a later transaction; SET NOT"
                      + " NULL then uses the constraint and skips the scan."
                  : "Before PostgreSQL 12 it always scans the whole table under an ACCESS"
                      + " EXCLUSIVE lock; keep the column nullable and enforce it with a validated"
                      + " CHECK (... IS NOT NULL) constraint instead.");
        }
      }
    }
  }

  /** A validated CHECK (col IS NOT NULL) on the table; unseen definitions are judged by name. */
  private static boolean coveredByCheck(
      String table, String column, Map<String, ConstraintDef> checks, Set<String> validated) {
    if (column == null) {
      return false;
    }
    String col = column.toLowerCase(Locale.ROOT);
    for (String key : validated) {
      if (!key.startsWith(table + "|")) {
        continue;
      }
      String name = key.substring(table.length() + 1);
      ConstraintDef def = checks.get(key);
      if (def != null) {
        if (def.expr() != null && normalise(def.expr()).equals(col + " is not null")) {
          return true;
        }
      } else if (("_" + name.toLowerCase(Locale.ROOT) + "_").contains("_" + col + "_")) {
        // Defined in an earlier migration: the usual naming (t_col_not_null) is the only clue.
        return true;
      }
    }
    return false;
  }

  private static String normalise(String expr) {
    String s = expr.toLowerCase(Locale.ROOT).replaceAll("[()\"]", " ").strip();
    if (s.startsWith("check ")) {
      s = s.substring(6);
    }
    return s.replaceAll("\\s+", " ").strip();
  }

  private static void addingRequiredField(LintInput in, RuleContext cx) {
    Support.forEachActionOnExistingTable(
        in,
        (at, a) -> {
          if (a instanceof AddColumn ac
              && ac.column() != null
              && ac.column().notNull()
              && ac.column().defaultExpr() == null
              && !ac.column().generatedStored()
              && !ac.column().identity()
              && !isSerial(ac.column())) {
            cx.report(
                lineOr(ac.line(), at.line()),
                "ADD COLUMN " + ac.column().name() + " NOT NULL without a DEFAULT on " + at.name(),
                "It fails as soon as the table has a row. Add the column nullable (or with a"
                    + " non-volatile DEFAULT), backfill, then enforce NOT NULL through a validated"
                    + " CHECK constraint.");
          }
        });
  }

  private static boolean isSerial(ColumnDef c) {
    String t = Support.baseType(c.type());
    return t.equals("serial") || t.equals("bigserial") || t.equals("smallserial");
  }

  private static void changingColumnType(LintInput in, RuleContext cx) {
    Support.forEachActionOnExistingTable(
        in,
        (at, a) -> {
          if (a instanceof AlterColumnType t) {
            cx.report(
                lineOr(t.line(), at.line()),
                "ALTER COLUMN "
                    + t.column()
                    + " TYPE "
                    + (t.type() == null ? "?" : t.type().name())
                    + " on "
                    + at.name(),
                "Most type changes rewrite the table and rebuild its indexes under an ACCESS"
                    + " EXCLUSIVE lock, and running code may break on the new type. Add a new column,"
                    + " backfill it in batches, switch readers, then drop the old one.");
          }
        });
  }

  // --- indexes -------------------------------------------------------------------------------

  private static void requireConcurrentIndexCreation(LintInput in, RuleContext cx) {
    List<ParsedStatement> stmts = in.script().statements();
    Support.FreshTables fresh = Support.freshTables(in);
    for (int i = 0; i < stmts.size(); i++) {
      if (stmts.get(i).stmt() instanceof CreateIndex ci
          && !ci.concurrently()
          && !isFresh(fresh, i, ci.table())) {
        cx.report(
            ci.line(),
            "CREATE "
                + (ci.unique() ? "UNIQUE " : "")
                + "INDEX "
                + (ci.name() == null ? "" : ci.name() + " ")
                + "on "
                + ci.table()
                + " without CONCURRENTLY",
            "A plain CREATE INDEX blocks every write to the table until the build finishes. Use"
                + " CREATE INDEX CONCURRENTLY in a migration that runs outside a transaction.");
      }
    }
  }

  private static void requireConcurrentIndexDeletion(LintInput in, RuleContext cx) {
    for (ParsedStatement ps : in.script().statements()) {
      if (ps.stmt() instanceof DropIndex di && !di.concurrently()) {
        cx.report(
            di.line(),
            "DROP INDEX " + joinNames(di) + " without CONCURRENTLY",
            "A plain DROP INDEX takes an ACCESS EXCLUSIVE lock on the table, queuing reads and"
                + " writes behind it. Use DROP INDEX CONCURRENTLY outside a transaction.");
      }
    }
  }

  private static String joinNames(DropIndex di) {
    return di.names() == null
        ? ""
        : String.join(", ", di.names().stream().map(String::valueOf).toList());
  }

  private static void concurrentIndexInTransaction(LintInput in, RuleContext cx) {
    List<ParsedStatement> stmts = in.script().statements();
    // A file of exactly one statement is run on its own by the tools squawk models; matching it.
    if (stmts.size() <= 1) {
      return;
    }
    boolean[] tx = Support.inTransaction(in);
    for (int i = 0; i < stmts.size(); i++) {
      if (stmts.get(i).stmt() instanceof CreateIndex ci && ci.concurrently() && tx[i]) {
        cx.report(
            ci.line(),
            "CREATE INDEX CONCURRENTLY "
                + (ci.name() == null ? "" : ci.name() + " ")
                + "inside a transaction",
            "PostgreSQL refuses CONCURRENTLY inside a transaction block, so the migration fails."
                + " Put the index in its own migration with transaction mode none.");
      }
    }
  }

  private static void requireConcurrentReindex(LintInput in, RuleContext cx) {
    for (ParsedStatement ps : in.script().statements()) {
      if (!firstWord(ps).equals("REINDEX")) {
        continue;
      }
      List<Token> t = code(ps);
      String kind = "";
      int depth = 0;
      for (int i = 1; i < t.size(); i++) {
        Token k = t.get(i);
        if (k.kind() == TokenKind.LPAREN) {
          depth++;
        } else if (k.kind() == TokenKind.RPAREN) {
          depth--;
        } else if (depth == 0 && k.kind() == TokenKind.WORD && !k.isWord("verbose")) {
          kind = k.text().toUpperCase(Locale.ROOT);
          break;
        }
      }
      if (kind.equals("SYSTEM")) {
        continue; // system catalogs cannot be reindexed concurrently
      }
      boolean concurrently =
          (ps.stmt() instanceof dev.schemagate.core.sql.ast.Reindex r && r.concurrently())
              || optionOn(t, "concurrently");
      if (!concurrently) {
        cx.report(
            ps.line(),
            "REINDEX " + kind + " without CONCURRENTLY",
            "A plain REINDEX blocks writes to the table and reads that use the index. Use REINDEX"
                + " ... CONCURRENTLY (PostgreSQL 12+) outside a transaction.");
      }
    }
  }

  private static void requireConcurrentDetach(LintInput in, RuleContext cx) {
    for (ParsedStatement ps : in.script().statements()) {
      if (!(ps.stmt() instanceof AlterTable at)) {
        continue;
      }
      for (AlterAction a : actions(at)) {
        if (a instanceof DetachPartition dp
            && !dp.concurrently()
            && !Support.hasWord(code(ps), "finalize")) {
          cx.report(
              lineOr(dp.line(), at.line()),
              "DETACH PARTITION " + dp.partition() + " from " + at.name() + " without CONCURRENTLY",
              "A plain detach takes an ACCESS EXCLUSIVE lock on the parent, blocking all queries"
                  + " on the partitioned table. Use DETACH PARTITION ... CONCURRENTLY (PostgreSQL"
                  + " 14+) outside a transaction.");
        }
      }
    }
  }

  private static void preferRepack(LintInput in, RuleContext cx) {
    if (in.pgVersion() < 19) {
      return;
    }
    for (ParsedStatement ps : in.script().statements()) {
      String w = firstWord(ps);
      boolean cluster = w.equals("CLUSTER");
      boolean vacuumFull = w.equals("VACUUM") && optionOn(code(ps), "full");
      if (cluster || vacuumFull) {
        cx.report(
            ps.line(),
            (cluster ? "CLUSTER" : "VACUUM FULL") + " rewrites the table",
            "It holds an ACCESS EXCLUSIVE lock for the whole rewrite, blocking reads and writes."
                + " On PostgreSQL 19 use REPACK (CONCURRENTLY), which rewrites without blocking.");
      }
    }
  }

  // --- domains -------------------------------------------------------------------------------

  private static void createDomainWithConstraint(LintInput in, RuleContext cx) {
    for (ParsedStatement ps : in.script().statements()) {
      if (ps.stmt() instanceof CreateDomain d && d.hasConstraint()) {
        cx.report(
            d.line(),
            "CREATE DOMAIN " + d.name() + " with a constraint",
            "Changing a domain constraint later checks every column that uses the domain under"
                + " lock, and the check cannot be done NOT VALID then validated per table. Use a"
                + " plain domain and put CHECK constraints on the tables.");
      }
    }
  }

  private static void alterDomainAddConstraint(LintInput in, RuleContext cx) {
    for (ParsedStatement ps : in.script().statements()) {
      if (ps.stmt() instanceof AlterDomain d && d.addsConstraint()) {
        cx.report(
            d.line(),
            "ALTER DOMAIN " + d.name() + " ADD CONSTRAINT",
            "PostgreSQL checks every column of every table using the domain while holding locks"
                + " on them. Add CHECK constraints to the tables instead (NOT VALID, then"
                + " VALIDATE).");
      }
    }
  }
}

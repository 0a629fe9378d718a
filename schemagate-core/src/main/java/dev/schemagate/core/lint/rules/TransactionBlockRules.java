package dev.schemagate.core.lint.rules;

import static dev.schemagate.core.lint.rules.Support.actions;
import static dev.schemagate.core.lint.rules.Support.lineOr;

import dev.schemagate.core.lint.LintInput;
import dev.schemagate.core.lint.RuleContext;
import dev.schemagate.core.lint.Severity;
import dev.schemagate.core.sql.ParsedStatement;
import dev.schemagate.core.sql.Token;
import dev.schemagate.core.sql.ast.AddColumn;
import dev.schemagate.core.sql.ast.AddConstraint;
import dev.schemagate.core.sql.ast.AlterAction;
import dev.schemagate.core.sql.ast.AlterTable;
import dev.schemagate.core.sql.ast.CreateIndex;
import dev.schemagate.core.sql.ast.CreateTable;
import dev.schemagate.core.sql.ast.Drop;
import dev.schemagate.core.sql.ast.DropColumn;
import dev.schemagate.core.sql.ast.DropConstraint;
import dev.schemagate.core.sql.ast.DropIndex;
import dev.schemagate.core.sql.ast.Stmt;
import dev.schemagate.core.sql.ast.ValidateConstraint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rules about explicit transaction blocks and about re-running a half-applied migration. */
final class TransactionBlockRules {
  private TransactionBlockRules() {}

  static List<SquawkRule> rules() {
    return List.of(
        SquawkRule.of(
            "transaction-nesting",
            Severity.ERROR,
            "BEGIN/COMMIT that nests in or ends the migration's own transaction",
            TransactionBlockRules::nesting),
        SquawkRule.of(
            "ban-uncommitted-transaction",
            Severity.ERROR,
            "a BEGIN with no COMMIT or ROLLBACK before the end of the file",
            TransactionBlockRules::uncommitted),
        SquawkRule.of(
            "prefer-robust-stmts",
            Severity.WARNING,
            "outside a transaction, statements that fail when the migration is re-run",
            TransactionBlockRules::robust));
  }

  private static void nesting(LintInput in, RuleContext cx) {
    boolean managed = in.transactional();
    boolean open = false;
    for (ParsedStatement ps : in.script().statements()) {
      Stmt s = ps.stmt();
      if (Support.opensTx(s)) {
        if (managed) {
          cx.report(
              ps.line(),
              "BEGIN in a migration that already runs in a transaction",
              "The tool has already opened a transaction; this BEGIN only warns, and a matching"
                  + " COMMIT would end the tool's transaction early. Remove it, or set the"
                  + " migration's transaction mode to none if it manages its own.");
        } else if (open) {
          cx.report(
              ps.line(),
              "BEGIN while a transaction is already open",
              "PostgreSQL does not nest transactions: this BEGIN is ignored and the first COMMIT"
                  + " ends both. Use SAVEPOINT for nesting, or COMMIT first.");
        }
        open = true;
      } else if (Support.closesTx(s)) {
        if (managed) {
          cx.report(
              ps.line(),
              "COMMIT/ROLLBACK in a migration that runs in a transaction",
              "It ends the tool's transaction early, so later statements and the version update"
                  + " no longer commit or roll back together. Remove it, or set the migration's"
                  + " transaction mode to none.");
        } else if (!open) {
          cx.report(
              ps.line(),
              "COMMIT/ROLLBACK with no open transaction",
              "There is no transaction to end here (a repeated COMMIT?), so statements before it"
                  + " were not protected as intended. Pair each BEGIN with one COMMIT.");
        }
        open = false;
      }
    }
  }

  private static void uncommitted(LintInput in, RuleContext cx) {
    ParsedStatement openedBy = null;
    for (ParsedStatement ps : in.script().statements()) {
      if (Support.opensTx(ps.stmt())) {
        openedBy = ps;
      } else if (Support.closesTx(ps.stmt())) {
        openedBy = null;
      }
    }
    if (openedBy != null) {
      cx.report(
          openedBy.line(),
          "transaction opened here is never committed",
          "At the end of the file the open transaction is rolled back or left open, depending on"
              + " the tool, so the changes may silently not persist. Add COMMIT at the end.");
    }
  }

  private static void robust(LintInput in, RuleContext cx) {
    boolean tx = in.transactional();
    Map<String, Boolean> droppedThenAdded = new HashMap<>(); // constraint -> added again
    for (ParsedStatement ps : in.script().statements()) {
      Stmt s = ps.stmt();
      if (Support.opensTx(s)) {
        tx = true;
        continue;
      }
      if (Support.closesTx(s)) {
        tx = false;
        continue;
      }
      if (s instanceof AlterTable at) {
        for (AlterAction a : actions(at)) {
          String missing;
          if (a instanceof DropConstraint dc) {
            if (dc.name() != null) {
              droppedThenAdded.put(dc.name(), false);
            }
            if (dc.ifExists()) {
              continue;
            }
            missing = "IF EXISTS";
          } else if (a instanceof AddColumn ac) {
            if (ac.ifNotExists()) {
              continue;
            }
            missing = "IF NOT EXISTS";
          } else if (a instanceof DropColumn dc) {
            if (dc.ifExists()) {
              continue;
            }
            missing = "IF EXISTS";
          } else if (a instanceof ValidateConstraint vc) {
            if (vc.name() != null && droppedThenAdded.containsKey(vc.name())) {
              continue;
            }
            missing = null;
          } else if (a instanceof AddConstraint ac) {
            String name = ac.constraint() == null ? null : ac.constraint().name();
            if (name != null && Boolean.FALSE.equals(droppedThenAdded.get(name))) {
              droppedThenAdded.put(name, true); // a DROP ... IF EXISTS before makes it re-runnable
              continue;
            }
            missing = null;
          } else {
            missing = null;
          }
          if (tx) {
            continue;
          }
          report(cx, lineOr(a.line(), at.line()), "ALTER TABLE " + at.name(), missing);
        }
      } else if (s instanceof CreateIndex ci
          && !ci.ifNotExists()
          && ci.name() != null
          && (ci.concurrently() || !tx)) {
        // CONCURRENTLY never runs in a transaction, so a failure always leaves an invalid index.
        report(cx, ci.line(), "CREATE INDEX " + ci.name(), "IF NOT EXISTS");
      } else if (s instanceof CreateTable ct
          && !ct.ifNotExists()
          && !tx
          && !(ct.temporary() && onCommitDrop(ps))) {
        report(cx, ct.line(), "CREATE TABLE " + ct.name(), "IF NOT EXISTS");
      } else if (s instanceof DropIndex di && !di.ifExists() && !tx) {
        report(cx, di.line(), "DROP INDEX", "IF EXISTS");
      } else if (s instanceof Drop d
          && !d.ifExists()
          && !tx
          && ("TABLE".equals(d.objectType()) || "TYPE".equals(d.objectType()))) {
        report(cx, d.line(), "DROP " + d.objectType(), "IF EXISTS");
      }
    }
  }

  private static void report(RuleContext cx, int line, String what, String missing) {
    if (missing != null) {
      cx.report(
          line,
          what + " without " + missing + " outside a transaction",
          "If the migration fails part way, re-running it fails on this statement. Add "
              + missing
              + ", or run the migration in a transaction.");
    } else {
      cx.report(
          line,
          what + " outside a transaction cannot be made re-runnable",
          "If the migration fails part way, re-running it fails or repeats this change. Run the"
              + " migration in a transaction, or guard the change (DROP ... IF EXISTS first).");
    }
  }

  private static boolean onCommitDrop(ParsedStatement ps) {
    List<Token> t = Support.code(ps);
    for (int i = 0; i + 2 < t.size(); i++) {
      if (t.get(i).isWord("on") && t.get(i + 1).isWord("commit") && t.get(i + 2).isWord("drop")) {
        return true;
      }
    }
    return false;
  }
}

package dev.schemagate.core.lint.rules;

import static dev.schemagate.core.lint.rules.Support.actions;
import static dev.schemagate.core.lint.rules.Support.lineOr;

import dev.schemagate.core.lint.LintInput;
import dev.schemagate.core.lint.RuleContext;
import dev.schemagate.core.lint.Severity;
import dev.schemagate.core.sql.ParsedStatement;
import dev.schemagate.core.sql.ast.AlterAction;
import dev.schemagate.core.sql.ast.AlterTable;
import dev.schemagate.core.sql.ast.Drop;
import dev.schemagate.core.sql.ast.DropColumn;
import dev.schemagate.core.sql.ast.DropNotNull;
import dev.schemagate.core.sql.ast.RenameColumn;
import dev.schemagate.core.sql.ast.RenameTable;
import dev.schemagate.core.sql.ast.Truncate;
import java.util.List;
import java.util.stream.Collectors;

/** Rules about changes that lose data or break code that is still running. */
final class DestructiveRules {
  private DestructiveRules() {}

  static List<SquawkRule> rules() {
    return List.of(
        SquawkRule.of(
            "ban-drop-column",
            Severity.ERROR,
            "DROP COLUMN loses data and breaks code still reading the column",
            DestructiveRules::dropColumn),
        SquawkRule.of(
            "ban-drop-table",
            Severity.ERROR,
            "DROP TABLE loses data and breaks code still using the table",
            (in, cx) -> drop(in, cx, "TABLE")),
        SquawkRule.of(
            "ban-drop-database",
            Severity.ERROR,
            "DROP DATABASE in a migration",
            (in, cx) -> drop(in, cx, "DATABASE")),
        SquawkRule.of(
            "ban-drop-not-null",
            Severity.WARNING,
            "DROP NOT NULL lets NULLs reach code that assumes none",
            DestructiveRules::dropNotNull),
        SquawkRule.of(
            "renaming-column",
            Severity.WARNING,
            "RENAME COLUMN breaks code still using the old name",
            DestructiveRules::renameColumn),
        SquawkRule.of(
            "renaming-table",
            Severity.WARNING,
            "RENAME TO breaks code still using the old table name",
            DestructiveRules::renameTable),
        SquawkRule.of(
            "ban-truncate-cascade",
            Severity.ERROR,
            "TRUNCATE ... CASCADE empties every table with a foreign key to the target",
            DestructiveRules::truncateCascade));
  }

  private static void dropColumn(LintInput in, RuleContext cx) {
    for (ParsedStatement ps : in.script().statements()) {
      if (ps.stmt() instanceof AlterTable at) {
        for (AlterAction a : actions(at)) {
          if (a instanceof DropColumn dc) {
            cx.report(
                lineOr(dc.line(), at.line()),
                "DROP COLUMN " + dc.column() + " from " + at.name(),
                "The data is gone and running code that selects or writes the column fails. Stop"
                    + " using the column in code first, deploy, then drop it (backup taken).");
          }
        }
      }
    }
  }

  private static void drop(LintInput in, RuleContext cx, String type) {
    for (ParsedStatement ps : in.script().statements()) {
      if (ps.stmt() instanceof Drop d && type.equals(d.objectType())) {
        String names =
            d.names() == null
                ? ""
                : d.names().stream().map(String::valueOf).collect(Collectors.joining(", "));
        cx.report(
            d.line(),
            "DROP " + type + " " + names,
            type.equals("DATABASE")
                ? "Dropping a database from a migration destroys everything in it and cannot be"
                    + " undone by a downgrade. Do it by hand, deliberately, with a backup."
                : "The data is gone and running code using the table fails. Remove all use of the"
                    + " table from code first, deploy, then drop it in a later migration.");
      }
    }
  }

  private static void dropNotNull(LintInput in, RuleContext cx) {
    for (ParsedStatement ps : in.script().statements()) {
      if (ps.stmt() instanceof AlterTable at) {
        for (AlterAction a : actions(at)) {
          if (a instanceof DropNotNull dn) {
            cx.report(
                lineOr(dn.line(), at.line()),
                "DROP NOT NULL on " + at.name() + "." + dn.column(),
                "Code that reads the column may not handle NULL, and the change is hard to undo"
                    + " once NULLs are written. Make sure every reader copes with NULL first.");
          }
        }
      }
    }
  }

  private static void renameColumn(LintInput in, RuleContext cx) {
    for (ParsedStatement ps : in.script().statements()) {
      if (ps.stmt() instanceof AlterTable at) {
        for (AlterAction a : actions(at)) {
          if (a instanceof RenameColumn rc) {
            cx.report(
                lineOr(rc.line(), at.line()),
                "RENAME COLUMN " + rc.from() + " TO " + rc.to() + " on " + at.name(),
                "Running code using the old name fails the moment this commits. Add the new"
                    + " column, write both, backfill, move readers, then drop the old one.");
          }
        }
      }
    }
  }

  private static void renameTable(LintInput in, RuleContext cx) {
    for (ParsedStatement ps : in.script().statements()) {
      if (ps.stmt() instanceof AlterTable at) {
        for (AlterAction a : actions(at)) {
          if (a instanceof RenameTable rt) {
            cx.report(
                lineOr(rt.line(), at.line()),
                "RENAME " + at.name() + " TO " + rt.to(),
                "Running code using the old name fails the moment this commits. Create the new"
                    + " table (or a view under the old name), migrate code, then remove the old"
                    + " name.");
          }
        }
      }
    }
  }

  private static void truncateCascade(LintInput in, RuleContext cx) {
    for (ParsedStatement ps : in.script().statements()) {
      if (ps.stmt() instanceof Truncate t && t.cascade()) {
        cx.report(
            t.line(),
            "TRUNCATE "
                + (t.tables() == null
                    ? ""
                    : t.tables().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                + " CASCADE",
            "CASCADE also empties every table that references these through a foreign key,"
                + " including ones added later. Name each table to truncate explicitly.");
      }
    }
  }
}

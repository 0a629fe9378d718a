package dev.schemagate.core.lint.rules;

import dev.schemagate.core.lint.LintInput;
import dev.schemagate.core.lint.RuleContext;
import dev.schemagate.core.lint.Severity;
import dev.schemagate.core.sql.ParsedStatement;
import dev.schemagate.core.sql.ast.SetVariable;
import java.util.List;
import java.util.Set;

/** Rules requiring lock_timeout / statement_timeout before statements that may wait on locks. */
final class TimeoutRules {
  private TimeoutRules() {}

  /**
   * Leading words of statements that take table-level locks or run long: DDL and maintenance. DML
   * (SELECT, INSERT, UPDATE, DELETE, COPY), SET, DO, GRANT and transaction control do not.
   */
  private static final Set<String> SLOW_WORDS =
      Set.of(
          "ALTER",
          "CREATE",
          "DROP",
          "CLUSTER",
          "COMMENT",
          "IMPORT",
          "LOAD",
          "LOCK",
          "REFRESH",
          "REINDEX",
          "TRUNCATE",
          "VACUUM");

  static List<SquawkRule> rules() {
    return List.of(
        SquawkRule.of(
            "require-lock-timeout",
            Severity.WARNING,
            "DDL without a preceding SET lock_timeout",
            (in, cx) -> check(in, cx, true, false)),
        SquawkRule.of(
            "require-statement-timeout",
            Severity.WARNING,
            "DDL without a preceding SET statement_timeout",
            (in, cx) -> check(in, cx, false, true)),
        // The umbrella of the two above, as in squawk; opt-in so enabling the defaults does not
        // report every missing timeout twice.
        SquawkRule.of(
            "require-timeout-settings",
            Severity.OFF,
            "DDL without both SET lock_timeout and SET statement_timeout before it",
            (in, cx) -> check(in, cx, true, true)));
  }

  static boolean possiblySlow(ParsedStatement ps) {
    return SLOW_WORDS.contains(Support.firstWord(ps));
  }

  private static void check(LintInput in, RuleContext cx, boolean needLock, boolean needStmt) {
    boolean lockDone = !needLock;
    boolean stmtDone = !needStmt;
    for (ParsedStatement ps : in.script().statements()) {
      if (lockDone && stmtDone) {
        return;
      }
      if (ps.stmt() instanceof SetVariable sv) {
        // Only the plain setting counts; SET foo.lock_timeout is a custom variable.
        if ("lock_timeout".equals(sv.name()) && sv.value() != null) {
          lockDone = true;
        } else if ("statement_timeout".equals(sv.name()) && sv.value() != null) {
          stmtDone = true;
        }
        continue;
      }
      if (!possiblySlow(ps)) {
        continue;
      }
      if (!lockDone) {
        cx.report(
            ps.line(),
            "no SET lock_timeout before " + Support.firstWord(ps) + " (first slow statement)",
            "A DDL statement waiting for its lock queues every later query on the table behind"
                + " it. Start the migration with SET lock_timeout = '1s' (or similar) and retry on"
                + " timeout.");
        lockDone = true;
      }
      if (!stmtDone) {
        cx.report(
            ps.line(),
            "no SET statement_timeout before " + Support.firstWord(ps) + " (first slow statement)",
            "Without a statement timeout a slow rewrite or scan holds its locks for as long as it"
                + " takes. Start the migration with SET statement_timeout = '5s' (or a budget that"
                + " fits the change).");
        stmtDone = true;
      }
    }
  }
}

package dev.schemagate.core.run;

import dev.schemagate.core.history.HistoryEntry;
import dev.schemagate.core.history.Outcome;
import dev.schemagate.core.history.VersionTable;
import dev.schemagate.core.plan.Direction;
import dev.schemagate.core.sql.SqlStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs prepared steps against a sink, the same way whether the sink is a database or a script.
 *
 * <p>Per step, in a transaction (the default): the statements, the head changes and one history
 * row, then commit. A failure rolls the step back and appends a {@code failed} history row in its
 * own transaction; earlier steps stay committed.
 *
 * <p>Outside a transaction ({@code transaction: none}): a {@code running} row is committed first,
 * then each statement autocommits, then the head changes and the row's closing update commit
 * together. A failure closes the row as {@code partial} with the count of statements that did
 * complete; a process killed mid-step leaves it {@code running}. Either blocks later runs until
 * {@code schemagate resolve}.
 */
public final class MigrationRunner {
  private final VersionTable table;
  private final RunContext context;

  public MigrationRunner(VersionTable table, RunContext context) {
    this.table = table;
    this.context = context;
  }

  /**
   * Runs every step in order.
   *
   * @return one result per step
   * @throws MigrationFailedException at the first failing step, with the completed ones
   */
  public List<StepResult> run(List<RunStep> steps, StatementSink sink, RunListener listener) {
    List<StepResult> done = new ArrayList<>(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      RunStep step = steps.get(i);
      listener.stepStarted(i, steps.size(), step);
      StepResult result =
          step.transactional() || step.stampOnly()
              ? runInTransaction(step, sink, done)
              : runOutsideTransaction(step, sink, done);
      done.add(result);
      listener.stepFinished(i, steps.size(), result);
    }
    return done;
  }

  private StepResult runInTransaction(RunStep step, StatementSink sink, List<StepResult> done) {
    long t0 = System.nanoTime();
    String started = context.now();
    sink.comment(describe(step));
    int executed = 0;
    SqlStatement current = null;
    try {
      sink.begin();
      for (SqlStatement s : step.statements()) {
        current = s;
        sink.execute(SqlCommand.of(s.sql()));
        executed++;
      }
      current = null;
      Outcome outcome = step.stampOnly() ? Outcome.STAMPED : Outcome.SUCCESS;
      List<SqlCommand> bookkeeping = headChanges(step);
      bookkeeping.add(
          table.insertHistory(row(step, started, context.now(), executed, outcome, null)));
      sink.executeAll(bookkeeping);
      sink.commit();
      return result(step, outcome, executed, t0);
    } catch (SQLException e) {
      sink.rollback();
      String error = e.getMessage();
      recordQuietly(
          sink, table.insertHistory(row(step, started, context.now(), 0, Outcome.FAILED, error)));
      StepResult failed = result(step, Outcome.FAILED, 0, t0);
      throw failure(step, current, executed, e, done, failed, false);
    }
  }

  private StepResult runOutsideTransaction(
      RunStep step, StatementSink sink, List<StepResult> done) {
    long t0 = System.nanoTime();
    String started = context.now();
    sink.comment(describe(step) + " (outside a transaction)");
    String dir = step.direction().lower();
    int executed = 0;
    SqlStatement current = null;
    try {
      sink.execute(table.insertHistory(row(step, started, null, 0, Outcome.RUNNING, null)));
      for (SqlStatement s : step.statements()) {
        current = s;
        sink.execute(SqlCommand.of(s.sql()));
        executed++;
      }
      current = null;
      sink.begin();
      List<SqlCommand> bookkeeping = headChanges(step);
      bookkeeping.add(
          table.finishRunning(
              step.revision(), dir, Outcome.SUCCESS, executed, context.now(), null));
      sink.executeAll(bookkeeping);
      sink.commit();
      return result(step, Outcome.SUCCESS, executed, t0);
    } catch (SQLException e) {
      sink.rollback();
      // Nothing changed only if the first statement failed, and even then not for a concurrent
      // index build: a failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind.
      boolean nothingChanged =
          executed == 0
              && current != null
              && !current.sql().toUpperCase(java.util.Locale.ROOT).contains("CONCURRENTLY");
      Outcome outcome = nothingChanged ? Outcome.FAILED : Outcome.PARTIAL;
      recordQuietly(
          sink,
          table.finishRunning(
              step.revision(), dir, outcome, executed, context.now(), e.getMessage()));
      StepResult failed = result(step, outcome, executed, t0);
      throw failure(step, current, executed, e, done, failed, outcome == Outcome.PARTIAL);
    }
  }

  /** The current-heads changes of a step; a linear step is one UPDATE. */
  private List<SqlCommand> headChanges(RunStep step) {
    List<SqlCommand> out = new ArrayList<>(3);
    if (step.repeatable()) {
      return out;
    }
    List<String> delete = step.plan().deleteHeads();
    List<String> insert = step.plan().insertHeads();
    if (delete.size() == 1 && insert.size() == 1) {
      out.add(table.replaceHead(delete.get(0), insert.get(0)));
      return out;
    }
    for (String h : delete) {
      out.add(table.deleteHead(h));
    }
    for (String h : insert) {
      out.add(table.insertHead(h));
    }
    return out;
  }

  private static void recordQuietly(StatementSink sink, SqlCommand command) {
    try {
      sink.execute(command);
    } catch (SQLException ignored) {
      // The failure itself is what the user must see; a lost audit row is reported by status.
    }
  }

  private HistoryEntry row(
      RunStep step,
      String started,
      String finished,
      int statements,
      Outcome outcome,
      String error) {
    return new HistoryEntry(
        0,
        step.revision(),
        step.direction(),
        step.repeatable() ? "repeatable" : "versioned",
        step.script().checksum(),
        context.actor(),
        context.host(),
        context.workOrder(),
        started,
        finished,
        statements,
        outcome,
        error,
        context.toolVersion());
  }

  private static StepResult result(RunStep step, Outcome outcome, int executed, long t0) {
    return new StepResult(
        step.revision(),
        step.direction(),
        step.plan().revision().message(),
        outcome,
        executed,
        (System.nanoTime() - t0) / 1_000_000,
        step.transactional());
  }

  private static String describe(RunStep step) {
    String verb =
        step.stampOnly()
            ? "Stamping"
            : step.repeatable()
                ? "Running repeatable"
                : step.direction() == Direction.UP ? "Running upgrade" : "Running downgrade";
    String msg = step.plan().revision().message();
    return verb + " " + step.revision() + (msg.isEmpty() ? "" : ": " + msg);
  }

  private static MigrationFailedException failure(
      RunStep step,
      SqlStatement statement,
      int executed,
      SQLException e,
      List<StepResult> done,
      StepResult failed,
      boolean partial) {
    StringBuilder msg = new StringBuilder();
    if (statement != null && step.section() != null) {
      msg.append(step.section().file())
          .append(':')
          .append(step.section().fileLine(statement.line()))
          .append(": ");
    } else if (step.section() != null) {
      msg.append(step.section().file()).append(": ");
    }
    msg.append(step.direction() == Direction.UP ? "upgrade " : "downgrade ")
        .append(step.revision())
        .append(" failed");
    if (statement != null) {
      msg.append(" at statement ")
          .append(executed + 1)
          .append(" of ")
          .append(step.statements().size());
    } else {
      msg.append(" while recording it in the version tables");
    }
    msg.append(": ").append(e.getMessage() == null ? e.toString() : e.getMessage().strip());
    if (statement != null) {
      msg.append("\n  statement: ").append(abbreviate(statement.sql()));
    }
    String next;
    if (partial) {
      next =
          "this migration ran outside a transaction and "
              + executed
              + " statement(s) of it completed; finish or undo them by hand, then run"
              + " `schemagate resolve "
              + step.revision()
              + " --applied` or `--rolled-back`";
    } else {
      next =
          "nothing of "
              + step.revision()
              + " was kept"
              + (done.isEmpty() ? "" : "; the " + done.size() + " step(s) before it stay applied")
              + ". Fix the migration and run the command again";
    }
    return new MigrationFailedException(msg.toString(), next, done, failed, e);
  }

  private static String abbreviate(String sql) {
    String oneLine = sql.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 197) + "...";
  }
}

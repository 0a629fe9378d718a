package dev.schemagate.core.run;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A sink that passes every statement to another sink and records it: text, bound values, timing,
 * update count, the database's messages and any error. A governed run puts one in front of its
 * {@link JdbcSink}; the records become the evidence pack's statement log. It is also a {@link
 * RunListener}, so that each record names the step that sent it.
 *
 * <p>The trap: the records are what the evidence claims ran. They are taken around the real call,
 * after it returns or throws, never reconstructed from the plan; a statement that failed is
 * recorded with its error and rethrown unchanged.
 */
public final class RecordingSink implements StatementSink, RunListener {
  private final StatementSink target;
  private final RunListener next;
  private final Clock clock;
  private final List<StatementRecord> records = new ArrayList<>();
  private String revision;

  /**
   * @param target where statements really go
   * @param next the listener to pass step events on to (progress output)
   */
  public RecordingSink(StatementSink target, RunListener next, Clock clock) {
    this.target = target;
    this.next = next;
    this.clock = clock;
  }

  /** What ran so far, in order. */
  public List<StatementRecord> records() {
    return List.copyOf(records);
  }

  @Override
  public void stepStarted(int index, int total, RunStep step) {
    revision = step.revision();
    next.stepStarted(index, total, step);
  }

  @Override
  public void stepFinished(int index, int total, StepResult result) {
    next.stepFinished(index, total, result);
  }

  @Override
  public void begin() throws SQLException {
    target.begin();
  }

  @Override
  public void commit() throws SQLException {
    target.commit();
  }

  @Override
  public void rollback() {
    target.rollback();
  }

  @Override
  public int execute(SqlCommand command) throws SQLException {
    String started = clock.instant().toString();
    long t0 = System.nanoTime();
    try {
      int rows = target.execute(command);
      add(command, started, t0, rows, null);
      return rows;
    } catch (SQLException e) {
      add(command, started, t0, -1, e.getMessage());
      throw e;
    }
  }

  /**
   * Sends the commands one by one, so that each has its own timing and messages; the evidence is
   * worth more than the round trip a pipelined send would save.
   */
  @Override
  public void executeAll(List<SqlCommand> commands) throws SQLException {
    for (SqlCommand c : commands) {
      execute(c);
    }
  }

  @Override
  public void comment(String text) {
    target.comment(text);
  }

  @Override
  public List<String> messages() {
    return target.messages();
  }

  private void add(SqlCommand command, String started, long t0, int rows, String error) {
    long micros = (System.nanoTime() - t0) / 1_000;
    List<String> params = new ArrayList<>();
    command.params().forEach(p -> params.add(String.valueOf(p)));
    records.add(
        new StatementRecord(
            records.size() + 1,
            revision,
            revision == null
                ? "setup"
                : command.params().isEmpty() && command.expectedRows() < 0
                    ? "migration"
                    : "bookkeeping",
            command.sql(),
            params,
            started,
            micros,
            rows,
            target.messages(),
            error));
  }
}

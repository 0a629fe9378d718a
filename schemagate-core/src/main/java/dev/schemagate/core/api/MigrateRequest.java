package dev.schemagate.core.api;

import dev.schemagate.core.run.RunListener;
import java.time.Duration;

/**
 * An upgrade, downgrade or stamp.
 *
 * @param target where to go ({@code head}, {@code base}, {@code +1}, an id, {@code label@head})
 * @param mode live, dry run or offline SQL
 * @param sqlFrom for {@link RunMode#SQL}: the heads to start from ({@code base}, or ids separated
 *     by commas); ignored otherwise
 * @param lockTimeout how long to wait for another run's lock
 * @param workOrder recorded in the history, or null
 * @param listener progress callbacks
 * @param gate for a governed environment: the rollback trigger, scratch settings for the backup's
 *     verification, the command line for the evidence
 */
public record MigrateRequest(
    String target,
    RunMode mode,
    String sqlFrom,
    Duration lockTimeout,
    String workOrder,
    RunListener listener,
    GateRequest gate) {

  public MigrateRequest {
    gate = gate == null ? GateRequest.NONE : gate;
    mode = mode == null ? RunMode.LIVE : mode;
    lockTimeout = lockTimeout == null ? Duration.ofSeconds(60) : lockTimeout;
    listener = listener == null ? RunListener.NONE : listener;
  }

  /** A request with no gate options (an ungoverned environment, a dry run, SQL). */
  public MigrateRequest(
      String target,
      RunMode mode,
      String sqlFrom,
      Duration lockTimeout,
      String workOrder,
      RunListener listener) {
    this(target, mode, sqlFrom, lockTimeout, workOrder, listener, GateRequest.NONE);
  }

  /** The same request in another mode. */
  public MigrateRequest withMode(RunMode newMode) {
    return new MigrateRequest(target, newMode, sqlFrom, lockTimeout, workOrder, listener, gate);
  }

  /** The same request reporting to another listener. */
  public MigrateRequest withListener(RunListener newListener) {
    return new MigrateRequest(target, mode, sqlFrom, lockTimeout, workOrder, newListener, gate);
  }

  /** A live run with defaults. */
  public static MigrateRequest live(String target) {
    return new MigrateRequest(target, RunMode.LIVE, null, null, null, null);
  }
}

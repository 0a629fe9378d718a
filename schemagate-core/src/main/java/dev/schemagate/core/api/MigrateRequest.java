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
 */
public record MigrateRequest(
    String target,
    RunMode mode,
    String sqlFrom,
    Duration lockTimeout,
    String workOrder,
    RunListener listener) {

  public MigrateRequest {
    mode = mode == null ? RunMode.LIVE : mode;
    lockTimeout = lockTimeout == null ? Duration.ofSeconds(60) : lockTimeout;
    listener = listener == null ? RunListener.NONE : listener;
  }

  /** A live run with defaults. */
  public static MigrateRequest live(String target) {
    return new MigrateRequest(target, RunMode.LIVE, null, null, null, null);
  }
}

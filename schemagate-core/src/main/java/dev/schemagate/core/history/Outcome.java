package dev.schemagate.core.history;

/** How a recorded step ended. Stored as its lower-case name. */
public enum Outcome {
  /** The step ran and committed. */
  SUCCESS,
  /** The step failed and was rolled back: nothing of it remains. Does not block later runs. */
  FAILED,
  /**
   * A step outside a transaction failed after some statements completed. The database is
   * half-changed: later runs are blocked until {@code schemagate resolve}.
   */
  PARTIAL,
  /**
   * A step outside a transaction started and has not finished. Seen by a later run (which holds the
   * lock, so the writer is gone), it means the process died mid-step: blocks like PARTIAL.
   */
  RUNNING,
  /** The version tables were set without running SQL ({@code stamp}). */
  STAMPED,
  /** A person declared a PARTIAL or RUNNING step finished or undone ({@code resolve}). */
  RESOLVED;

  public String dbValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Outcome fromDb(String value) {
    return valueOf(value.toUpperCase(java.util.Locale.ROOT));
  }

  /** Whether a step with this outcome as its last record blocks further runs. */
  public boolean blocks() {
    return this == PARTIAL || this == RUNNING;
  }
}

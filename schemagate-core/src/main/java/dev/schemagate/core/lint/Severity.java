package dev.schemagate.core.lint;

/**
 * How much a finding matters. {@link #OFF} disables a rule: a rule whose effective severity is OFF
 * is not run at all, so it can neither report nor suppress anything.
 */
public enum Severity {
  ERROR,
  WARNING,
  INFO,
  OFF;

  /**
   * Whether findings of this severity fail a lint run at {@code threshold} (ERROR fails at ERROR).
   */
  public boolean atLeast(Severity threshold) {
    return this != OFF && threshold != OFF && ordinal() <= threshold.ordinal();
  }
}

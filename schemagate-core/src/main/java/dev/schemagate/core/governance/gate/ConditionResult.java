package dev.schemagate.core.governance.gate;

import java.util.Objects;

/**
 * One stop condition's verdict and why, for PASS as much as for FAIL.
 *
 * @param condition which condition
 * @param pass true when it does not block
 * @param reason what was checked and found, naming the culprit on failure (person, file, revision,
 *     rule) and the next step; never blank
 */
public record ConditionResult(StopCondition condition, boolean pass, String reason) {
  public ConditionResult {
    Objects.requireNonNull(condition, "condition");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a stop condition result needs a reason: " + condition);
    }
  }

  static ConditionResult pass(StopCondition c, String reason) {
    return new ConditionResult(c, true, reason);
  }

  static ConditionResult fail(StopCondition c, String reason) {
    return new ConditionResult(c, false, reason);
  }

  /** {@code PASS approvals: ...} or {@code FAIL approvals: ...}, one line. */
  public String line() {
    return (pass ? "PASS " : "FAIL ") + condition.id() + ": " + reason.replace('\n', ' ');
  }
}

package dev.schemagate.core.run;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import java.util.List;

/**
 * A migration failed while running. The steps before it stay applied and recorded ({@link
 * #completed()}); the failed one was rolled back, or, outside a transaction, recorded as partial.
 */
public class MigrationFailedException extends SchemagateException {
  private final List<StepResult> completed;
  private final StepResult failed;

  public MigrationFailedException(
      String message,
      String nextStep,
      List<StepResult> completed,
      StepResult failed,
      Throwable cause) {
    super(ExitCode.FAILED, message, nextStep, cause);
    this.completed = List.copyOf(completed);
    this.failed = failed;
  }

  @Override
  public Object details() {
    return java.util.Map.of("completed", completed, "failed", failed);
  }

  /** Steps that ran to completion before the failure, in order. */
  public List<StepResult> completed() {
    return completed;
  }

  /** The step that failed. */
  public StepResult failed() {
    return failed;
  }
}

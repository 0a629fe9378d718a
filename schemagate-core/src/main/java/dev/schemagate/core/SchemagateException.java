package dev.schemagate.core;

/**
 * Every error schemagate reports to a user. The message says what is wrong and where (file and line
 * when there is one); {@link #nextStep()} says what to do about it. Messages must never carry a
 * secret: build them from redacted values only.
 */
public class SchemagateException extends RuntimeException {
  private final ExitCode exitCode;
  private final String nextStep;

  public SchemagateException(ExitCode exitCode, String message, String nextStep) {
    super(message);
    this.exitCode = exitCode;
    this.nextStep = nextStep;
  }

  public SchemagateException(ExitCode exitCode, String message, String nextStep, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.nextStep = nextStep;
  }

  /** Bad input: a file, option or target the user must fix. Exit code 2. */
  public static SchemagateException badInput(String message, String nextStep) {
    return new SchemagateException(ExitCode.USAGE, message, nextStep);
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  /** Structured detail for JSON output (e.g. the steps completed before a failure), or null. */
  public Object details() {
    return null;
  }

  /** What the user should do next; may be empty, never null. */
  public String nextStep() {
    return nextStep == null ? "" : nextStep;
  }
}

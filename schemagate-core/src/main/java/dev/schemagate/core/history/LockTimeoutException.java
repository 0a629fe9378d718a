package dev.schemagate.core.history;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;

/** Another process held the migration lock for longer than {@code --lock-timeout}. */
public class LockTimeoutException extends SchemagateException {
  public LockTimeoutException(String message, String nextStep) {
    super(ExitCode.FAILED, message, nextStep);
  }
}

package dev.schemagate.core;

/** The process exit codes every command uses; mapped from exceptions in one place, the CLI. */
public enum ExitCode {
  /** The command did what was asked. */
  OK(0),
  /** The command ran but failed: a migration, the database, or a lock. */
  FAILED(1),
  /** The command line, a configuration or a migration file is wrong; nothing was changed. */
  USAGE(2),
  /** A policy stopped the command before anything was changed. */
  BLOCKED(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}

package dev.schemagate.core.sql;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;

/**
 * A script could not be cut into statements because a quoted string, quoted identifier, comment or
 * dollar-quoted body is never closed. Always bad input (exit code 2).
 *
 * <p>The message names the construct and the line where it <em>starts</em> (the end of input is
 * where it was noticed, which helps nobody); it carries no file name, so callers that know the file
 * prefix it.
 */
public class SqlSplitException extends SchemagateException {
  private final int line;

  /**
   * @param line 1-based line, within the split text, where the unterminated construct starts
   * @param construct what is unterminated, e.g. {@code "dollar-quoted string $fn$"}
   */
  public SqlSplitException(int line, String construct) {
    super(
        ExitCode.USAGE,
        "unterminated " + construct + " starting at line " + line,
        "close it or fix the quoting");
    this.line = line;
  }

  /** 1-based line where the unterminated construct starts. */
  public int line() {
    return line;
  }
}

package dev.schemagate.core.source;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import java.nio.file.Path;

/** A migration file that cannot be read as its layout says. Always bad input (exit code 2). */
public class SourceException extends SchemagateException {
  private final Path file;
  private final int line;

  /**
   * @param file the offending file
   * @param line its 1-based line, or 0 when the problem is the file as a whole
   * @param problem what is wrong, without the location (it is prefixed here)
   * @param nextStep what to do about it
   */
  public SourceException(Path file, int line, String problem, String nextStep) {
    super(ExitCode.USAGE, location(file, line) + ": " + problem, nextStep);
    this.file = file;
    this.line = line;
  }

  private static String location(Path file, int line) {
    return line > 0 ? file + ":" + line : file.toString();
  }

  public Path file() {
    return file;
  }

  public int line() {
    return line;
  }
}

package dev.schemagate.core.lint;

import dev.schemagate.core.sql.ParsedScript;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a rule may look at: one file's parsed statements, in order.
 *
 * @param file the file, used only to label findings (may be a virtual path)
 * @param script the parsed statements, comments and parse problems of the file
 * @param transactional whether the migration tool wraps this file in a transaction. Comes from the
 *     migration's own transaction mode (native header {@code -- transaction: none}, diesel's {@code
 *     run_in_transaction}, dbmate's {@code transaction:false}), never from a global flag. Explicit
 *     BEGIN/COMMIT statements inside the file are separate: rules track those themselves.
 * @param settings PostgreSQL version and severities
 */
public record LintInput(
    Path file, ParsedScript script, boolean transactional, LintSettings settings) {
  public LintInput {
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(settings, "settings");
  }

  /** A file whose transaction mode is unknown: uses {@link LintSettings#assumeInTransaction()}. */
  public static LintInput of(Path file, ParsedScript script, LintSettings settings) {
    return new LintInput(file, script, settings.assumeInTransaction(), settings);
  }

  /** The target PostgreSQL major version. */
  public int pgVersion() {
    return settings.pgVersion();
  }
}

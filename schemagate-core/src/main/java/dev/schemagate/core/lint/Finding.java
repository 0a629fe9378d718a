package dev.schemagate.core.lint;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem found in one migration file.
 *
 * @param rule the rule id, e.g. {@code require-concurrent-index-creation}
 * @param severity the effective severity (never {@link Severity#OFF})
 * @param file the file linted, as given in the {@link LintInput}
 * @param line 1-based line of the statement or comment the finding is about
 * @param message what was found, naming the object where it can
 * @param reason why it matters and what to do instead
 */
public record Finding(
    String rule, Severity severity, Path file, int line, String message, String reason) {
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return (file == null ? "" : file + ":")
        + line
        + ": "
        + severity.name().toLowerCase(java.util.Locale.ROOT)
        + " ["
        + rule
        + "] "
        + message;
  }
}

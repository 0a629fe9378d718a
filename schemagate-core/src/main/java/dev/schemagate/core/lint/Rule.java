package dev.schemagate.core.lint;

import java.util.List;

/**
 * A lint rule. Implementations must be stateless and pure: {@link #check} reads the input and
 * reports through the context, nothing else, so one instance can lint many files concurrently.
 *
 * <p>A rule sees the whole file (statements in order, comments, and whether the tool runs the file
 * in a transaction) so that it can follow state across statements: a table created earlier in the
 * same transaction, a constraint added NOT VALID, an explicit BEGIN. The trap: a rule must not
 * assume the parser understood every statement. Anything unknown arrives as {@code Unrecognised}
 * (with its tokens in {@code ParsedStatement.tokens()}); rules skip what they do not understand
 * rather than guess.
 *
 * <p>Suppression ({@code -- schemagate:ignore <rule> <reason>}) is applied by the {@link Linter}
 * after the rule has run; rules never look at ignore comments.
 */
public interface Rule {
  /** Stable kebab-case id used in output, configuration and ignore comments. */
  String id();

  /** Other ids accepted for this rule in configuration and ignore comments (e.g. squawk names). */
  default List<String> aliases() {
    return List.of();
  }

  /** Severity when the configuration says nothing; {@link Severity#OFF} means opt-in. */
  Severity defaultSeverity();

  /** One line: what the rule flags. */
  String summary();

  /** Reports every violation in {@code in} through {@code cx}. Never throws on any parsed input. */
  void check(LintInput in, RuleContext cx);
}

package dev.schemagate.core.lint.rules;

import dev.schemagate.core.lint.LintInput;
import dev.schemagate.core.lint.Rule;
import dev.schemagate.core.lint.RuleContext;
import dev.schemagate.core.lint.Severity;
import java.util.List;

/** A rule defined by its metadata and a pure check function. */
record SquawkRule(
    String id, List<String> aliases, Severity defaultSeverity, String summary, Check check)
    implements Rule {

  /** The body of a rule: reads the input, reports through the context. */
  @FunctionalInterface
  interface Check {
    void run(LintInput in, RuleContext cx);
  }

  SquawkRule {
    aliases = List.copyOf(aliases);
  }

  static SquawkRule of(String id, Severity severity, String summary, Check check) {
    return new SquawkRule(id, List.of(), severity, summary, check);
  }

  @Override
  public void check(LintInput in, RuleContext cx) {
    check.run(in, cx);
  }

  @Override
  public String toString() {
    return id;
  }
}

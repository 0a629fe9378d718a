package dev.schemagate.core.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one rule reports its findings for one file. Created by the {@link Linter} per rule and
 * file; the rule id, severity and file are filled in here so rules cannot get them wrong.
 */
public final class RuleContext {
  private final Rule rule;
  private final Severity severity;
  private final LintInput input;
  private final List<Finding> findings = new ArrayList<>();

  RuleContext(Rule rule, Severity severity, LintInput input) {
    this.rule = rule;
    this.severity = severity;
    this.input = input;
  }

  /**
   * Reports a finding.
   *
   * @param line 1-based line of the offending statement
   * @param message what was found, naming the object
   * @param reason why it matters and the safe alternative
   */
  public void report(int line, String message, String reason) {
    findings.add(new Finding(rule.id(), severity, input.file(), line, message, reason));
  }

  List<Finding> findings() {
    return findings;
  }
}

package dev.schemagate.core.lint.rules;

import dev.schemagate.core.lint.Finding;
import dev.schemagate.core.lint.LintInput;
import dev.schemagate.core.lint.LintSettings;
import dev.schemagate.core.lint.Linter;
import dev.schemagate.core.lint.Rule;
import dev.schemagate.core.lint.Severity;
import dev.schemagate.core.sql.SqlParser;
import java.nio.file.Path;
import java.util.List;

/** Lints SQL text with one squawk rule enabled. */
final class RuleTesting {
  private RuleTesting() {}

  static List<Finding> lint(String ruleId, String sql) {
    return lint(ruleId, sql, false, LintSettings.DEFAULT_PG_VERSION);
  }

  static List<Finding> lint(String ruleId, String sql, boolean transactional, int pg) {
    Rule rule = Linter.squawkRules().rule(ruleId);
    LintSettings settings =
        LintSettings.defaults().withPgVersion(pg).withSeverity(rule.id(), Severity.WARNING);
    return Linter.withRules(rule)
        .lint(new LintInput(Path.of("m.sql"), SqlParser.parse(sql), transactional, settings));
  }
}

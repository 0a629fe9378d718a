package dev.schemagate.core.api;

import dev.schemagate.core.lint.Finding;
import java.util.List;

/**
 * The findings of a lint run, sorted by file, line and rule.
 *
 * @param pgVersion the PostgreSQL major version the rules assumed
 * @param files how many migrations (or files) were linted
 * @param statements how many statements were parsed
 * @param errors findings of severity error
 * @param warnings findings of severity warning
 * @param infos findings of severity info
 * @param rules every rule that ran: id, severity and summary
 * @param warningsRead stray files and the like, found while reading the folder
 */
public record LintResult(
    int pgVersion,
    int files,
    int statements,
    long errors,
    long warnings,
    long infos,
    List<Finding> findings,
    List<RuleInfo> rules,
    List<String> warningsRead) {

  /** A rule as configured for this run. */
  public record RuleInfo(String id, String severity, String summary) {}
}

package dev.schemagate.core.lint;

import java.util.Map;
import java.util.Objects;

/**
 * Immutable lint configuration.
 *
 * @param pgVersion the PostgreSQL major version the migrations target (default 16); rules whose
 *     risk depends on the version (fast defaults from 11, SET NOT NULL using a validated CHECK from
 *     12, REPACK from 19) read it
 * @param assumeInTransaction the transaction mode to assume when a caller has no migration-level
 *     mode to offer (see {@link LintInput#of}); a migration's own mode always wins
 * @param severities per-rule overrides by rule id (or squawk alias); {@link Severity#OFF} disables
 */
public record LintSettings(
    int pgVersion, boolean assumeInTransaction, Map<String, Severity> severities) {
  /** The PostgreSQL major version assumed when none is configured. */
  public static final int DEFAULT_PG_VERSION = 16;

  public LintSettings {
    if (pgVersion < 9 || pgVersion > 99) {
      throw new IllegalArgumentException(
          "pg version " + pgVersion + " is not a PostgreSQL major version (use e.g. 16)");
    }
    severities = Map.copyOf(Objects.requireNonNull(severities, "severities"));
  }

  /** PostgreSQL 16, no assumed transaction, every rule at its default severity. */
  public static LintSettings defaults() {
    return new LintSettings(DEFAULT_PG_VERSION, false, Map.of());
  }

  public LintSettings withPgVersion(int version) {
    return new LintSettings(version, assumeInTransaction, severities);
  }

  public LintSettings withAssumeInTransaction(boolean assume) {
    return new LintSettings(pgVersion, assume, severities);
  }

  public LintSettings withSeverity(String ruleId, Severity severity) {
    var copy = new java.util.HashMap<>(severities);
    copy.put(ruleId, severity);
    return new LintSettings(pgVersion, assumeInTransaction, copy);
  }

  /** The effective severity of {@code rule}: an override by id, then by alias, then its default. */
  public Severity severityOf(Rule rule) {
    Severity s = severities.get(rule.id());
    if (s != null) {
      return s;
    }
    for (String alias : rule.aliases()) {
      s = severities.get(alias);
      if (s != null) {
        return s;
      }
    }
    return rule.defaultSeverity();
  }

  /** The effective severity of a framework finding such as {@code parse-error}. */
  public Severity severityOf(String findingId, Severity fallback) {
    return severities.getOrDefault(findingId, fallback);
  }
}

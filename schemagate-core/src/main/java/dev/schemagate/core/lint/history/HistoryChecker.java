package dev.schemagate.core.lint.history;

import dev.schemagate.core.lint.Finding;
import dev.schemagate.core.lint.LintSettings;
import dev.schemagate.core.lint.Severity;
import dev.schemagate.core.source.Layout;
import dev.schemagate.core.source.MigrationScript;
import dev.schemagate.core.source.MigrationSource;
import dev.schemagate.core.sql.ParsedScript;
import dev.schemagate.core.sql.SqlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks a migration history as a whole, without a database: the revision graph (missing, duplicate
 * and cyclic revisions, several heads, orphan chains) and a static replay of every upgrade (objects
 * created twice, tables and columns used before they exist or after they are gone). Rule ids and
 * meanings are in {@link HistoryRule}.
 *
 * <p>Contract: never throws on a readable source. Where {@link
 * dev.schemagate.core.revision.RevisionGraph#of} would refuse the graph, each refusal becomes a
 * finding naming the file, and the check goes on over the graph with that problem set aside, so one
 * bad header does not hide the rest. Findings come graph ones first, then the replay's in walk
 * (topological) order, statement order within a file.
 *
 * <p>Traps: the replay follows upgrades only; Flyway repeatables ({@code R__}) are not replayed
 * (they run after all versioned migrations); Alembic {@code .py} files get the graph checks only,
 * since their upgrades are Python. Whether unknown tables are reported depends on whether the
 * history builds its schema from nothing; see {@link SchemaSimulator}.
 */
public final class HistoryChecker {

  /** Checks {@code source} with every rule at its {@link HistoryRule#defaultSeverity()}. */
  public List<Finding> check(MigrationSource source) {
    return check(source, LintSettings.defaults());
  }

  /**
   * Checks {@code source}; see the class comment for what is and is not replayed. Severities come
   * from {@code settings} by rule id ({@link LintSettings#severityOf(String, Severity)}); findings
   * of a rule set to {@link Severity#OFF} are left out.
   */
  public List<Finding> check(MigrationSource source, LintSettings settings) {
    return check(source, settings, s -> SqlParser.parse(s.up().sql()));
  }

  /**
   * As {@link #check(MigrationSource, LintSettings)}, with each migration's upgrade already parsed
   * by the caller (lint parses them for its own rules; parsing is most of the cost).
   */
  public List<Finding> check(
      MigrationSource source,
      LintSettings settings,
      Function<MigrationScript, ParsedScript> parsedUpgrades) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(settings, "settings");
    GraphChecks.Result graph = GraphChecks.check(source.versioned(), new HeaderLines());
    List<HistoryFinding> raw = new ArrayList<>(graph.findings());
    if (source.layout() != Layout.ALEMBIC) {
      raw.addAll(new SchemaSimulator(parsedUpgrades).run(graph.order()));
    }
    List<Finding> out = new ArrayList<>(raw.size());
    for (HistoryFinding f : raw) {
      Severity fallback =
          HistoryRule.byId(f.rule()).map(HistoryRule::defaultSeverity).orElse(Severity.ERROR);
      Severity severity = settings.severityOf(f.rule(), fallback);
      if (severity != Severity.OFF) {
        out.add(new Finding(f.rule(), severity, f.file(), f.line(), f.message(), f.reason()));
      }
    }
    return List.copyOf(out);
  }
}

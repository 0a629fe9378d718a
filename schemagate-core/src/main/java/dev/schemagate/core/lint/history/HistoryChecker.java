package dev.schemagate.core.lint.history;

import dev.schemagate.core.source.Layout;
import dev.schemagate.core.source.MigrationSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

  /** Checks {@code source}; see the class comment for what is and is not replayed. */
  public List<HistoryFinding> check(MigrationSource source) {
    Objects.requireNonNull(source, "source");
    GraphChecks.Result graph = GraphChecks.check(source.versioned(), new HeaderLines());
    List<HistoryFinding> out = new ArrayList<>(graph.findings());
    if (source.layout() != Layout.ALEMBIC) {
      out.addAll(new SchemaSimulator().run(graph.order()));
    }
    return List.copyOf(out);
  }
}

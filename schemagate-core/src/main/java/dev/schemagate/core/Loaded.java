package dev.schemagate.core;

import dev.schemagate.core.revision.RevisionGraph;
import dev.schemagate.core.source.Layout;
import dev.schemagate.core.source.MigrationScript;
import dev.schemagate.core.source.MigrationSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Files read and checked: the source, its graph, and scripts by id. */
final class Loaded {
  final MigrationSource source;
  final RevisionGraph graph;
  final Map<String, MigrationScript> byId;
  final List<String> warnings;

  Loaded(MigrationSource source, RevisionGraph graph) {
    this.source = source;
    this.graph = graph;
    this.byId = new HashMap<>();
    for (MigrationScript s : source.versioned()) {
      byId.put(s.id(), s);
    }
    for (MigrationScript s : source.repeatables()) {
      byId.put(s.id(), s);
    }
    List<String> w = new ArrayList<>();
    source.strays().forEach(s -> w.add(s.file() + ": ignored, " + s.reason()));
    this.warnings = List.copyOf(w);
  }

  void requireExecutable() {
    if (source.layout() == Layout.ALEMBIC) {
      throw SchemagateException.badInput(
          source.directory()
              + " holds Alembic migrations (Python): schemagate reads them for the graph and"
              + " audit, but does not run them",
          "run them with Alembic, or port them to native SQL files");
    }
  }
}

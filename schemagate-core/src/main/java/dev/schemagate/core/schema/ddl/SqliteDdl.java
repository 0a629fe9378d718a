package dev.schemagate.core.schema.ddl;

import dev.schemagate.core.schema.SchemaSnapshot;
import java.util.List;

/** SQLite DDL for one snapshot (placeholder until the SQLite introspector's model is known). */
final class SqliteDdl {
  private final SchemaSnapshot snapshot;

  SqliteDdl(SchemaSnapshot snapshot) {
    this.snapshot = snapshot;
  }

  Ddl generate() {
    return new Ddl(
        List.of(), List.of(), List.of("SQLite: " + snapshot.objects().size() + " objects"));
  }
}

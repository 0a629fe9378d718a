package dev.schemagate.core.schema.introspect;

import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Reads a SQLite database. */
final class SqliteIntrospector {
  private final Connection connection;
  private final IntrospectOptions options;

  SqliteIntrospector(Connection connection, IntrospectOptions options) {
    this.connection = connection;
    this.options = options;
  }

  SchemaSnapshot read() throws SQLException {
    // TODO the SQLite reader comes next; until then the snapshot says it read nothing.
    return new SchemaSnapshot(
        Dialect.SQLITE,
        connection.getMetaData().getDatabaseProductVersion(),
        List.of(),
        List.of("SQLite introspection is not implemented yet" + (options == null ? "" : "")));
  }
}

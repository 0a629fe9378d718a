package dev.schemagate.core.schema.introspect;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads a database's schema into a {@link SchemaSnapshot}, choosing the reader by the connection's
 * dialect.
 *
 * <p>Read-only: it runs SELECTs and pragmas only, and leaves the connection's transaction state as
 * it found it. The trap: what the reader saw but cannot model goes to {@link
 * SchemaSnapshot#skipped()}; callers must check {@link SchemaSnapshot#complete()} before calling
 * two snapshots equal.
 */
public final class Introspector {
  private Introspector() {}

  /** Reads with {@link IntrospectOptions#defaults()}. */
  public static SchemaSnapshot read(Connection connection) {
    return read(connection, IntrospectOptions.defaults());
  }

  /**
   * Reads the schema the connection sees.
   *
   * @throws SchemagateException when the database is neither PostgreSQL nor SQLite, or a catalog
   *     query fails (exit code FAILED, the database's message included)
   */
  public static SchemaSnapshot read(Connection connection, IntrospectOptions options) {
    Dialect dialect;
    try {
      dialect = dialectOf(connection);
    } catch (SQLException e) {
      throw failed("could not tell which database the connection is to: " + e.getMessage(), e);
    }
    if (dialect == null) {
      throw new SchemagateException(
          ExitCode.USAGE,
          "schema introspection supports PostgreSQL and SQLite only",
          "use a jdbc:postgresql: or jdbc:sqlite: URL");
    }
    try {
      return dialect == Dialect.POSTGRES
          ? new PostgresIntrospector(connection, options).read()
          : new SqliteIntrospector(connection, options).read();
    } catch (SQLException e) {
      throw failed("could not read the database schema: " + e.getMessage(), e);
    }
  }

  private static Dialect dialectOf(Connection c) throws SQLException {
    String url = c.getMetaData().getURL();
    Dialect d = url == null ? null : Dialect.ofJdbcUrl(url);
    if (d != null) {
      return d;
    }
    String product = c.getMetaData().getDatabaseProductName();
    if ("PostgreSQL".equalsIgnoreCase(product)) {
      return Dialect.POSTGRES;
    }
    if ("SQLite".equalsIgnoreCase(product)) {
      return Dialect.SQLITE;
    }
    return null;
  }

  private static SchemagateException failed(String message, Throwable cause) {
    return new SchemagateException(
        ExitCode.FAILED,
        message,
        "check that the database is reachable and the user may read its system catalogs",
        cause);
  }
}

package dev.schemagate.core.history;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.sql.Dialect;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens connections and turns connection failures into messages a user can act on. */
public final class Database {
  private Database() {}

  /**
   * Opens a connection in autocommit mode.
   *
   * @param applicationName shown in {@code pg_stat_activity}, so a lock holder can be named
   * @throws SchemagateException exit 1 when the server cannot be reached, exit 2 when the
   *     credentials or the URL are wrong; never with the password in the message
   */
  public static Connection open(ConnectionSpec spec, String applicationName) {
    return open(spec, applicationName, false);
  }

  /**
   * Opens a connection that runs migrations: on PostgreSQL with the simple query protocol, the way
   * psql sends a migration file, one message per statement; a step's version-table writes go as one
   * message of {@code EXECUTE}s (see {@link dev.schemagate.core.run.JdbcSink#executeAll}). A {@code
   * preferQueryMode} in the URL still wins. The run needs one server session throughout (its
   * advisory lock and its prepared writes belong to the session), so a transaction-pooling proxy in
   * between is not supported. Connections that read catalogs keep the extended protocol: the
   * introspector relies on pgjdbc's prepared statements.
   */
  public static Connection openForMigrations(ConnectionSpec spec, String applicationName) {
    return open(spec, applicationName, true);
  }

  private static Connection open(ConnectionSpec spec, String applicationName, boolean simple) {
    Properties props = new Properties();
    if (spec.dialect() == Dialect.POSTGRES) {
      if (spec.user() != null) {
        props.setProperty("user", spec.user());
      }
      if (spec.password() != null) {
        props.setProperty("password", spec.password());
      }
      props.setProperty("ApplicationName", applicationName);
      props.setProperty("connectTimeout", "10");
      if (simple) {
        props.setProperty("preferQueryMode", "simple");
      }
    } else {
      checkSqliteFolder(spec.jdbcUrl());
    }
    try {
      Connection c = DriverManager.getConnection(spec.jdbcUrl(), props);
      c.setAutoCommit(true);
      return c;
    } catch (SQLException e) {
      throw translate(spec, e);
    }
  }

  private static void checkSqliteFolder(String url) {
    String path = url.substring("jdbc:sqlite:".length());
    if (path.isEmpty() || path.startsWith(":") || path.startsWith("file:")) {
      return;
    }
    Path parent = Path.of(path).toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw SchemagateException.badInput(
          "cannot open SQLite database " + path + ": folder " + parent + " does not exist",
          "create the folder or correct the URL");
    }
  }

  static SchemagateException translate(ConnectionSpec spec, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String where = spec.redacted();
    String message = ConnectionSpec.redact(e.getMessage());
    if (state.equals("28P01") || state.equals("28000")) {
      return new SchemagateException(
          ExitCode.USAGE,
          "cannot log in to " + where + ": " + message,
          "check the user and password in the URL or its environment variable",
          null);
    }
    if (state.equals("3D000")) {
      return new SchemagateException(
          ExitCode.USAGE,
          "cannot connect to " + where + ": " + message,
          "create the database first, or correct its name in the URL",
          null);
    }
    if (state.startsWith("08")
        || hasCause(e, ConnectException.class)
        || hasCause(e, UnknownHostException.class)) {
      return new SchemagateException(
          ExitCode.FAILED,
          "cannot reach the database at " + where + ": " + message,
          "check the host and port, and that the server is running and accepts connections",
          null);
    }
    return new SchemagateException(
        ExitCode.FAILED,
        "cannot connect to " + where + ": " + message,
        "check the URL and the server",
        null);
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}

package dev.schemagate.core.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Executes statements on a JDBC connection. Migration SQL goes through a plain {@link Statement}
 * with escape processing off (so {@code {fn}} and {@code ?} in migration text are left alone);
 * version-table writes go through cached prepared statements. Not thread-safe.
 */
public final class JdbcSink implements StatementSink, AutoCloseable {
  private final Connection connection;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();
  private Statement plain;

  public JdbcSink(Connection connection) {
    this.connection = connection;
  }

  @Override
  public void begin() throws SQLException {
    connection.setAutoCommit(false);
  }

  @Override
  public void commit() throws SQLException {
    connection.commit();
    connection.setAutoCommit(true);
  }

  @Override
  public void rollback() {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException ignored) {
      // The connection may be gone; the database rolls back an open transaction itself.
    }
  }

  @Override
  public int execute(SqlCommand command) throws SQLException {
    if (command.params().isEmpty() && command.expectedRows() < 0) {
      if (plain == null) {
        plain = connection.createStatement();
        plain.setEscapeProcessing(false);
      }
      boolean isQuery = plain.execute(command.sql());
      int count = isQuery ? -1 : plain.getUpdateCount();
      // Drain further results so the statement is reusable.
      while (plain.getMoreResults() || plain.getUpdateCount() != -1) {
        // nothing to read
      }
      return count;
    }
    PreparedStatement ps = prepared.get(command.sql());
    if (ps == null) {
      ps = connection.prepareStatement(command.sql());
      prepared.put(command.sql(), ps);
    }
    for (int i = 0; i < command.params().size(); i++) {
      ps.setObject(i + 1, command.params().get(i));
    }
    int count = ps.executeUpdate();
    if (command.expectedRows() >= 0 && count != command.expectedRows()) {
      throw new SQLException(
          "version table out of step: expected "
              + command.expectedRows()
              + " row(s) changed by ["
              + command.sql()
              + "] with "
              + command.params()
              + ", got "
              + count
              + "; another process may have changed it",
          "SG001");
    }
    return count;
  }

  @Override
  public void comment(String text) {}

  @Override
  public void close() {
    for (PreparedStatement ps : prepared.values()) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
    prepared.clear();
    if (plain != null) {
      try {
        plain.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
  }
}

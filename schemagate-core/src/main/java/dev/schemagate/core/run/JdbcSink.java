package dev.schemagate.core.run;

import dev.schemagate.core.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes statements on a JDBC connection. Migration SQL goes through a plain {@link Statement}
 * with escape processing off (so {@code {fn}} and {@code ?} in migration text are left alone);
 * version-table writes go through cached prepared statements. Not thread-safe.
 */
public final class JdbcSink implements StatementSink, AutoCloseable {
  private final Connection connection;
  private final boolean pipeline;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();
  private Statement plain;

  /** The prepared statement run last, whose warnings {@link #messages()} reads too. */
  private Statement lastPrepared;

  /**
   * @param connection the connection, in autocommit mode
   * @param pipeline true (PostgreSQL) to send {@link #executeAll} as one multi-statement string;
   *     false to send its statements one by one (SQLite)
   */
  public JdbcSink(Connection connection, boolean pipeline) {
    this.connection = connection;
    this.pipeline = pipeline;
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
      Statement st = plain();
      boolean isQuery = st.execute(command.sql());
      int count = isQuery ? -1 : st.getUpdateCount();
      // Drain further results so the statement is reusable.
      while (st.getMoreResults() || st.getUpdateCount() != -1) {
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
    lastPrepared = ps;
    check(command, count);
    return count;
  }

  /**
   * The version-table writes of a step. On PostgreSQL they go as one multi-statement string with
   * their values as literals, exactly as {@code --sql} prints them: one round trip, parsed by the
   * server in one go, instead of one bound statement after another. On this project's benchmark
   * that halves what a tiny migration pays for its bookkeeping (see the README). Each statement
   * keeps its row-count check, made before the transaction commits.
   */
  @Override
  public void executeAll(List<SqlCommand> commands) throws SQLException {
    if (!pipeline || commands.size() < 2) {
      StatementSink.super.executeAll(commands);
      return;
    }
    StringBuilder sql = new StringBuilder();
    for (SqlCommand c : commands) {
      sql.append(sql.length() == 0 ? "" : ";\n").append(c.inlined(Dialect.POSTGRES));
    }
    Statement st = plain();
    st.execute(sql.toString());
    for (int i = 0; i < commands.size(); i++) {
      if (i > 0) {
        st.getMoreResults();
      }
      check(commands.get(i), st.getUpdateCount());
    }
  }

  private Statement plain() throws SQLException {
    if (plain == null) {
      plain = connection.createStatement();
      plain.setEscapeProcessing(false);
    }
    return plain;
  }

  private static void check(SqlCommand command, int count) throws SQLException {
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
  }

  @Override
  public void comment(String text) {}

  /**
   * Reads the warnings (PostgreSQL's notices) of the statement and the connection, and clears them.
   */
  @Override
  public List<String> messages() {
    List<String> out = new ArrayList<>();
    try {
      for (Statement s : new Statement[] {plain, lastPrepared}) {
        if (s != null) {
          for (java.sql.SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
            out.add(w.getMessage());
          }
          s.clearWarnings();
        }
      }
      for (java.sql.SQLWarning w = connection.getWarnings(); w != null; w = w.getNextWarning()) {
        out.add(w.getMessage());
      }
      connection.clearWarnings();
    } catch (SQLException e) {
      out.add("(the messages could not be read: " + e.getMessage() + ")");
    }
    return out;
  }

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

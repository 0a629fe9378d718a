package dev.schemagate.core.run;

import dev.schemagate.core.sql.TransactionRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /** The version-table writes this session has prepared; null when they must be read again. */
  private Set<String> preparedNames;

  /** The prepared statement run last, whose warnings {@link #messages()} reads too. */
  private Statement lastPrepared;

  /**
   * @param connection the connection, in autocommit mode
   * @param pipeline true (PostgreSQL) to send {@link #executeAll} as one string of
   *     prepared-statement executions; false to send its statements one by one (SQLite)
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
    preparedNames = null;
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
      if (TransactionRules.dropsPreparedStatements(command.sql())) {
        preparedNames = null;
      }
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
   * The version-table writes of a step, in one round trip on PostgreSQL: each named write is
   * prepared once per session ({@code PREPARE}, the first time it is needed), then every step sends
   * one string of {@code EXECUTE}s with literal arguments, exactly as {@code --sql} prints it. The
   * server then neither parses nor plans the writes again, which is most of what they cost a tiny
   * migration (see the README's benchmarks). Each write keeps its row-count check, made before the
   * step commits.
   */
  @Override
  public void executeAll(List<SqlCommand> commands) throws SQLException {
    if (!pipeline || commands.size() < 2) {
      StatementSink.super.executeAll(commands);
      return;
    }
    for (SqlCommand c : commands) {
      if (c.name() != null) {
        ensurePrepared(c);
      }
    }
    Statement st = plain();
    st.execute(SqlCommand.postgresBatch(commands));
    for (int i = 0; i < commands.size(); i++) {
      if (i > 0) {
        st.getMoreResults();
      }
      check(commands.get(i), st.getUpdateCount());
    }
  }

  /**
   * Prepares a named write unless this session already holds it. What the session holds is read
   * from {@code pg_prepared_statements} after a rollback or a migration statement that may have
   * dropped prepared statements, instead of assumed.
   */
  private void ensurePrepared(SqlCommand c) throws SQLException {
    if (preparedNames == null) {
      preparedNames = new HashSet<>();
      try (ResultSet rs =
          plain()
              .executeQuery(
                  "SELECT name FROM pg_prepared_statements WHERE name LIKE 'schemagate\\_%'")) {
        while (rs.next()) {
          preparedNames.add(rs.getString(1));
        }
      }
    }
    if (preparedNames.add(c.name())) {
      plain().execute(c.preparation());
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

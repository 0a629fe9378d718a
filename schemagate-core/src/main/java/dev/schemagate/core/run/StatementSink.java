package dev.schemagate.core.run;

import java.sql.SQLException;

/**
 * Where the runner's statements go: a live database or a SQL script. This is the one place where
 * "run it" and "print it" part; everything upstream (planning, splitting, version-table writes) is
 * the same for both.
 */
public interface StatementSink {

  /** Starts a transaction; statements until {@link #commit()} are atomic. */
  void begin() throws SQLException;

  void commit() throws SQLException;

  /** Rolls back the open transaction, if any. Must not throw for a sink with none open. */
  void rollback();

  /**
   * Runs (or writes) one statement.
   *
   * @return the update count, or -1 when unknown (a script, a query, DDL)
   */
  int execute(SqlCommand command) throws SQLException;

  /**
   * Runs (or writes) several statements, in order, each with its own row-count check. A live
   * PostgreSQL sink sends them in one network round trip; the default runs them one by one.
   */
  default void executeAll(java.util.List<SqlCommand> commands) throws SQLException {
    for (SqlCommand c : commands) {
      execute(c);
    }
  }

  /** A remark for a human reader of a script; ignored by a live sink. */
  void comment(String text);

  /**
   * The database's notices and warnings since the last call, and forgets them. Empty for a sink
   * that has none (a script).
   */
  default java.util.List<String> messages() {
    return java.util.List.of();
  }
}

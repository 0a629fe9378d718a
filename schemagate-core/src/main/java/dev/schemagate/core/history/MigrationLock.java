package dev.schemagate.core.history;

import dev.schemagate.core.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The lock that serialises schemagate processes on one database, held for the whole run.
 *
 * <p>PostgreSQL: a session-level advisory lock, taken by polling {@code pg_try_advisory_lock} in
 * autocommit. The trap this avoids: a lock held inside an open transaction (Flyway's default) or a
 * blocking {@code pg_advisory_lock} wait holds a snapshot, and {@code CREATE INDEX CONCURRENTLY}
 * waits for every older snapshot to end, so the run that holds the lock would wait on the runs
 * queueing for it, forever. Between our polls no transaction is open, so a concurrent index build
 * in the lock holder proceeds.
 *
 * <p>SQLite: {@code locking_mode=EXCLUSIVE} and one write transaction, which keeps the file's
 * exclusive lock until the connection closes; {@code busy_timeout} bounds the wait.
 */
public final class MigrationLock implements AutoCloseable {
  /** Advisory lock key: fits in 32 bits, so {@code pg_locks.classid} is 0 and objid is the key. */
  static final long KEY = 0x5C4E_6A7EL;

  private final Connection connection;
  private final Dialect dialect;
  private boolean held;

  private MigrationLock(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  /**
   * Takes the lock on {@code connection}, which must be in autocommit and stay open for the run.
   *
   * @throws LockTimeoutException naming the holder when the timeout passes
   */
  public static MigrationLock acquire(Connection connection, Dialect dialect, Duration timeout)
      throws SQLException {
    MigrationLock lock = new MigrationLock(connection, dialect);
    if (dialect == Dialect.POSTGRES) {
      lock.acquirePostgres(timeout);
    } else {
      lock.acquireSqlite(timeout);
    }
    lock.held = true;
    return lock;
  }

  private void acquirePostgres(Duration timeout) throws SQLException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long sleep = 5;
    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      ps.setLong(1, KEY);
      while (true) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            return;
          }
        }
        if (System.nanoTime() >= deadline) {
          throw new LockTimeoutException(
              "could not take the migration lock within "
                  + describe(timeout)
                  + ": it is held by "
                  + postgresHolder(),
              "wait for that run to finish, or raise --lock-timeout; if its process is gone,"
                  + " end its session with SELECT pg_terminate_backend(<pid>)");
        }
        try {
          Thread.sleep(sleep);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SQLException("interrupted while waiting for the migration lock", e);
        }
        sleep = Math.min(sleep * 2, 200);
      }
    }
  }

  private String postgresHolder() throws SQLException {
    String sql =
        "SELECT a.pid, a.application_name, a.usename, a.client_addr, a.backend_start, a.state"
            + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setLong(1, KEY);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return "another session (it released the lock just now; try again)";
        }
        String app = rs.getString(2);
        return "backend pid "
            + rs.getInt(1)
            + (app == null || app.isEmpty() ? "" : " (" + app + ")")
            + ", user "
            + rs.getString(3)
            + (rs.getString(4) == null ? "" : " from " + rs.getString(4))
            + ", connected since "
            + rs.getString(5)
            + ", "
            + rs.getString(6);
      }
    }
  }

  private void acquireSqlite(Duration timeout) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("PRAGMA busy_timeout = " + Math.max(0, timeout.toMillis()));
      st.execute("PRAGMA locking_mode = EXCLUSIVE");
      try {
        st.execute("BEGIN EXCLUSIVE");
        st.execute("COMMIT");
      } catch (SQLException e) {
        if (e.getMessage() != null && e.getMessage().contains("SQLITE_BUSY")) {
          throw new LockTimeoutException(
              "could not take the migration lock within "
                  + describe(timeout)
                  + ": the SQLite file is locked by another process or connection",
              "wait for the other run to finish, or raise --lock-timeout");
        }
        throw e;
      }
    }
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** Releases the lock. On SQLite the lock is released when the connection closes. */
  @Override
  public void close() throws SQLException {
    if (!held) {
      return;
    }
    held = false;
    if (dialect == Dialect.POSTGRES && !connection.isClosed()) {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
      try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
        ps.setLong(1, KEY);
        ps.execute();
      }
    }
  }
}

package dev.schemagate.core.governance.verify;

import dev.schemagate.core.governance.workorder.WorkOrder.HealthCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a work order's health checks after a change and compares each result with what the work
 * order declares.
 *
 * <p>A result is written as text the way a work order declares it: one line per row, columns
 * separated by {@code |}, SQL NULL as {@code NULL}; the comparison ignores leading and trailing
 * whitespace of the whole text and of each line. {@code SELECT count(*) FROM users} gives {@code
 * 0}; two rows of two columns give {@code a|1\nb|2}.
 *
 * <p>The trap: a health check is a query, but nothing stops an author from writing an UPDATE. The
 * checks run in one transaction that is always rolled back, so a check can observe but never change
 * the database it verifies.
 */
public final class HealthChecks {
  /** A check giving more rows than this is cut off: a health check is a small query. */
  static final int MAX_ROWS = 1000;

  private HealthChecks() {}

  /** Runs every check, in order; a failing query fails its check and the next one still runs. */
  public static List<CheckResult> run(Connection connection, List<HealthCheck> checks)
      throws SQLException {
    List<CheckResult> out = new ArrayList<>(checks.size());
    if (checks.isEmpty()) {
      return out;
    }
    boolean auto = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      for (HealthCheck h : checks) {
        out.add(runOne(connection, h));
      }
    } finally {
      connection.rollback();
      connection.setAutoCommit(auto);
    }
    return out;
  }

  private static CheckResult runOne(Connection connection, HealthCheck h) throws SQLException {
    long t0 = System.nanoTime();
    java.sql.Savepoint sp = connection.setSavepoint();
    try (Statement s = connection.createStatement()) {
      s.setEscapeProcessing(false);
      String actual;
      if (s.execute(h.sql())) {
        try (ResultSet rs = s.getResultSet()) {
          actual = text(rs);
        }
      } else {
        actual = String.valueOf(s.getUpdateCount());
      }
      boolean pass = normalize(actual).equals(normalize(h.expect()));
      return new CheckResult(h.sql(), h.expect(), actual, pass, null, millis(t0));
    } catch (SQLException e) {
      connection.rollback(sp);
      return new CheckResult(h.sql(), h.expect(), null, false, e.getMessage(), millis(t0));
    }
  }

  /** The rows as the work order writes them. */
  static String text(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    StringBuilder sb = new StringBuilder();
    int rows = 0;
    while (rs.next()) {
      if (rows++ == MAX_ROWS) {
        sb.append("... (more than ").append(MAX_ROWS).append(" rows)\n");
        break;
      }
      for (int i = 1; i <= n; i++) {
        String v = rs.getString(i);
        sb.append(i == 1 ? "" : "|").append(v == null ? "NULL" : v);
      }
      sb.append('\n');
    }
    return sb.toString().strip();
  }

  static String normalize(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (String line : text.strip().split("\\R")) {
      sb.append(sb.length() == 0 ? "" : "\n").append(line.strip());
    }
    return sb.toString();
  }

  private static long millis(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}

package dev.schemagate.core.governance.verify;

import dev.schemagate.core.governance.workorder.WorkOrder.HealthCheck;
import dev.schemagate.core.sql.Dialect;
import dev.schemagate.core.sql.SqlSplitException;
import dev.schemagate.core.sql.SqlStatement;
import dev.schemagate.core.sql.StatementSplitter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a work order's health checks after a change and compares each result with what the work
 * order declares.
 *
 * <p>A result is written as text the way a work order declares it: one line per row, columns
 * separated by {@code |}, SQL NULL as {@code NULL}; the comparison ignores leading and trailing
 * whitespace of the whole text and of each line. {@code SELECT count(*) FROM users} gives {@code
 * 0}; two rows of two columns give {@code a|1\nb|2}.
 *
 * <p>The trap: a health check is a query, but nothing stops an author from writing an UPDATE, or a
 * COMMIT that would end the enclosing transaction and keep what came before it. Each check must be
 * one statement and no transaction control (refused as a failed check, never run); each runs under
 * its own savepoint, rolled back afterwards whether it passed or not, so a check can observe but
 * never change the database it verifies, and every check sees the database as the change left it. A
 * caller's own open transaction is kept: the checks roll back only to where they started.
 */
public final class HealthChecks {
  /** A check giving more rows than this is cut off: a health check is a small query. */
  static final int MAX_ROWS = 1000;

  private static final Pattern FIRST_WORD =
      Pattern.compile("^(?:\\s+|--[^\\n]*(?:\\n|$)|/\\*(?s:.*?)\\*/)*([A-Za-z]+)");

  private static final Set<String> TRANSACTION_CONTROL =
      Set.of(
          "BEGIN",
          "START",
          "COMMIT",
          "END",
          "ROLLBACK",
          "ABORT",
          "SAVEPOINT",
          "RELEASE",
          "PREPARE");

  private HealthChecks() {}

  /** Runs every check, in order; a failing query fails its check and the next one still runs. */
  public static List<CheckResult> run(Connection connection, List<HealthCheck> checks)
      throws SQLException {
    List<CheckResult> out = new ArrayList<>(checks.size());
    if (checks.isEmpty()) {
      return out;
    }
    Dialect dialect =
        connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("sqlite")
            ? Dialect.SQLITE
            : Dialect.POSTGRES;
    boolean auto = connection.getAutoCommit();
    Savepoint outer = null;
    if (auto) {
      connection.setAutoCommit(false);
    } else {
      outer = connection.setSavepoint();
    }
    try {
      for (HealthCheck h : checks) {
        String refused = refusal(h.sql(), dialect);
        out.add(
            refused != null
                ? new CheckResult(h.sql(), h.expect(), null, false, refused, 0)
                : runOne(connection, h));
      }
    } finally {
      if (auto) {
        try {
          connection.rollback();
        } finally {
          connection.setAutoCommit(true);
        }
      } else {
        connection.rollback(outer);
      }
    }
    return out;
  }

  /** Why a check is not run, or null: it must be one statement and no transaction control. */
  static String refusal(String sql, Dialect dialect) {
    List<SqlStatement> statements;
    try {
      statements = StatementSplitter.split(sql, dialect);
    } catch (SqlSplitException e) {
      return "not run: the check does not parse as SQL (" + e.getMessage() + ")";
    }
    if (statements.size() != 1) {
      return "not run: a check is one statement, this holds " + statements.size();
    }
    Matcher m = FIRST_WORD.matcher(statements.get(0).sql());
    if (m.find() && TRANSACTION_CONTROL.contains(m.group(1).toUpperCase(Locale.ROOT))) {
      return "not run: "
          + m.group(1).toUpperCase(Locale.ROOT)
          + " is transaction control, which would let a check keep changes";
    }
    return null;
  }

  private static CheckResult runOne(Connection connection, HealthCheck h) throws SQLException {
    long t0 = System.nanoTime();
    Savepoint sp = connection.setSavepoint();
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
      return new CheckResult(h.sql(), h.expect(), null, false, e.getMessage(), millis(t0));
    } finally {
      connection.rollback(sp);
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

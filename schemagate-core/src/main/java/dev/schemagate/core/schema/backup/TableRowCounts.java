package dev.schemagate.core.schema.backup;

import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.history.Database;
import dev.schemagate.core.sql.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the list of tables and each table's row count. PostgreSQL: every ordinary and
 * partitioned table outside the system schemas, named {@code schema.table}; SQLite: every table but
 * SQLite's own.
 *
 * <p>Equal counts do not prove equal rows; they catch a missing table, a table restored empty and a
 * source that changed since the backup, which is what a restore test is for.
 */
public final class TableRowCounts implements RestoredCheck {

  private static final String PG_TABLES =
      "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog',"
          + " 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'"
          + " AND n.nspname NOT LIKE 'pg\\_temp%'";

  private static final String SQLITE_TABLES =
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE"
          + " '\\'";

  @Override
  public Outcome compare(ConnectionSpec source, ConnectionSpec restored) {
    SortedMap<String, Long> before;
    SortedMap<String, Long> after;
    try {
      before = counts(source);
    } catch (SQLException | SchemagateException e) {
      return new Outcome(false, "could not count the rows of the source: " + e.getMessage());
    }
    try {
      after = counts(restored);
    } catch (SQLException | SchemagateException e) {
      return new Outcome(
          false, "could not count the rows of the restored backup: " + e.getMessage());
    }
    return compare(before, after);
  }

  /** The comparison itself, on counts already read: differences first, one line each. */
  static Outcome compare(Map<String, Long> source, Map<String, Long> restored) {
    List<String> differences = new ArrayList<>();
    for (String table : new TreeSet<>(union(source, restored))) {
      Long s = source.get(table);
      Long r = restored.get(table);
      if (r == null) {
        differences.add(table + ": only in the source (" + rows(s) + ")");
      } else if (s == null) {
        differences.add(table + ": only in the backup (" + rows(r) + ")");
      } else if (!s.equals(r)) {
        differences.add(table + ": " + rows(s) + " in the source, " + r + " in the backup");
      }
    }
    if (!differences.isEmpty()) {
      return new Outcome(
          false, "tables and row counts differ from the source: " + String.join("; ", differences));
    }
    long total = source.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder sb = new StringBuilder();
    sb.append(source.size())
        .append(source.size() == 1 ? " table" : " tables")
        .append(" and their row counts match the source (")
        .append(total)
        .append(total == 1 ? " row" : " rows")
        .append(" in all)");
    String sep = ": ";
    for (Map.Entry<String, Long> e : new TreeMap<>(source).entrySet()) {
      sb.append(sep).append(e.getKey()).append(' ').append(e.getValue());
      sep = ", ";
    }
    return new Outcome(true, sb.toString());
  }

  private static java.util.Set<String> union(Map<String, Long> a, Map<String, Long> b) {
    var all = new TreeSet<>(a.keySet());
    all.addAll(b.keySet());
    return all;
  }

  private static String rows(long n) {
    return n + (n == 1 ? " row" : " rows");
  }

  /** Row count per table of one database. */
  static SortedMap<String, Long> counts(ConnectionSpec spec) throws SQLException {
    SortedMap<String, String> tables = new TreeMap<>(); // display name -> quoted name
    try (Connection c = Database.open(spec, "schemagate verify");
        Statement st = c.createStatement()) {
      if (spec.dialect() == Dialect.POSTGRES) {
        try (ResultSet rs = st.executeQuery(PG_TABLES)) {
          while (rs.next()) {
            tables.put(
                rs.getString(1) + "." + rs.getString(2),
                quote(rs.getString(1)) + "." + quote(rs.getString(2)));
          }
        }
      } else {
        try (ResultSet rs = st.executeQuery(SQLITE_TABLES)) {
          while (rs.next()) {
            tables.put(rs.getString(1), quote(rs.getString(1)));
          }
        }
      }
      SortedMap<String, Long> counts = new TreeMap<>();
      for (Map.Entry<String, String> t : tables.entrySet()) {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t.getValue())) {
          rs.next();
          counts.put(t.getKey(), rs.getLong(1));
        }
      }
      return counts;
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}

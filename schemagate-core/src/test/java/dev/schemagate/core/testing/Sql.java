package dev.schemagate.core.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Small JDBC reads for assertions. */
public final class Sql {
  private Sql() {}

  public static List<String> column(Connection c, String query) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  public static List<String> column(String jdbcUrl, String query) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl)) {
      return column(c, query);
    }
  }

  /** User tables of a SQLite file (version tables included). */
  public static Set<String> sqliteTables(String jdbcUrl) throws SQLException {
    return new TreeSet<>(
        column(
            jdbcUrl,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"));
  }

  /** Tables of the public schema of a PostgreSQL database. */
  public static Set<String> postgresTables(Connection c) throws SQLException {
    return new TreeSet<>(
        column(
            c, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"));
  }
}

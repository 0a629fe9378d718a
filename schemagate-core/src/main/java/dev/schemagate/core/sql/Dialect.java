package dev.schemagate.core.sql;

/** The SQL dialects schemagate runs against. */
public enum Dialect {
  POSTGRES,
  SQLITE;

  /** The dialect of a JDBC URL, or null when it is neither PostgreSQL nor SQLite. */
  public static Dialect ofJdbcUrl(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRES;
    }
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    return null;
  }
}

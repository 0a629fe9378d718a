package dev.schemagate.core.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A fresh database on the test PostgreSQL server, reached as the superuser {@code postgres} without
 * a password (the embedded server trusts local connections).
 */
public record PostgresDatabase(int port, String name) {

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + name + "?user=postgres";
  }

  public String libpqUrl() {
    return "postgres://postgres@localhost:" + port + "/" + name;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + port + "/" + name, "postgres", "");
  }
}

package dev.schemagate.core.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one real PostgreSQL server (embedded binaries from Maven Central) per test JVM, on first
 * use, and gives each test parameter of type {@link PostgresDatabase} a new empty database. The
 * server lives in JUnit's root store, so it is shared by every test class and stopped at the end.
 */
public final class EmbeddedPostgresExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == PostgresDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    Server server =
        e.getRoot()
            .getStore(ExtensionContext.Namespace.GLOBAL)
            .getOrComputeIfAbsent(Server.class, k -> new Server(), Server.class);
    return server.newDatabase();
  }

  /** The shared server; closed by JUnit when the run ends. */
  static final class Server implements ExtensionContext.Store.CloseableResource {
    private final EmbeddedPostgres postgres;
    private final AtomicInteger counter = new AtomicInteger();

    Server() {
      try {
        postgres =
            EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
    }

    PostgresDatabase newDatabase() {
      String name = "sg_test_" + counter.incrementAndGet();
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE " + name);
      } catch (SQLException e) {
        throw new IllegalStateException("could not create test database " + name, e);
      }
      return new PostgresDatabase(postgres.getPort(), name);
    }

    @Override
    public void close() throws IOException {
      postgres.close();
    }
  }
}

package dev.schemagate.core.schema.scratch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.history.Database;
import dev.schemagate.core.sql.Dialect;
import dev.schemagate.core.testing.EmbeddedPostgresExtension;
import dev.schemagate.core.testing.PostgresDatabase;
import dev.schemagate.core.testing.Sql;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith({EmbeddedPostgresExtension.class, Pg15Scratch.class})
class ScratchServerTest {

  @TempDir Path temp;

  private static List<String> databases(Connection c) throws Exception {
    return Sql.column(c, "SELECT datname FROM pg_database");
  }

  private static List<Path> contents(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void embeddedServerGivesSeparateEmptyDatabasesAndDropsThemOnClose() throws Exception {
    ScratchServer server =
        new ScratchServer(ScratchSettings.defaults().withBinariesCache(Pg15Scratch.cache()), temp);
    ScratchDatabase a = server.create(Dialect.POSTGRES);
    ScratchDatabase b = server.create(Dialect.POSTGRES);
    assertThat(a.name()).isNotEqualTo(b.name()).startsWith("sg_scratch_");
    assertThat(server.postgresVersion()).matches("\\d+\\.\\d+");
    try (Connection ca = Database.open(a.spec(), "test");
        Connection cb = Database.open(b.spec(), "test");
        Statement st = ca.createStatement()) {
      assertThat(Sql.postgresTables(ca)).isEmpty();
      st.execute("CREATE TABLE t (id int)");
      assertThat(Sql.postgresTables(ca)).containsExactly("t");
      assertThat(Sql.postgresTables(cb)).isEmpty();
      // closing while a connection to it is still open: the drop forces it out
      a.close();
      assertThat(databases(cb)).doesNotContain(a.name()).contains(b.name());
    }
    assertThat(contents(temp)).hasSize(1); // the server's own folder, holding its data
    int port = Integer.parseInt(b.spec().jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));

    server.close();

    assertThat(contents(temp)).isEmpty();
    assertThatThrownBy(() -> DriverManager.getConnection(b.spec().jdbcUrl(), "postgres", ""))
        .as("server on port %d stopped", port)
        .isInstanceOf(java.sql.SQLException.class);
  }

  @Test
  void databaseOnProvidedServerIsDroppedWhenTheBlockThrows(PostgresDatabase shared)
      throws Exception {
    String url = "jdbc:postgresql://localhost:" + shared.port() + "/postgres?user=postgres";
    String name;
    try (ScratchServer server =
        new ScratchServer(ScratchSettings.defaults().withScratchUrl(url), temp)) {
      String[] seen = new String[1];
      Throwable thrown =
          catchThrowableOfType(
              () -> {
                try (ScratchDatabase db = server.create(Dialect.POSTGRES)) {
                  seen[0] = db.name();
                  Connection c = Database.open(db.spec(), "left open on purpose");
                  c.createStatement().execute("CREATE TABLE t (id int)");
                  throw new IllegalStateException("migration failed");
                }
              },
              IllegalStateException.class);
      assertThat(thrown).hasMessage("migration failed");
      name = seen[0];
      assertThat(server.describe()).contains("localhost:" + shared.port());
    }
    try (Connection c = shared.connect()) {
      assertThat(name).startsWith("sg_scratch_");
      assertThat(databases(c)).doesNotContain(name);
    }
    assertThat(contents(temp)).isEmpty();
  }

  @Test
  void closingTheServerDropsDatabasesLeftOpen(PostgresDatabase shared) throws Exception {
    String url = "postgres://postgres@localhost:" + shared.port() + "/postgres";
    ScratchServer server = new ScratchServer(ScratchSettings.defaults().withScratchUrl(url), temp);
    ScratchDatabase forgotten = server.create(Dialect.POSTGRES);
    try (Connection c = shared.connect()) {
      assertThat(databases(c)).contains(forgotten.name());
      server.close();
      assertThat(databases(c)).doesNotContain(forgotten.name());
    }
  }

  @Test
  void sqliteScratchFileIsDeletedEvenWhenTheBlockThrows() throws Exception {
    try (ScratchServer server = new ScratchServer(ScratchSettings.defaults(), temp)) {
      Path[] file = new Path[1];
      assertThatThrownBy(
              () -> {
                try (ScratchDatabase db = server.create(Dialect.SQLITE)) {
                  file[0] = Path.of(db.name());
                  try (Connection c = Database.open(db.spec(), "test")) {
                    c.createStatement().execute("CREATE TABLE t (id int)");
                  }
                  assertThat(file[0]).exists();
                  throw new IllegalStateException("boom");
                }
              })
          .hasMessage("boom");
      assertThat(file[0]).doesNotExist();
      try (ScratchDatabase other = server.create(Dialect.SQLITE);
          Connection c = Database.open(other.spec(), "test")) {
        assertThat(Sql.column(c, "SELECT name FROM sqlite_master")).isEmpty();
      }
    }
    assertThat(contents(temp)).isEmpty();
  }

  @Test
  void missingBinariesJarFailsToStartNamingTheWayOutAndLeavesNothing() throws Exception {
    Path missing = temp.resolve("jars").resolve("nowhere-15.jar");
    Path root = Files.createDirectories(temp.resolve("root"));
    try (ScratchServer server =
        new ScratchServer(ScratchSettings.defaults().withPostgresJar(missing), root)) {
      SchemagateException e =
          catchThrowableOfType(() -> server.create(Dialect.POSTGRES), SchemagateException.class);
      assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
      assertThat(e.getMessage())
          .startsWith("scratch PostgreSQL could not start: ")
          .contains(missing.toString())
          .contains("does not exist");
      assertThat(e.nextStep())
          .contains("pass --scratch-url jdbc:postgresql://host/postgres for a server you provide");
      assertThat(contents(root)).isEmpty();
    }
  }

  @Test
  void garbageBinariesJarFailsToStartAndLeavesNothing() throws Exception {
    Path garbage = temp.resolve("garbage.jar");
    Files.write(garbage, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    Path root = Files.createDirectories(temp.resolve("root"));
    try (ScratchServer server =
        new ScratchServer(ScratchSettings.defaults().withPostgresJar(garbage), root)) {
      // An SQLite database made before the failed start survives it.
      ScratchDatabase sqlite = server.create(Dialect.SQLITE);
      assertThatThrownBy(() -> server.create(Dialect.POSTGRES))
          .isInstanceOf(SchemagateException.class)
          .hasMessageStartingWith("scratch PostgreSQL could not start: ")
          .hasMessageContaining("not a readable jar");
      try (Connection c = Database.open(sqlite.spec(), "test")) {
        c.createStatement().execute("CREATE TABLE t (id int)");
      }
      sqlite.close();
    }
    assertThat(contents(root)).isEmpty();
  }

  @Test
  void unreachableScratchUrlSaysSoAndHowToDoWithout() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = "postgres://scratch:hunter2@127.0.0.1:" + port + "/postgres";
    try (ScratchServer server =
        new ScratchServer(ScratchSettings.defaults().withScratchUrl(url), temp)) {
      SchemagateException e =
          catchThrowableOfType(() -> server.create(Dialect.POSTGRES), SchemagateException.class);
      assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
      assertThat(e.getMessage())
          .contains("scratch server unusable")
          .contains("cannot reach")
          .contains("127.0.0.1:" + port)
          .doesNotContain("hunter2");
      assertThat(e.nextStep()).contains("omit --scratch-url");
    }
    assertThat(contents(temp)).isEmpty();
  }

  @Test
  void runsTheConfiguredMajorVersionFromAnExplicitJar(ScratchServer pg15) throws Exception {
    assertThat(pg15.postgresVersion()).isEqualTo("15.18");
    assertThat(pg15.postgresVersionNum()).isBetween(150000, 159999);
    try (ScratchDatabase db = pg15.create(Dialect.POSTGRES);
        Connection c = Database.open(db.spec(), "test")) {
      assertThat(Sql.column(c, "SHOW server_version").get(0)).startsWith("15.18");
    }
  }

  @Test
  void jarOfAnotherMajorThanConfiguredIsRefusedAndStopped() throws Exception {
    Path root = Files.createDirectories(temp.resolve("root"));
    ScratchSettings settings =
        ScratchSettings.defaults()
            .withPostgresMajor(16)
            .withPostgresJar(Pg15Scratch.jar())
            .withBinariesCache(Pg15Scratch.cache());
    try (ScratchServer server = new ScratchServer(settings, root)) {
      assertThatThrownBy(() -> server.create(Dialect.POSTGRES))
          .isInstanceOf(SchemagateException.class)
          .hasMessageContaining("could not start")
          .hasMessageContaining("PostgreSQL 15.18, not 16");
    }
    assertThat(contents(root)).isEmpty();
  }
}

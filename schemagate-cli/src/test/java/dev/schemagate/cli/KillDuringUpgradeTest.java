package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.testing.EmbeddedPostgresExtension;
import dev.schemagate.core.testing.NativeFiles;
import dev.schemagate.core.testing.PostgresDatabase;
import dev.schemagate.core.testing.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of an upgrade, then a rerun: the version tables must match the schema. */
@ExtendWith(EmbeddedPostgresExtension.class)
class KillDuringUpgradeTest {
  @TempDir Path tmp;

  @Test
  void rerunAfterKillCompletesAndVersionTablesMatchTheSchema(PostgresDatabase db) throws Exception {
    Path dir = tmp.resolve("migrations");
    NativeFiles.write(
        dir, "a1", List.of(), "CREATE TABLE first_t (id int);", "DROP TABLE first_t;");
    NativeFiles.write(
        dir,
        "b2",
        List.of("a1"),
        "CREATE TABLE second_t (id int);\nSELECT pg_sleep(2);\nINSERT INTO second_t VALUES (1);",
        "DROP TABLE second_t;");
    NativeFiles.write(
        dir, "c3", List.of("b2"), "CREATE TABLE third_t (id int);", "DROP TABLE third_t;");

    Path log = tmp.resolve("killed.log");
    Process p =
        CliProcess.start(
            log, "--url", db.jdbcUrl(), "--migrations", dir.toString(), "upgrade", "head");
    try (Connection c = db.connect()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (Sql.column(
              c, "SELECT pid FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(2)%'")
          .isEmpty()) {
        assertThat(System.nanoTime())
            .as("upgrade never reached b2: %s", Files.readString(log))
            .isLessThan(deadline);
        Thread.sleep(20);
      }
      p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no rollback from the client
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(Sql.column(c, "SELECT version_num FROM schemagate_version")).containsExactly("a1");
    }

    Path rerunLog = tmp.resolve("rerun.log");
    Process rerun =
        CliProcess.start(
            rerunLog, "--url", db.jdbcUrl(), "--migrations", dir.toString(), "upgrade", "head");
    assertThat(rerun.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(rerun.exitValue()).as(Files.readString(rerunLog)).isZero();
    try (Connection c = db.connect()) {
      assertThat(Sql.column(c, "SELECT version_num FROM schemagate_version")).containsExactly("c3");
      assertThat(Sql.postgresTables(c)).contains("first_t", "second_t", "third_t");
      assertThat(Sql.column(c, "SELECT count(*) FROM second_t")).containsExactly("1");
      assertThat(
              Sql.column(
                  c,
                  "SELECT revision FROM schemagate_history WHERE outcome = 'success' ORDER BY id"))
          .containsExactly("a1", "b2", "c3");
    }
  }
}

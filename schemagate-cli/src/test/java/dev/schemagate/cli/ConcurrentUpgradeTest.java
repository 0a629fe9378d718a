package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.testing.EmbeddedPostgresExtension;
import dev.schemagate.core.testing.NativeFiles;
import dev.schemagate.core.testing.PostgresDatabase;
import dev.schemagate.core.testing.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight processes upgrade one database at once, through a CREATE INDEX CONCURRENTLY migration: the
 * case where a lock held inside a transaction would make the index build wait forever.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class ConcurrentUpgradeTest {
  @TempDir Path tmp;

  @Test
  void eightProcessesApplyEachMigrationExactlyOnceAndNoneHangs(PostgresDatabase db)
      throws Exception {
    Path dir = tmp.resolve("migrations");
    NativeFiles.write(
        dir,
        "a1",
        List.of(),
        "CREATE TABLE events (id bigint PRIMARY KEY, kind text);\n"
            + "INSERT INTO events SELECT g, 'k' || (g % 10) FROM generate_series(1, 20000) g;",
        "DROP TABLE events;");
    NativeFiles.write(
        dir,
        "b2",
        List.of("a1"),
        "CREATE INDEX CONCURRENTLY events_kind ON events (kind);",
        "DROP INDEX CONCURRENTLY events_kind;",
        false);
    NativeFiles.write(
        dir, "c3", List.of("b2"), "CREATE TABLE after_index (id int);", "DROP TABLE after_index;");

    List<Process> processes = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Path log = tmp.resolve("p" + i + ".log");
      logs.add(log);
      processes.add(
          CliProcess.start(
              log,
              "--url",
              db.jdbcUrl(),
              "--migrations",
              dir.toString(),
              "upgrade",
              "head",
              "--lock-timeout",
              "120"));
    }
    for (int i = 0; i < processes.size(); i++) {
      Process p = processes.get(i);
      boolean finished = p.waitFor(150, TimeUnit.SECONDS);
      if (!finished) {
        processes.forEach(Process::destroyForcibly);
      }
      assertThat(finished).as("process %d hung: %s", i, Files.readString(logs.get(i))).isTrue();
      assertThat(p.exitValue()).as(Files.readString(logs.get(i))).isZero();
    }
    try (Connection c = db.connect()) {
      assertThat(
              Sql.column(
                  c,
                  "SELECT revision || ':' || count(*) FROM schemagate_history WHERE outcome = 'success'"
                      + " GROUP BY revision ORDER BY revision"))
          .containsExactly("a1:1", "b2:1", "c3:1");
      assertThat(Sql.column(c, "SELECT version_num FROM schemagate_version")).containsExactly("c3");
      assertThat(
              Sql.column(
                  c,
                  "SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'events_kind'::regclass"))
          .containsExactly("true");
    }
  }
}

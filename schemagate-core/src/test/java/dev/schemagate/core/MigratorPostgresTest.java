package dev.schemagate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.schemagate.core.api.MigrateRequest;
import dev.schemagate.core.api.MigrateResult;
import dev.schemagate.core.api.ResolveRequest;
import dev.schemagate.core.api.RunMode;
import dev.schemagate.core.api.StatusResult;
import dev.schemagate.core.history.LockTimeoutException;
import dev.schemagate.core.history.Outcome;
import dev.schemagate.core.run.MigrationFailedException;
import dev.schemagate.core.run.StepResult;
import dev.schemagate.core.testing.EmbeddedPostgresExtension;
import dev.schemagate.core.testing.NativeFiles;
import dev.schemagate.core.testing.PostgresDatabase;
import dev.schemagate.core.testing.Sql;
import dev.schemagate.core.testing.TestMigrators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(EmbeddedPostgresExtension.class)
class MigratorPostgresTest {
  @TempDir Path tmp;

  @Test
  void exampleProjectUpgradesDowngradesAndUpgradesAgain(PostgresDatabase db) throws Exception {
    Migrator m = TestMigrators.of(NativeFiles.exampleProject(), db.jdbcUrl());
    MigrateResult up = m.upgrade(MigrateRequest.live("head"));
    try (Connection c = db.connect()) {
      assertThat(Sql.postgresTables(c))
          .contains(
              "users", "onboarding_steps", "invoices", "agent_versions", "v_user_billing_agents");
      assertThat(Sql.column(c, "SELECT count(*) FROM onboarding_steps")).containsExactly("6");
    }
    MigrateResult down = m.downgrade(MigrateRequest.live("base"));
    assertThat(down.steps()).hasSameSizeAs(up.steps());
    try (Connection c = db.connect()) {
      assertThat(Sql.postgresTables(c)).containsOnly("schemagate_version", "schemagate_history");
    }
    MigrateResult again = m.upgrade(MigrateRequest.live("head"));
    assertThat(again.headsAfter()).isEqualTo(up.headsAfter());
    assertThat(m.status().pending()).isZero();
  }

  @Test
  void concurrentIndexRunsOutsideATransactionWhenTheFileSaysSo(PostgresDatabase db)
      throws Exception {
    Path dir = tmp.resolve("m");
    NativeFiles.write(dir, "a1", List.of(), "CREATE TABLE t (id int, v text);", "DROP TABLE t;");
    NativeFiles.write(
        dir,
        "b2",
        List.of("a1"),
        "CREATE INDEX CONCURRENTLY t_v ON t (v);\nCREATE INDEX CONCURRENTLY t_id ON t (id);",
        "DROP INDEX CONCURRENTLY t_id;\nDROP INDEX CONCURRENTLY t_v;",
        false);
    MigrateResult r = TestMigrators.of(dir, db.jdbcUrl()).upgrade(MigrateRequest.live("head"));
    assertThat(r.steps()).extracting(StepResult::transactional).containsExactly(true, false);
    try (Connection c = db.connect()) {
      assertThat(Sql.column(c, "SELECT indexname FROM pg_indexes WHERE tablename = 't' ORDER BY 1"))
          .containsExactly("t_id", "t_v");
    }
  }

  @Test
  void failedNonTransactionalMigrationIsRecordedPartialAndBlocksUntilResolved(PostgresDatabase db)
      throws Exception {
    Path dir = tmp.resolve("m");
    NativeFiles.write(dir, "a1", List.of(), "CREATE TABLE t (id int);", "DROP TABLE t;");
    Path b =
        NativeFiles.write(
            dir,
            "b2",
            List.of("a1"),
            "CREATE INDEX CONCURRENTLY t_id ON t (id);\nCREATE INDEX CONCURRENTLY t_x ON t (no_such_column);",
            "DROP INDEX CONCURRENTLY t_id;",
            false);
    Migrator m = TestMigrators.of(dir, db.jdbcUrl());
    MigrationFailedException e =
        catchThrowableOfType(
            () -> m.upgrade(MigrateRequest.live("head")), MigrationFailedException.class);
    assertThat(e.failed().outcome()).isEqualTo(Outcome.PARTIAL);
    assertThat(e.failed().statements()).isEqualTo(1);
    assertThat(e.nextStep()).contains("schemagate resolve b2");
    assertThat(m.status().failed()).isEqualTo(1);

    SchemagateException blocked =
        catchThrowableOfType(
            () -> m.upgrade(MigrateRequest.live("head")), SchemagateException.class);
    assertThat(blocked.getMessage()).contains("b2").contains("blocked");
    assertThat(blocked.nextStep()).contains("resolve b2");

    // Undo by hand, fix the file, declare it rolled back: the next run applies it.
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      st.execute("DROP INDEX t_id");
    }
    Files.writeString(b, Files.readString(b).replace("no_such_column", "id"));
    m.resolve(new ResolveRequest("b2", false));
    MigrateResult r = m.upgrade(MigrateRequest.live("head"));
    assertThat(r.steps()).extracting(StepResult::revision).containsExactly("b2");
    assertThat(m.status().failed()).isZero();
  }

  @Test
  void lockHeldPastTheTimeoutNamesTheHolderAndChangesNothing(PostgresDatabase db) throws Exception {
    Path dir = tmp.resolve("m");
    NativeFiles.write(dir, "a1", List.of(), "CREATE TABLE t (id int);", "DROP TABLE t;");
    try (Connection holder = db.connect();
        Statement st = holder.createStatement()) {
      st.execute("SET application_name = 'other-deploy-job'");
      st.execute("SELECT pg_advisory_lock(" + 0x5C4E_6A7EL + ")");
      MigrateRequest request =
          new MigrateRequest("head", RunMode.LIVE, null, Duration.ofMillis(500), null, null);
      LockTimeoutException e =
          catchThrowableOfType(
              () -> TestMigrators.of(dir, db.jdbcUrl()).upgrade(request),
              LockTimeoutException.class);
      assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
      assertThat(e.getMessage()).contains("other-deploy-job").contains("pid");
      assertThat(e.nextStep()).contains("--lock-timeout");
      try (Connection c = db.connect()) {
        assertThat(Sql.postgresTables(c)).isEmpty();
      }
    }
  }

  @Test
  void unreachableHostIsAFailureWithANextStep() {
    Path dir = tmp.resolve("m");
    NativeFiles.write(dir, "a1", List.of(), "CREATE TABLE t (id int);", "DROP TABLE t;");
    SchemagateException e =
        catchThrowableOfType(
            () ->
                TestMigrators.of(dir, "postgres://u:hunter2@127.0.0.1:1/db")
                    .upgrade(MigrateRequest.live("head")),
            SchemagateException.class);
    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(e.getMessage())
        .contains("cannot reach")
        .contains("127.0.0.1:1")
        .doesNotContain("hunter2");
    assertThat(e.nextStep()).contains("host and port");
  }

  @Test
  void wrongPasswordIsBadInputAndThePasswordIsNeverShown(PostgresDatabase db) throws Exception {
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      st.execute("CREATE ROLE pw_user LOGIN PASSWORD 'right-one'");
      String hba = Sql.column(c, "SHOW hba_file").get(0);
      String old = Files.readString(Path.of(hba));
      if (!old.contains("pw_user")) {
        Files.writeString(
            Path.of(hba),
            "host all pw_user 127.0.0.1/32 scram-sha-256\nhost all pw_user ::1/128 scram-sha-256\n"
                + old);
      }
      st.execute("SELECT pg_reload_conf()");
    }
    Path dir = tmp.resolve("m");
    NativeFiles.write(dir, "a1", List.of(), "CREATE TABLE t (id int);", "DROP TABLE t;");
    String url = "postgres://pw_user:wrong-secret-9@127.0.0.1:" + db.port() + "/" + db.name();
    SchemagateException e =
        catchThrowableOfType(
            () -> TestMigrators.of(dir, url).upgrade(MigrateRequest.live("head")),
            SchemagateException.class);
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage())
        .contains("cannot log in")
        .contains("pw_user")
        .doesNotContain("wrong-secret-9");
    assertThat(e.nextStep()).contains("password");
    try (Connection c = db.connect()) {
      assertThat(Sql.postgresTables(c)).isEmpty();
    }
  }

  @Test
  void statusShowsAppliedPendingAndTheirCounts(PostgresDatabase db) {
    Path dir = tmp.resolve("m");
    NativeFiles.write(dir, "a1", List.of(), "CREATE TABLE t (id int);", "DROP TABLE t;");
    NativeFiles.write(dir, "b2", List.of("a1"), "CREATE TABLE u (id int);", "DROP TABLE u;");
    Migrator m = TestMigrators.of(dir, db.libpqUrl());
    m.upgrade(MigrateRequest.live("a1"));
    StatusResult s = m.status();
    assertThat(s.entries())
        .extracting(StatusResult.Entry::revision, StatusResult.Entry::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a1", StatusResult.State.APPLIED),
            org.assertj.core.groups.Tuple.tuple("b2", StatusResult.State.PENDING));
    assertThat(s.applied()).isEqualTo(1);
    assertThat(s.pending()).isEqualTo(1);
  }
}

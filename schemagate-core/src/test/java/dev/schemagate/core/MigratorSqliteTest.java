package dev.schemagate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.schemagate.core.api.MigrateRequest;
import dev.schemagate.core.api.MigrateResult;
import dev.schemagate.core.api.RunMode;
import dev.schemagate.core.revision.RevisionGraphException;
import dev.schemagate.core.run.MigrationFailedException;
import dev.schemagate.core.testing.NativeFiles;
import dev.schemagate.core.testing.Sql;
import dev.schemagate.core.testing.TestMigrators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorSqliteTest {
  @TempDir Path tmp;
  Path migrations;
  String url;

  @BeforeEach
  void setUp() {
    migrations = tmp.resolve("migrations");
    url = "jdbc:sqlite:" + tmp.resolve("test.db");
  }

  private Migrator migrator() {
    return TestMigrators.of(migrations, url);
  }

  private List<String> heads() throws Exception {
    return Sql.column(url, "SELECT version_num FROM schemagate_version ORDER BY version_num");
  }

  private List<String> historyRows() throws Exception {
    return Sql.column(
        url,
        "SELECT revision || ' ' || direction || ' ' || outcome FROM schemagate_history ORDER BY id");
  }

  @Test
  void exampleProjectUpgradesDowngradesAndUpgradesAgain() throws Exception {
    Migrator m = TestMigrators.of(NativeFiles.exampleProject(), url);
    MigrateResult up = m.upgrade(MigrateRequest.live("head"));
    assertThat(up.steps()).isNotEmpty();
    assertThat(Sql.sqliteTables(url))
        .contains(
            "users",
            "user_profile",
            "onboarding_sessions",
            "onboarding_steps",
            "user_onboarding_step_state",
            "onboarding_messages",
            "trust_acknowledgements",
            "onboarding_event_log",
            "invoices",
            "transactions",
            "payment_methods",
            "agents",
            "agent_versions");
    assertThat(Sql.column(url, "SELECT count(*) FROM onboarding_steps")).isNotEqualTo(List.of("0"));
    assertThat(heads()).hasSize(1);

    MigrateResult down = m.downgrade(MigrateRequest.live("base"));
    assertThat(down.steps()).hasSameSizeAs(up.steps());
    assertThat(Sql.sqliteTables(url)).containsOnly("schemagate_version", "schemagate_history");
    assertThat(heads()).isEmpty();

    MigrateResult again = m.upgrade(MigrateRequest.live("head"));
    assertThat(again.steps()).hasSameSizeAs(up.steps());
    assertThat(heads()).isEqualTo(up.headsAfter());
  }

  @Test
  void dryRunPrintsTheExactSqlIncludingVersionTablesAndChangesNothing() throws Exception {
    NativeFiles.write(
        migrations, "a1", List.of(), "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
    NativeFiles.write(
        migrations, "b2", List.of("a1"), "CREATE TABLE t2 (id INTEGER);", "DROP TABLE t2;");
    MigrateResult r =
        migrator().upgrade(new MigrateRequest("head", RunMode.DRY_RUN, null, null, null, null));
    assertThat(r.sql())
        .contains("CREATE TABLE IF NOT EXISTS schemagate_version")
        .contains("CREATE TABLE t1 (id INTEGER);")
        .contains("INSERT INTO schemagate_version (version_num) VALUES ('a1');")
        .contains("UPDATE schemagate_version SET version_num = 'b2' WHERE version_num = 'a1';")
        .contains("INSERT INTO schemagate_history");
    assertThat(r.steps()).isEmpty();
    assertThat(Sql.sqliteTables(url)).isEmpty();
  }

  @Test
  void offlineSqlNeedsNoDatabaseAndTakesAnExplicitRange() {
    NativeFiles.write(
        migrations, "a1", List.of(), "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
    NativeFiles.write(
        migrations, "b2", List.of("a1"), "CREATE TABLE t2 (id INTEGER);", "DROP TABLE t2;");
    Migrator offline = TestMigrators.of(migrations, null);
    MigrateResult r =
        offline.upgrade(new MigrateRequest("head", RunMode.SQL, "a1", null, null, null));
    assertThat(r.sql()).contains("CREATE TABLE t2").doesNotContain("CREATE TABLE t1");
    assertThat(r.sql()).doesNotContain("CREATE TABLE IF NOT EXISTS schemagate_version");
    assertThat(r.sql()).contains("BEGIN;").contains("COMMIT;");
  }

  @Test
  void sqlErrorInTheThirdStatementRollsBackThatMigrationOnlyAndNamesFileAndLine() throws Exception {
    NativeFiles.write(
        migrations, "a1", List.of(), "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
    Path bad =
        NativeFiles.write(
            migrations,
            "b2",
            List.of("a1"),
            "CREATE TABLE t2 (id INTEGER);\nINSERT INTO t2 VALUES (1);\nINSERT INTO missing_table VALUES (1);",
            "DROP TABLE t2;");
    MigrationFailedException e =
        catchThrowableOfType(
            () -> migrator().upgrade(MigrateRequest.live("head")), MigrationFailedException.class);
    int line = Files.readAllLines(bad).indexOf("INSERT INTO missing_table VALUES (1);") + 1;
    assertThat(e.getMessage())
        .contains(bad + ":" + line)
        .contains("statement 3 of 3")
        .contains("missing_table")
        .contains("no such table");
    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(e.completed()).extracting(s -> s.revision()).containsExactly("a1");
    assertThat(heads()).containsExactly("a1");
    assertThat(Sql.sqliteTables(url)).contains("t1").doesNotContain("t2");
    assertThat(historyRows()).containsExactly("a1 up success", "b2 up failed");
  }

  @Test
  void migrationEditedAfterApplyIsAnErrorAndBlocksUpgrade() throws Exception {
    Path a =
        NativeFiles.write(
            migrations, "a1", List.of(), "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
    migrator().upgrade(MigrateRequest.live("head"));
    Files.writeString(
        a,
        Files.readString(a)
            .replace("CREATE TABLE t1 (id INTEGER);", "CREATE TABLE t1 (id BIGINT);"));
    NativeFiles.write(
        migrations, "b2", List.of("a1"), "CREATE TABLE t2 (id INTEGER);", "DROP TABLE t2;");

    ValidationFailedException v =
        catchThrowableOfType(() -> migrator().validate(), ValidationFailedException.class);
    assertThat(v.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(v.getMessage()).contains("a1_m.sql").contains("edited after it was applied");
    assertThatThrownBy(() -> migrator().upgrade(MigrateRequest.live("head")))
        .isInstanceOf(ValidationFailedException.class);
    assertThat(heads()).containsExactly("a1");
    assertThat(Sql.sqliteTables(url)).doesNotContain("t2");
  }

  /** Applies a1 so that "nothing changed" can be checked against a non-empty state. */
  private Set<String> applyFirst() throws Exception {
    NativeFiles.write(
        migrations, "a1", List.of(), "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
    migrator().upgrade(MigrateRequest.live("head"));
    return Sql.sqliteTables(url);
  }

  private void assertUnchanged(Set<String> tables) throws Exception {
    assertThat(Sql.sqliteTables(url)).isEqualTo(tables);
    assertThat(heads()).containsExactly("a1");
    assertThat(historyRows()).containsExactly("a1 up success");
  }

  @Test
  void malformedHeaderNamesFileAndLineAndChangesNothing() throws Exception {
    Set<String> before = applyFirst();
    Files.writeString(
        migrations.resolve("b2_m.sql"),
        "-- revision: b2\n-- down_revison: a1\n\n-- +upgrade\nCREATE TABLE t2 (id INTEGER);\n-- +downgrade\nDROP TABLE t2;\n");
    SchemagateException e =
        catchThrowableOfType(
            () -> migrator().upgrade(MigrateRequest.live("head")), SchemagateException.class);
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage()).contains("b2_m.sql:2").contains("down_revison");
    assertThat(e.nextStep()).isNotEmpty();
    assertUnchanged(before);
  }

  @Test
  void nonUtf8FileIsRejectedWithItsLine() throws Exception {
    Set<String> before = applyFirst();
    byte[] text =
        "-- revision: b2\n-- down_revision: a1\n\n-- +upgrade\nINSERT INTO t1 VALUES ('caf"
            .getBytes();
    byte[] tail = "');\n-- +downgrade\nDELETE FROM t1;\n".getBytes();
    byte[] all = new byte[text.length + 1 + tail.length];
    System.arraycopy(text, 0, all, 0, text.length);
    all[text.length] = (byte) 0xE9; // Latin-1 e-acute: not UTF-8
    System.arraycopy(tail, 0, all, text.length + 1, tail.length);
    Files.write(migrations.resolve("b2_m.sql"), all);
    SchemagateException e =
        catchThrowableOfType(
            () -> migrator().upgrade(MigrateRequest.live("head")), SchemagateException.class);
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage()).contains("b2_m.sql:5").containsIgnoringCase("UTF-8");
    assertUnchanged(before);
  }

  @Test
  void duplicateIdNamesBothFiles() throws Exception {
    Set<String> before = applyFirst();
    Files.writeString(
        migrations.resolve("a1_copy.sql"),
        "-- revision: a1\n\n-- +upgrade\nCREATE TABLE t9 (id INTEGER);\n-- +downgrade\nDROP TABLE t9;\n");
    // The native reader sees the clash first; the graph would report it for other layouts.
    SchemagateException e =
        catchThrowableOfType(
            () -> migrator().upgrade(MigrateRequest.live("head")), SchemagateException.class);
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage()).contains("a1_copy.sql").contains("a1_m.sql").contains("a1");
    assertUnchanged(before);
  }

  @Test
  void missingParentNamesTheFile() throws Exception {
    Set<String> before = applyFirst();
    NativeFiles.write(
        migrations, "b2", List.of("zz9"), "CREATE TABLE t2 (id INTEGER);", "DROP TABLE t2;");
    RevisionGraphException e =
        catchThrowableOfType(
            () -> migrator().upgrade(MigrateRequest.live("head")), RevisionGraphException.class);
    assertThat(e.kind()).isEqualTo(RevisionGraphException.Kind.MISSING_PARENT);
    assertThat(e.getMessage()).contains("b2_m.sql").contains("zz9");
    assertUnchanged(before);
  }

  @Test
  void cycleIsReportedWithItsRevisions() throws Exception {
    Set<String> before = applyFirst();
    NativeFiles.write(
        migrations, "c3", List.of("a1", "d4"), "CREATE TABLE t3 (id INTEGER);", "DROP TABLE t3;");
    NativeFiles.write(
        migrations, "d4", List.of("c3"), "CREATE TABLE t4 (id INTEGER);", "DROP TABLE t4;");
    RevisionGraphException e =
        catchThrowableOfType(
            () -> migrator().upgrade(MigrateRequest.live("head")), RevisionGraphException.class);
    assertThat(e.kind()).isEqualTo(RevisionGraphException.Kind.CYCLE);
    assertThat(e.getMessage()).contains("c3").contains("d4");
    assertUnchanged(before);
  }

  @Test
  void headWithTwoHeadsListsThemAndSaysHowToTargetOne() throws Exception {
    Set<String> before = applyFirst();
    NativeFiles.write(
        migrations, "b2", List.of("a1"), "CREATE TABLE t2 (id INTEGER);", "DROP TABLE t2;");
    NativeFiles.write(
        migrations, "c3", List.of("a1"), "CREATE TABLE t3 (id INTEGER);", "DROP TABLE t3;");
    RevisionGraphException e =
        catchThrowableOfType(
            () -> migrator().upgrade(MigrateRequest.live("head")), RevisionGraphException.class);
    assertThat(e.kind()).isEqualTo(RevisionGraphException.Kind.MULTIPLE_HEADS);
    assertThat(e.getMessage()).contains("b2").contains("c3");
    assertThat(e.nextStep()).contains("heads");
    assertUnchanged(before);
  }

  @Test
  void unknownTargetIsBadInput() throws Exception {
    Set<String> before = applyFirst();
    RevisionGraphException e =
        catchThrowableOfType(
            () -> migrator().upgrade(MigrateRequest.live("nosuchrev")),
            RevisionGraphException.class);
    assertThat(e.kind()).isEqualTo(RevisionGraphException.Kind.UNKNOWN_REVISION);
    assertThat(e.getMessage()).contains("nosuchrev");
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertUnchanged(before);
  }

  @Test
  void stampMovesTheVersionTablesWithoutRunningSql() throws Exception {
    NativeFiles.write(
        migrations, "a1", List.of(), "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
    NativeFiles.write(
        migrations, "b2", List.of("a1"), "CREATE TABLE t2 (id INTEGER);", "DROP TABLE t2;");
    migrator().stamp(MigrateRequest.live("head"));
    assertThat(heads()).containsExactly("b2");
    assertThat(Sql.sqliteTables(url)).doesNotContain("t1", "t2");
    migrator().stamp(MigrateRequest.live("a1"));
    assertThat(heads()).containsExactly("a1");
    assertThat(migrator().upgrade(MigrateRequest.live("head")).steps())
        .extracting(s -> s.revision())
        .containsExactly("b2");
  }

  @Test
  void anEmbeddingApplicationCannotMigrateAGovernedDatabaseWithoutAWorkOrder() throws Exception {
    NativeFiles.write(
        migrations, "a1", List.of(), "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
    Files.writeString(
        tmp.resolve("schemagate.yaml"),
        "migrations: migrations\nenvironments:\n  prod:\n    url_env: PROD_URL\n    governed: true\n");
    Migrator governed =
        Migrator.open(
            new dev.schemagate.core.config.WorkspaceOptions(
                null, "prod", null, null, null, java.util.Map.of("PROD_URL", url), tmp),
            new RunIdentity("tester", "h", "test", java.time.Clock.systemUTC()));
    SchemagateException e =
        catchThrowableOfType(
            () -> governed.upgrade(MigrateRequest.live("head")), SchemagateException.class);
    assertThat(e.exitCode()).isEqualTo(ExitCode.BLOCKED);
    assertThat(e.getMessage()).contains("prod").contains("governed").contains("work order");
    assertThat(Sql.sqliteTables(url)).isEmpty();
    MigrateResult dry =
        governed.upgrade(new MigrateRequest("head", RunMode.DRY_RUN, null, null, null, null));
    assertThat(dry.sql()).contains("CREATE TABLE t1");
    assertThat(Sql.sqliteTables(url)).isEmpty();
  }

  @Test
  void dbmateAndGolangMigrateFoldersRunInPlace() throws Exception {
    Path dbmate = tmp.resolve("dbmate");
    Files.createDirectories(dbmate);
    Files.writeString(
        dbmate.resolve("20240101000000_users.sql"),
        "-- migrate:up\nCREATE TABLE users (id INTEGER);\n\n-- migrate:down\nDROP TABLE users;\n");
    Files.writeString(
        dbmate.resolve("20240201000000_posts.sql"),
        "-- migrate:up transaction:false\nCREATE TABLE posts (id INTEGER);\n\n-- migrate:down\nDROP TABLE posts;\n");
    MigrateResult r = TestMigrators.of(dbmate, url).upgrade(MigrateRequest.live("head"));
    assertThat(r.steps())
        .extracting(s -> s.revision())
        .containsExactly("20240101000000", "20240201000000");
    assertThat(r.steps()).extracting(s -> s.transactional()).containsExactly(true, false);

    Path golang = tmp.resolve("golang");
    Files.createDirectories(golang);
    for (int i : new int[] {1, 2, 10}) {
      Files.writeString(
          golang.resolve(i + "_t" + i + ".up.sql"), "CREATE TABLE g" + i + " (id INTEGER);");
      Files.writeString(golang.resolve(i + "_t" + i + ".down.sql"), "DROP TABLE g" + i + ";");
    }
    String url2 = "jdbc:sqlite:" + tmp.resolve("golang.db");
    MigrateResult g = TestMigrators.of(golang, url2).upgrade(MigrateRequest.live("head"));
    assertThat(g.steps()).extracting(s -> s.revision()).containsExactly("1", "2", "10");
    TestMigrators.of(golang, url2).downgrade(MigrateRequest.live("base"));
    assertThat(Sql.sqliteTables(url2)).containsOnly("schemagate_version", "schemagate_history");
  }

  @Test
  void flywayRepeatableRunsAfterVersionedAndAgainOnlyWhenItChanges() throws Exception {
    Path flyway = tmp.resolve("flyway");
    Files.createDirectories(flyway);
    Files.writeString(flyway.resolve("V1__t.sql"), "CREATE TABLE t (id INTEGER);");
    Files.writeString(flyway.resolve("V1.1__u.sql"), "CREATE TABLE u (id INTEGER);");
    Path view = flyway.resolve("R__t_view.sql");
    Files.writeString(view, "DROP VIEW IF EXISTS t_view;\nCREATE VIEW t_view AS SELECT id FROM t;");
    Migrator m = TestMigrators.of(flyway, url);
    assertThat(m.upgrade(MigrateRequest.live("head")).plan())
        .extracting(p -> p.revision() + " " + p.direction())
        .containsExactly("1 up", "1.1 up", "R__t_view rerun");
    assertThat(m.upgrade(MigrateRequest.live("head")).plan()).isEmpty();
    Files.writeString(
        view, "DROP VIEW IF EXISTS t_view;\nCREATE VIEW t_view AS SELECT id, 1 AS one FROM t;");
    assertThat(m.upgrade(MigrateRequest.live("head")).plan())
        .extracting(p -> p.revision())
        .containsExactly("R__t_view");
    assertThat(Sql.column(url, "SELECT one FROM t_view")).isEmpty();
  }
}

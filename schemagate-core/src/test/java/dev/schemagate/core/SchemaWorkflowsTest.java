package dev.schemagate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.schemagate.core.api.BaselineResult;
import dev.schemagate.core.api.DiffReport;
import dev.schemagate.core.api.MigrateRequest;
import dev.schemagate.core.api.ParityStampResult;
import dev.schemagate.core.api.SchemaRequest;
import dev.schemagate.core.schema.ObjectKind;
import dev.schemagate.core.schema.diff.Change;
import dev.schemagate.core.schema.diff.ChangeType;
import dev.schemagate.core.schema.diff.DiffOptions;
import dev.schemagate.core.schema.diff.DiffStatus;
import dev.schemagate.core.schema.drill.DrillReport;
import dev.schemagate.core.schema.drill.DrillStep;
import dev.schemagate.core.schema.drill.DrillVerdict;
import dev.schemagate.core.schema.scratch.ScratchSettings;
import dev.schemagate.core.testing.Corpora;
import dev.schemagate.core.testing.EmbeddedPostgresExtension;
import dev.schemagate.core.testing.NativeFiles;
import dev.schemagate.core.testing.PostgresDatabase;
import dev.schemagate.core.testing.Sql;
import dev.schemagate.core.testing.TestMigrators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity, drift, diff of revisions, baseline and the drill through the facade, on real databases:
 * SQLite files and the test PostgreSQL server (scratch databases are made on it too, through {@code
 * --scratch-url}, so no second server starts).
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class SchemaWorkflowsTest {

  private static SchemaRequest onServer(PostgresDatabase db) {
    return new SchemaRequest(
        DiffOptions.DEFAULT,
        ScratchSettings.defaults()
            .withScratchUrl(
                "jdbc:postgresql://localhost:" + db.port() + "/postgres?user=postgres"));
  }

  private static void sql(String url, String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  /** The example schema built without schemagate's version tables: an existing database. */
  private static String unversionedExampleCopy(Path dir, String name) throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve(name);
    TestMigrators.of(NativeFiles.exampleProject(), url).upgrade(MigrateRequest.live("head"));
    sql(url, "DROP TABLE schemagate_version", "DROP TABLE schemagate_history");
    return url;
  }

  @Test
  void stampWithParityStampsACopyOfTheExampleDatabase(@TempDir Path tmp) throws Exception {
    String url = unversionedExampleCopy(tmp, "copy.db");
    ParityStampResult r =
        TestMigrators.of(NativeFiles.exampleProject(), url)
            .stampWithParity(MigrateRequest.live("head"), SchemaRequest.defaults());
    assertThat(r.parity().diff().status()).isEqualTo(DiffStatus.EQUAL);
    assertThat(r.stamped()).isTrue();
    assertThat(Sql.column(url, "SELECT version_num FROM schemagate_version"))
        .containsExactly("5a105911a525");
  }

  @Test
  void stampWithParityRefusesACopyWithOneExtraColumnAndNamesIt(@TempDir Path tmp) throws Exception {
    String url = unversionedExampleCopy(tmp, "copy.db");
    sql(url, "ALTER TABLE users ADD COLUMN nickname TEXT");
    ParityStampResult r =
        TestMigrators.of(NativeFiles.exampleProject(), url)
            .stampWithParity(MigrateRequest.live("head"), SchemaRequest.defaults());
    assertThat(r.stamped()).isFalse();
    assertThat(r.parity().diff().changes())
        .extracting(Change::type, Change::kind, Change::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                ChangeType.ADDED, ObjectKind.COLUMN, "main.users.nickname"));
    // Nothing was stamped: no version table was created.
    assertThat(Sql.sqliteTables(url)).doesNotContain("schemagate_version");
  }

  @Test
  void stampWithParityOnPostgresNamesTheExtraColumn(PostgresDatabase db, PostgresDatabase copy)
      throws Exception {
    Migrator m = TestMigrators.of(NativeFiles.exampleProject(), copy.jdbcUrl());
    m.upgrade(MigrateRequest.live("head"));
    sql(
        copy.jdbcUrl(),
        "DROP TABLE schemagate_version",
        "DROP TABLE schemagate_history",
        "ALTER TABLE invoices ADD COLUMN memo text");
    ParityStampResult r = m.stampWithParity(MigrateRequest.live("head"), onServer(db));
    assertThat(r.stamped()).isFalse();
    assertThat(r.parity().diff().changes())
        .extracting(Change::key)
        .containsExactly("public.invoices.memo");
    sql(copy.jdbcUrl(), "ALTER TABLE invoices DROP COLUMN memo");
    assertThat(m.stampWithParity(MigrateRequest.live("head"), onServer(db)).stamped()).isTrue();
  }

  @Test
  void driftIsEmptyAfterUpgradeAndNamesAColumnAddedByHand(@TempDir Path tmp) throws Exception {
    String url = "jdbc:sqlite:" + tmp.resolve("live.db");
    Migrator m = TestMigrators.of(NativeFiles.exampleProject(), url);
    m.upgrade(MigrateRequest.live("head"));
    DiffReport clean = m.drift(SchemaRequest.defaults());
    assertThat(clean.diff().equal()).isTrue();
    assertThat(clean.from()).contains("5a105911a525");

    sql(url, "CREATE INDEX agents_by_name ON agents (name)");
    DiffReport drifted = m.drift(SchemaRequest.defaults());
    assertThat(drifted.diff().equal()).isFalse();
    assertThat(drifted.diff().changes())
        .extracting(Change::type, Change::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ChangeType.ADDED, "main.agents.agents_by_name"));
  }

  @Test
  void driftOfADatabaseWithNoRecordedRevisionIsBadInput(@TempDir Path tmp) {
    String url = "jdbc:sqlite:" + tmp.resolve("empty.db");
    SchemagateException e =
        catchThrowableOfType(
            () ->
                TestMigrators.of(NativeFiles.exampleProject(), url).drift(SchemaRequest.defaults()),
            SchemagateException.class);
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage()).contains("records no applied revision");
  }

  @Test
  void driftAgainstAnUnreachableDatabaseFailsAndComparesNothing() {
    SchemagateException e =
        catchThrowableOfType(
            () ->
                TestMigrators.of(
                        NativeFiles.exampleProject(),
                        "jdbc:postgresql://127.0.0.1:1/nowhere?user=postgres")
                    .drift(SchemaRequest.defaults()),
            SchemagateException.class);
    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(e.getMessage()).contains("cannot reach the database at");
  }

  @Test
  void diffWithAScratchThatCannotStartSaysSoAndComparesNothing(@TempDir Path tmp) throws Exception {
    Path garbage = Files.writeString(tmp.resolve("not-postgres.jar"), "not a jar");
    SchemaRequest broken =
        new SchemaRequest(DiffOptions.DEFAULT, ScratchSettings.defaults().withPostgresJar(garbage));
    SchemagateException e =
        catchThrowableOfType(
            () ->
                TestMigrators.of(NativeFiles.exampleProject(), "jdbc:postgresql://127.0.0.1:1/x")
                    .diff("base", "head", broken),
            SchemagateException.class);
    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(e.getMessage()).contains("scratch PostgreSQL could not start");
    assertThat(e.nextStep()).contains("--scratch-url");
  }

  @Test
  void diffBetweenTwoRevisionsListsWhatTheMigrationsBetweenThemCreate(@TempDir Path tmp) {
    Migrator m =
        TestMigrators.of(NativeFiles.exampleProject(), "jdbc:sqlite:" + tmp.resolve("x.db"));
    DiffReport r = m.diff("8a696dc7e267", "b3ac7fc96800", SchemaRequest.defaults());
    assertThat(r.diff().topLevel())
        .extracting(Change::type, Change::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ChangeType.ADDED, "main.onboarding_steps"));
    assertThat(r.from()).startsWith("history up to 8a696dc7e267");
  }

  @Test
  void drillOfTheExampleProjectFindsEveryMigrationReversible(@TempDir Path tmp) {
    Migrator m =
        TestMigrators.of(NativeFiles.exampleProject(), "jdbc:sqlite:" + tmp.resolve("x.db"));
    DrillReport r = m.drill(null, SchemaRequest.defaults());
    assertThat(r.steps()).hasSize(14);
    assertThat(r.steps()).extracting(DrillStep::verdict).containsOnly(DrillVerdict.REVERSIBLE);
    assertThat(r.clean()).isTrue();
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void drillTellsEachKindOfDefectApart(PostgresDatabase db, @TempDir Path dir) {
    NativeFiles.write(
        dir, "a1", List.of(), "CREATE TABLE t (id int PRIMARY KEY, name text);", "DROP TABLE t;");
    NativeFiles.write(
        dir, "a2", List.of("a1"), "CREATE INDEX t_name ON t (name);", "SELECT 1; -- forgot it");
    NativeFiles.write(
        dir, "a3", List.of("a2"), "ALTER TABLE t ADD COLUMN note text;", "DROP TABLE missing;");
    NativeFiles.write(
        dir,
        "a4",
        List.of("a3"),
        "ALTER TABLE t DROP COLUMN note;",
        "ALTER TABLE t ADD COLUMN note text;");
    // An empty downgrade is a no-op: the re-upgrade then finds the table still there.
    NativeFiles.write(dir, "a5", List.of("a4"), "CREATE TABLE u (id int);", "");
    write(
        dir.resolve("a6_m.sql"),
        "-- revision: a6\n-- down_revision: a5\n-- message: m\n"
            + "-- irreversible: the old values are gone\n\n-- +upgrade\nDELETE FROM u;\n");
    DrillReport r = TestMigrators.of(dir, db.jdbcUrl()).drill(null, onServer(db));
    Map<String, DrillVerdict> verdicts =
        r.steps().stream().collect(Collectors.toMap(DrillStep::revision, DrillStep::verdict));
    assertThat(verdicts)
        .containsEntry("a1", DrillVerdict.REVERSIBLE)
        .containsEntry("a2", DrillVerdict.REUPGRADE_FAILS)
        .containsEntry("a3", DrillVerdict.DOWNGRADE_FAILS)
        .containsEntry("a4", DrillVerdict.REVERSIBLE)
        .containsEntry("a5", DrillVerdict.REUPGRADE_FAILS)
        .containsEntry("a6", DrillVerdict.IRREVERSIBLE_AS_DECLARED);
    assertThat(r.steps().get(5).detail()).isEqualTo("the old values are gone");
    DrillStep a2 = r.steps().get(1);
    assertThat(a2.detail()).contains("t_name").contains("a2_m.sql");
    assertThat(a2.downDiff().changes()).extracting(Change::key).containsExactly("public.t.t_name");
    assertThat(r.clean()).isFalse();
  }

  @Test
  void drillSeparatesColumnOrderFromRealDifferences(PostgresDatabase db, @TempDir Path dir) {
    NativeFiles.write(
        dir, "b1", List.of(), "CREATE TABLE t (id int, a text, b text);", "DROP TABLE t;");
    // The downgrade re-adds the column at the end: only its position differs.
    NativeFiles.write(
        dir,
        "b2",
        List.of("b1"),
        "ALTER TABLE t DROP COLUMN a;",
        "ALTER TABLE t ADD COLUMN a text;");
    // The downgrade loses the NOT NULL: a real difference.
    NativeFiles.write(
        dir,
        "b3",
        List.of("b2"),
        "ALTER TABLE t DROP COLUMN b;",
        "ALTER TABLE t ADD COLUMN b text NOT NULL DEFAULT '';");
    DrillReport r = TestMigrators.of(dir, db.jdbcUrl()).drill(null, onServer(db));
    assertThat(r.steps())
        .extracting(DrillStep::revision, DrillStep::verdict)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("b1", DrillVerdict.REVERSIBLE),
            org.assertj.core.groups.Tuple.tuple("b2", DrillVerdict.ONLY_COLUMN_ORDER),
            org.assertj.core.groups.Tuple.tuple("b3", DrillVerdict.NOT_REVERSIBLE));
    assertThat(r.steps().get(2).detail()).contains("public.t.b");
  }

  @Test
  void baselineOfTheExampleOnPostgresReproducesItAndAppliesCleanly(
      PostgresDatabase live, PostgresDatabase fresh, @TempDir Path tmp) throws Exception {
    TestMigrators.of(NativeFiles.exampleProject(), live.jdbcUrl())
        .upgrade(MigrateRequest.live("head"));
    Path folder = tmp.resolve("baseline");
    BaselineResult b =
        TestMigrators.of(folder, live.jdbcUrl()).baseline("adopt onboarding", onServer(live));
    assertThat(b.reproduces()).as(b.verification().diff().toString()).isTrue();
    assertThat(Files.readString(Path.of(b.file())))
        .contains("-- revision: " + b.revision())
        .contains("CREATE TABLE public.users")
        .contains("-- +downgrade");
    // The written revision applies through the engine and gives the same schema as live.
    Migrator onFresh = TestMigrators.of(folder, fresh.jdbcUrl());
    onFresh.upgrade(MigrateRequest.live("head"));
    DiffReport d = onFresh.diff(live.jdbcUrl(), fresh.jdbcUrl(), onServer(live));
    assertThat(d.diff().status()).isEqualTo(DiffStatus.EQUAL);
    // And its downgrade removes everything it made.
    onFresh.downgrade(MigrateRequest.live("base"));
    assertThat(
            Sql.column(
                fresh.connect(),
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND c.relname NOT LIKE 'schemagate%'"))
        .containsExactly("0");
  }

  @Test
  void baselineRefusesAFolderThatAlreadyHasRevisions(PostgresDatabase db) {
    SchemagateException e =
        catchThrowableOfType(
            () ->
                TestMigrators.of(NativeFiles.exampleProject(), db.jdbcUrl())
                    .baseline(null, onServer(db)),
            SchemagateException.class);
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage()).contains("a baseline starts a history");
  }

  @Test
  void baselineOfTheCratesIoDatabaseReproducesItOnAnEmptyScratchDatabase(
      PostgresDatabase live, @TempDir Path tmp) {
    Path crates = Corpora.require("crates-io").resolve("migrations");
    TestMigrators.of(crates, live.jdbcUrl()).upgrade(MigrateRequest.live("head"));
    BaselineResult b =
        TestMigrators.of(tmp.resolve("baseline"), live.jdbcUrl()).baseline(null, onServer(live));
    assertThat(b.verification().diff().status())
        .as(b.verification().diff().toString())
        .isEqualTo(DiffStatus.EQUAL);
    assertThat(b.notReproduced()).isEmpty();
    assertThat(b.reproduces()).isTrue();
    assertThat(b.statements()).isGreaterThan(100);
  }
}

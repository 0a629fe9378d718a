package dev.schemagate.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayReaderTest {

  @TempDir Path dir;

  private final FlywayReader reader = new FlywayReader();

  @Test
  void versionsAreComparedNumericallyPartByPart() {
    TestFiles.write(dir, "V6.10__later.sql", "SELECT 610;\n");
    TestFiles.write(dir, "V6.9__earlier.sql", "SELECT 69;\n");
    TestFiles.write(dir, "V10__ten.sql", "SELECT 10;\n");
    TestFiles.write(dir, "V2__two.sql", "SELECT 2;\n");

    MigrationSource source = reader.read(dir);

    assertThat(source.versioned())
        .extracting(MigrationScript::id)
        .containsExactly("2", "6.9", "6.10", "10");
    assertThat(source.versioned().get(0).revision().isBase()).isTrue();
    assertThat(source.versioned().get(2).revision().downRevisions()).containsExactly("6.9");
  }

  @Test
  void underscoreSeparatedVersionIsNormalisedToDots() {
    TestFiles.write(dir, "V1_1__add_users_table.sql", "SELECT 1;\n");
    TestFiles.write(dir, "V1__init.sql", "SELECT 1;\n");

    MigrationSource source = reader.read(dir);

    assertThat(source.versioned()).extracting(MigrationScript::id).containsExactly("1", "1.1");
    assertThat(source.versioned().get(1).revision().message()).isEqualTo("add users table");
  }

  @Test
  void versionWithoutDescriptionIsAMigration() {
    TestFiles.write(dir, "V3.sql", "SELECT 3;\n");
    TestFiles.write(dir, "V2__x.sql", "SELECT 2;\n");

    MigrationSource source = reader.read(dir);

    assertThat(source.versioned()).extracting(MigrationScript::id).containsExactly("2", "3");
    assertThat(source.versioned().get(1).revision().message()).isEmpty();
    assertThat(source.strays()).isEmpty();
  }

  @Test
  void versionsEqualButForTrailingZerosAreADuplicateError() {
    TestFiles.write(dir, "V1__a.sql", "SELECT 1;\n");
    TestFiles.write(dir, "V1.0__b.sql", "SELECT 1;\n");

    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);

    assertThat(e.getMessage()).contains("V1.0__b.sql").contains("V1__a.sql").contains("1 == 1.0");
    assertThat(e.nextStep()).contains("new version");
  }

  @Test
  void undoFileBecomesTheDownOfItsVersion() {
    TestFiles.write(dir, "V1__create.sql", "CREATE TABLE t (id int);\n");
    Path undo = TestFiles.write(dir, "U1__create.sql", "DROP TABLE t;\n");
    TestFiles.write(dir, "V2__alter.sql", "ALTER TABLE t ADD c int;\n");

    MigrationSource source = reader.read(dir);

    MigrationScript v1 = source.versioned().get(0);
    assertThat(v1.down().sql()).isEqualTo("DROP TABLE t;\n");
    assertThat(v1.down().file()).isEqualTo(undo);
    assertThat(v1.down().firstLine()).isEqualTo(1);
    assertThat(v1.irreversibleReason()).isNull();
    MigrationScript v2 = source.versioned().get(1);
    assertThat(v2.down()).isNull();
    assertThat(v2.irreversibleReason()).isEqualTo(FlywayReader.NO_UNDO_REASON);
  }

  @Test
  void undoWithoutItsVersionedMigrationIsAnError() {
    TestFiles.write(dir, "V1__create.sql", "SELECT 1;\n");
    Path undo = TestFiles.write(dir, "U2__gone.sql", "SELECT 1;\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.file()).isEqualTo(undo);
    assertThat(e.getMessage()).contains("no V2 migration");
  }

  @Test
  void repeatablesAreOrderedByDescriptionAfterNoVersion() {
    TestFiles.write(dir, "R__b_view.sql", "CREATE OR REPLACE VIEW b AS SELECT 1;\n");
    TestFiles.write(dir, "R__a_view.sql", "CREATE OR REPLACE VIEW a AS SELECT 1;\n");
    TestFiles.write(dir, "V1__x.sql", "SELECT 1;\n");

    MigrationSource source = reader.read(dir);

    assertThat(source.repeatables())
        .extracting(s -> s.revision().message())
        .containsExactly("a view", "b view");
    MigrationScript a = source.repeatables().get(0);
    assertThat(a.id()).isEqualTo("R__a_view");
    assertThat(a.kind()).isEqualTo(MigrationScript.Kind.REPEATABLE);
    assertThat(a.revision().isBase()).isTrue();
    assertThat(source.versioned()).hasSize(1);
  }

  @Test
  void callbacksAreRecognisedNotMigrationsNorStrays() {
    TestFiles.write(dir, "V1__x.sql", "SELECT 1;\n");
    TestFiles.write(dir, "beforeMigrate.sql", "SET lock_timeout = '5s';\n");
    TestFiles.write(dir, "afterMigrate__refresh_views.sql", "SELECT 1;\n");
    TestFiles.write(dir, "beforeEachMigrate.sql", "SELECT 1;\n");

    MigrationSource source = reader.read(dir);

    assertThat(source.callbacks())
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder(
            "beforeMigrate.sql", "afterMigrate__refresh_views.sql", "beforeEachMigrate.sql");
    assertThat(source.versioned()).hasSize(1);
    assertThat(source.strays()).isEmpty();
  }

  @Test
  void concurrentIndexCreationRunsOutsideATransaction() {
    TestFiles.write(dir, "V1__plain.sql", "CREATE INDEX i ON t (c);\n");
    TestFiles.write(
        dir, "V2__concurrent.sql", "create unique index\n  concurrently i2 ON t (c);\n");
    TestFiles.write(dir, "V3__drop.sql", "SELECT 1; DROP INDEX CONCURRENTLY i2;\n");
    TestFiles.write(dir, "V4__vacuum.sql", "VACUUM ANALYZE t;\n");
    TestFiles.write(dir, "V5__reindex.sql", "REINDEX INDEX CONCURRENTLY i;\n");
    TestFiles.write(dir, "V6__commented.sql", "-- CREATE INDEX CONCURRENTLY later\nSELECT 1;\n");

    MigrationSource source = reader.read(dir);

    assertThat(source.versioned())
        .extracting(MigrationScript::id, MigrationScript::transactional)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", true),
            org.assertj.core.groups.Tuple.tuple("2", false),
            org.assertj.core.groups.Tuple.tuple("3", false),
            org.assertj.core.groups.Tuple.tuple("4", false),
            org.assertj.core.groups.Tuple.tuple("5", false),
            org.assertj.core.groups.Tuple.tuple("6", true));
  }

  @Test
  void scriptConfigCanTurnTheTransactionOff() {
    TestFiles.write(dir, "V1__x.sql", "ALTER TYPE mood ADD VALUE 'meh';\n");
    TestFiles.write(dir, "V1__x.sql.conf", "# per-script config\nexecuteInTransaction=false\n");
    TestFiles.write(dir, "V2__y.sql", "SELECT 1;\n");
    TestFiles.write(dir, "V2__y.sql.conf", "executeInTransaction = true\n");

    MigrationSource source = reader.read(dir);

    assertThat(source.versioned().get(0).transactional()).isFalse();
    assertThat(source.versioned().get(1).transactional()).isTrue();
    assertThat(source.strays()).isEmpty();
  }

  @Test
  void badExecuteInTransactionValueIsAnErrorOnItsLine() {
    TestFiles.write(dir, "V1__x.sql", "SELECT 1;\n");
    Path conf = TestFiles.write(dir, "V1__x.sql.conf", "\nexecuteInTransaction=no\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.file()).isEqualTo(conf);
    assertThat(e.line()).isEqualTo(2);
  }

  @Test
  void nonSqlFilesAndUnknownNamesAreStrays() {
    TestFiles.write(dir, "V1__x.sql", "SELECT 1;\n");
    TestFiles.write(dir, "V57__readme.md", "# why\n");
    TestFiles.write(dir, "seed.sql", "INSERT INTO t VALUES (1);\n");

    MigrationSource source = reader.read(dir);

    assertThat(source.strays())
        .extracting(s -> s.file().getFileName().toString())
        .containsExactly("V57__readme.md", "seed.sql");
    assertThat(source.strays().get(0).reason()).contains("not a .sql file");
  }

  @Test
  void misspeltVersionedNameIsAnErrorNotSilentlySkipped() {
    Path file = TestFiles.write(dir, "V3_add_column.sql", "SELECT 1;\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.getMessage()).contains("'3_add_column' is not a Flyway version");
    assertThat(e.nextStep()).contains("two underscores");
  }

  @Test
  void subfoldersAreScannedLikeFlywayDoes() {
    TestFiles.write(dir, "V1__x.sql", "SELECT 1;\n");
    TestFiles.write(dir, "release2/V2__y.sql", "SELECT 2;\n");

    assertThat(reader.read(dir).versioned())
        .extracting(MigrationScript::id)
        .containsExactly("1", "2");
  }

  @Test
  void foldersNestedTwoDeepAreScannedAndTheirOtherFilesAreStrays() {
    TestFiles.write(dir, "V1__x.sql", "SELECT 1;\n");
    TestFiles.write(dir, "a/b/V3__z.sql", "SELECT 3;\n");
    TestFiles.write(dir, "a/V2__y.sql", "SELECT 2;\n");
    TestFiles.write(dir, "a/b/notes.txt", "hi\n");

    MigrationSource source = reader.read(dir);

    assertThat(source.versioned()).extracting(MigrationScript::id).containsExactly("1", "2", "3");
    assertThat(source.strays())
        .extracting(s -> s.file().getFileName().toString())
        .containsExactly("notes.txt");
  }
}

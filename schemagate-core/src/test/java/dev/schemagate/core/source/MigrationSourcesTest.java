package dev.schemagate.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationSourcesTest {

  @TempDir Path dir;

  @Test
  void detectsEachLayoutByItsFiles() {
    Path nat = dir.resolve("native");
    TestFiles.write(nat, "aaa_x.sql", "-- revision: aaa\n-- irreversible: x\n-- +upgrade\n");
    Path flyway = dir.resolve("flyway");
    TestFiles.write(flyway, "V1__x.sql", "SELECT 1;\n");
    Path diesel = dir.resolve("diesel");
    TestFiles.write(diesel, "2024-01-01-000000_x/up.sql", "SELECT 1;\n");
    Path golang = dir.resolve("golang");
    TestFiles.write(golang, "1_x.up.sql", "SELECT 1;\n");
    TestFiles.write(golang, "1_x.down.sql", "SELECT 1;\n");
    Path dbmate = dir.resolve("dbmate");
    TestFiles.write(dbmate, "20240101000000_x.sql", "-- migrate:up\nSELECT 1;\n");
    Path alembic = dir.resolve("alembic");
    TestFiles.write(alembic, "versions/a.py", "revision = 'a'\ndown_revision = None\n");

    assertThat(MigrationSources.detect(nat)).isEqualTo(Layout.NATIVE);
    assertThat(MigrationSources.detect(flyway)).isEqualTo(Layout.FLYWAY);
    assertThat(MigrationSources.detect(diesel)).isEqualTo(Layout.DIESEL);
    assertThat(MigrationSources.detect(golang)).isEqualTo(Layout.GOLANG_MIGRATE);
    assertThat(MigrationSources.detect(dbmate)).isEqualTo(Layout.DBMATE);
    assertThat(MigrationSources.detect(alembic)).isEqualTo(Layout.ALEMBIC);
    assertThat(MigrationSources.read(golang, null).versioned()).hasSize(1);
  }

  @Test
  void forcedLayoutSkipsDetection() {
    TestFiles.write(dir, "V1__x.sql", "SELECT 1;\n");
    TestFiles.write(dir, "2_y.up.sql", "SELECT 1;\n");
    TestFiles.write(dir, "2_z.up.sql", "SELECT 1;\n");

    MigrationSource source = MigrationSources.read(dir, Layout.FLYWAY);

    assertThat(source.layout()).isEqualTo(Layout.FLYWAY);
    assertThat(source.versioned()).extracting(MigrationScript::id).containsExactly("1");
  }

  @Test
  void tieBetweenLayoutsAsksForLayoutOption() {
    TestFiles.write(dir, "V1__x.sql", "SELECT 1;\n");
    TestFiles.write(dir, "2_y.up.sql", "SELECT 1;\n");

    SourceException e =
        catchThrowableOfType(() -> MigrationSources.read(dir, null), SourceException.class);

    assertThat(e.getMessage()).contains("looks equally like flyway and golang-migrate");
    assertThat(e.nextStep()).contains("--layout");
  }

  @Test
  void unrecognisedFolderNamesTheLayoutsTried() {
    TestFiles.write(dir, "notes.txt", "x\n");

    SourceException e =
        catchThrowableOfType(() -> MigrationSources.read(dir, null), SourceException.class);

    assertThat(e.getMessage())
        .contains("no migration files recognised")
        .contains("native, flyway, diesel, golang-migrate, dbmate, alembic");
    assertThat(e.nextStep()).contains("--layout");
  }

  @Test
  void missingFolderPointsToInit() {
    Path missing = dir.resolve("nope");
    SourceException e =
        catchThrowableOfType(() -> MigrationSources.read(missing, null), SourceException.class);
    assertThat(e.file()).isEqualTo(missing);
    assertThat(e.getMessage()).contains("does not exist");
    assertThat(e.nextStep()).contains("schemagate init");
  }

  @Test
  void emptyFolderReadsAsAnEmptyNativeSource() {
    TestFiles.write(dir, ".gitkeep", "");
    MigrationSource source = MigrationSources.read(dir, null);
    assertThat(source.layout()).isEqualTo(Layout.NATIVE);
    assertThat(source.versioned()).isEmpty();
  }

  @Test
  void everyLayoutHasAReader() {
    for (Layout layout : Layout.values()) {
      assertThat(MigrationSources.reader(layout).layout()).isEqualTo(layout);
    }
    assertThat(MigrationSources.readers())
        .extracting(SourceReader::layout)
        .containsExactly(Layout.values());
  }
}

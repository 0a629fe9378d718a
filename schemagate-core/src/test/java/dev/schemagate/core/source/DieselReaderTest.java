package dev.schemagate.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DieselReaderTest {

  @TempDir Path dir;

  private final DieselReader reader = new DieselReader();

  private void migration(String folder, String up, String down) {
    TestFiles.write(dir, folder + "/up.sql", up);
    if (down != null) {
      TestFiles.write(dir, folder + "/down.sql", down);
    }
  }

  @Test
  void threeVersionFormatsAreOrderedAsDieselOrdersThem() {
    migration("2017-08-31-230457_invitations", "SELECT 3;\n", "SELECT 3;\n");
    migration("20170102131034_dumped_migration_120", "SELECT 2;\n", "SELECT 2;\n");
    migration("2026-07-30-140000-0000_add_index", "SELECT 5;\n", "SELECT 5;\n");
    migration("00000000000000_diesel_initial_setup", "SELECT 1;\n", "SELECT 1;\n");
    migration("2024-10-25-112826_make-unique", "SELECT 4;\n", "SELECT 4;\n");

    MigrationSource source = reader.read(dir);

    assertThat(source.versioned())
        .extracting(MigrationScript::id)
        .containsExactly(
            "00000000000000",
            "20170102131034",
            "2017-08-31-230457",
            "2024-10-25-112826",
            "2026-07-30-140000-0000");
    MigrationScript second = source.versioned().get(1);
    assertThat(second.revision().message()).isEqualTo("dumped_migration_120");
    assertThat(second.revision().downRevisions()).containsExactly("00000000000000");
    assertThat(second.up().file())
        .isEqualTo(dir.resolve("20170102131034_dumped_migration_120/up.sql"));
    assertThat(second.up().firstLine()).isEqualTo(1);
    assertThat(second.down().file().getFileName().toString()).isEqualTo("down.sql");
  }

  @Test
  void metadataTomlCanTurnTheTransactionOff() {
    migration("2024-01-01-000000_a", "CREATE INDEX CONCURRENTLY i ON t (c);\n", "SELECT 1;\n");
    TestFiles.write(dir, "2024-01-01-000000_a/metadata.toml", "run_in_transaction = false\n");
    migration("2024-01-02-000000_b", "CREATE INDEX CONCURRENTLY j ON t (c);\n", "SELECT 1;\n");

    MigrationSource source = reader.read(dir);

    assertThat(source.versioned().get(0).transactional()).isFalse();
    // diesel does not look at the SQL: without metadata.toml it runs in a transaction.
    assertThat(source.versioned().get(1).transactional()).isTrue();
    assertThat(source.strays()).isEmpty();
  }

  @Test
  void badRunInTransactionValueIsAnErrorOnItsLine() {
    migration("2024-01-01-000000_a", "SELECT 1;\n", "SELECT 1;\n");
    Path meta =
        TestFiles.write(dir, "2024-01-01-000000_a/metadata.toml", "# x\nrun_in_transaction = no\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.file()).isEqualTo(meta);
    assertThat(e.line()).isEqualTo(2);
  }

  @Test
  void commentOnlyDownIsStillADownAndMissingDownIsNull() {
    migration(
        "2019-11-11-162609_drop_email", "ALTER TABLE users DROP email;\n", "-- Not reversible\n");
    migration("2020-01-01-000000_no_down", "SELECT 1;\n", null);

    MigrationSource source = reader.read(dir);

    assertThat(source.versioned().get(0).down().sql()).isEqualTo("-- Not reversible\n");
    assertThat(source.versioned().get(0).irreversibleReason()).isNull();
    assertThat(source.versioned().get(1).down()).isNull();
    assertThat(source.versioned().get(1).irreversibleReason())
        .isEqualTo(DieselReader.NO_DOWN_REASON);
  }

  @Test
  void plainFilesAtTopLevelAreStrays() {
    migration("2024-01-01-000000_a", "SELECT 1;\n", "SELECT 1;\n");
    TestFiles.write(dir, "data_oauth_github.sql", "INSERT INTO x SELECT 1;\n");
    TestFiles.write(dir, "2024-01-01-000000_a/notes.txt", "hi\n");

    MigrationSource source = reader.read(dir);

    assertThat(source.strays())
        .extracting(s -> s.file().getFileName().toString())
        .containsExactlyInAnyOrder("data_oauth_github.sql", "notes.txt");
  }

  @Test
  void folderWithoutUpSqlIsAnError() {
    Path folder = TestFiles.write(dir, "2024-01-01-000000_a/down.sql", "SELECT 1;\n").getParent();
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.file()).isEqualTo(folder);
    assertThat(e.getMessage()).contains("without up.sql");
  }

  @Test
  void versionsEqualOnceDashesAreRemovedAreADuplicateError() {
    migration("2024-01-01-000000_a", "SELECT 1;\n", "SELECT 1;\n");
    migration("20240101000000_b", "SELECT 1;\n", "SELECT 1;\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.getMessage()).contains("version 20240101000000 is also used by");
  }

  @Test
  void theFirstBadFolderInNameOrderIsReportedHoweverManyAreReadAtOnce() {
    for (int i = 10; i < 60; i++) {
      migration("2024-01-01-0000" + i + "_m" + i, "SELECT " + i + ";\n", "SELECT 0;\n");
    }
    Path first = TestFiles.write(dir, "2024-01-01-000011_b/down.sql", "SELECT 1;\n").getParent();
    TestFiles.write(dir, "2024-01-01-000055_c/down.sql", "SELECT 1;\n");

    for (int run = 0; run < 5; run++) {
      SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
      assertThat(e.file()).isEqualTo(first);
    }
  }

  @Test
  void aDownThatIsNotUtf8IsAnErrorNamingItsFileAndLine() {
    migration("2024-01-01-000000_a", "SELECT 1;\n", "SELECT 1;\n");
    Path down =
        TestFiles.writeBytes(
            dir,
            "2024-01-02-000000_b/down.sql",
            new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '1', ';', '\n', (byte) 0xE9, ';'});
    TestFiles.write(dir, "2024-01-02-000000_b/up.sql", "SELECT 2;\n");

    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);

    assertThat(e.file()).isEqualTo(down);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("not valid UTF-8");
  }

  @Test
  void metadataTomlAndBothScriptsAreFoundFromTheFolderListing() {
    migration("2024-01-01-000000_a", "SELECT 1;\n", null);
    migration("2024-01-02-000000_b", "CREATE INDEX CONCURRENTLY i ON t (c);\n", "SELECT 2;\n");
    TestFiles.write(dir, "2024-01-02-000000_b/metadata.toml", "run_in_transaction = false\n");

    MigrationSource source = reader.read(dir);

    assertThat(source.versioned().get(0).down()).isNull();
    assertThat(source.versioned().get(0).transactional()).isTrue();
    assertThat(source.versioned().get(1).down().sql()).isEqualTo("SELECT 2;\n");
    assertThat(source.versioned().get(1).transactional()).isFalse();
    assertThat(source.strays()).isEmpty();
  }
}

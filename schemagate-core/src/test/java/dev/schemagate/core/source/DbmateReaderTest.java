package dev.schemagate.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbmateReaderTest {

  @TempDir Path dir;

  private final DbmateReader reader = new DbmateReader();

  @Test
  void readsSectionsWithTheLineAfterEachMarker() {
    TestFiles.write(
        dir,
        "20240101000000_create_users.sql",
        """
        -- creates users

        -- migrate:up
        create table users (id serial);

        -- migrate:down
        drop table users;
        """);

    MigrationScript s = reader.read(dir).versioned().get(0);

    assertThat(s.id()).isEqualTo("20240101000000");
    assertThat(s.revision().message()).isEqualTo("create_users");
    assertThat(s.up().sql()).isEqualTo("create table users (id serial);\n\n");
    assertThat(s.up().firstLine()).isEqualTo(4);
    assertThat(s.down().sql()).isEqualTo("drop table users;\n");
    assertThat(s.down().firstLine()).isEqualTo(7);
    assertThat(s.transactional()).isTrue();
  }

  @Test
  void downBlockMayComeFirst() {
    TestFiles.write(
        dir, "1_x.sql", "-- migrate:down\nDROP TABLE t;\n-- migrate:up\nCREATE TABLE t();\n");
    MigrationScript s = reader.read(dir).versioned().get(0);
    assertThat(s.up().sql()).isEqualTo("CREATE TABLE t();\n");
    assertThat(s.up().firstLine()).isEqualTo(4);
    assertThat(s.down().sql()).isEqualTo("DROP TABLE t;\n");
    assertThat(s.down().firstLine()).isEqualTo(2);
  }

  @Test
  void transactionFalseOptionOnTheUpMarker() {
    TestFiles.write(
        dir, "1_x.sql", "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t(c);\n");
    MigrationScript s = reader.read(dir).versioned().get(0);
    assertThat(s.transactional()).isFalse();
    assertThat(s.down()).isNull();
    assertThat(s.irreversibleReason()).isEqualTo(DbmateReader.NO_DOWN_REASON);
  }

  @Test
  void versionsAreOrderedNumericallyAndChained() {
    TestFiles.write(dir, "10_b.sql", "-- migrate:up\nSELECT 10;\n");
    TestFiles.write(dir, "9_a.sql", "-- migrate:up\nSELECT 9;\n");
    TestFiles.write(dir, "notes.txt", "x\n");

    MigrationSource source = reader.read(dir);

    assertThat(source.versioned()).extracting(MigrationScript::id).containsExactly("9", "10");
    assertThat(source.versioned().get(1).revision().downRevisions()).containsExactly("9");
    assertThat(source.strays()).hasSize(1);
  }

  @Test
  void missingUpBlockIsAnError() {
    Path file = TestFiles.write(dir, "1_x.sql", "-- migrate:down\nDROP TABLE t;\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.getMessage()).contains("no '-- migrate:up' block");
  }

  @Test
  void statementBeforeTheBlocksIsAnErrorOnItsLine() {
    TestFiles.write(
        dir, "1_x.sql", "-- note\nCREATE TYPE s AS ENUM ('a');\n-- migrate:up\nSELECT 1;\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("statement before the first");
  }

  @Test
  void secondUpBlockIsAnErrorOnItsLine() {
    TestFiles.write(dir, "1_x.sql", "-- migrate:up\nSELECT 1;\n-- migrate:up\nSELECT 2;\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.line()).isEqualTo(3);
  }

  @Test
  void duplicateVersionIsAnError() {
    TestFiles.write(dir, "1_a.sql", "-- migrate:up\nSELECT 1;\n");
    TestFiles.write(dir, "01_b.sql", "-- migrate:up\nSELECT 1;\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.getMessage()).contains("is also used by");
  }
}

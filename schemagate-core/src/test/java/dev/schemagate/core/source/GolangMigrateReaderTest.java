package dev.schemagate.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GolangMigrateReaderTest {

  @TempDir Path dir;

  private final GolangMigrateReader reader = new GolangMigrateReader();

  @Test
  void pairsUpAndDownInNumericOrderKeepingTheNumberAsWritten() {
    TestFiles.write(dir, "10_add_index.up.sql", "CREATE INDEX i ON t (c);\n");
    TestFiles.write(dir, "10_add_index.down.sql", "DROP INDEX i;\n");
    TestFiles.write(dir, "000009_add_column.up.sql", "ALTER TABLE t ADD c int;\n");
    TestFiles.write(dir, "000009_add_column.down.sql", "ALTER TABLE t DROP c;\n");
    TestFiles.write(dir, "2_create.up.sql", "CREATE TABLE t (id int);\n");

    MigrationSource source = reader.read(dir);

    assertThat(source.versioned())
        .extracting(MigrationScript::id)
        .containsExactly("2", "000009", "10");
    MigrationScript nine = source.versioned().get(1);
    assertThat(nine.revision().message()).isEqualTo("add_column");
    assertThat(nine.revision().downRevisions()).containsExactly("2");
    assertThat(nine.down().sql()).isEqualTo("ALTER TABLE t DROP c;\n");
    assertThat(nine.transactional()).isTrue();
    assertThat(source.versioned().get(0).down()).isNull();
    assertThat(source.versioned().get(0).irreversibleReason())
        .isEqualTo(GolangMigrateReader.NO_DOWN_REASON);
  }

  @Test
  void otherFilesAreStrays() {
    TestFiles.write(dir, "1_a.up.sql", "SELECT 1;\n");
    TestFiles.write(dir, "README.md", "x\n");
    TestFiles.write(dir, "1_a.sql", "x\n");
    assertThat(reader.read(dir).strays())
        .extracting(s -> s.file().getFileName().toString())
        .containsExactly("1_a.sql", "README.md");
  }

  @Test
  void sameNumberWrittenTwoWaysIsADuplicateError() {
    TestFiles.write(dir, "1_a.up.sql", "SELECT 1;\n");
    TestFiles.write(dir, "001_b.up.sql", "SELECT 1;\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.getMessage()).contains("version 1 up is also defined by");
  }

  @Test
  void downWithoutUpIsAnError() {
    Path down = TestFiles.write(dir, "3_a.down.sql", "SELECT 1;\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.file()).isEqualTo(down);
    assertThat(e.getMessage()).contains("without its .up.sql");
  }
}

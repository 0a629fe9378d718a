package dev.schemagate.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlembicReaderTest {

  @TempDir Path dir;

  private final AlembicReader reader = new AlembicReader();

  @Test
  void readsRevisionsStaticallyFromTheVersionsFolder() {
    TestFiles.write(dir, "env.py", "from alembic import context\n");
    TestFiles.write(dir, "script.py.mako", "x\n");
    Path root =
        TestFiles.write(
            dir,
            "versions/aaa_root.py",
            "\"\"\"create users\n\nRevision ID: aaa\n\"\"\"\nrevision = 'aaa'\n"
                + "down_revision = None\nbranch_labels = ('core',)\ndepends_on = None\n\n"
                + "def upgrade():\n    op.create_table('users')\n");
    TestFiles.write(
        dir,
        "versions/bbb_merge.py",
        "revision: str = \"bbb\"\ndown_revision: Union[str, None] = (\n    'aaa',  # first\n"
            + "    \"ccc\",\n)\nbranch_labels = None\ndepends_on = 'ddd'\n");

    MigrationSource source = reader.read(dir);

    assertThat(source.layout()).isEqualTo(Layout.ALEMBIC);
    MigrationScript a = source.versioned().get(0);
    assertThat(a.id()).isEqualTo("aaa");
    assertThat(a.revision().isBase()).isTrue();
    assertThat(a.revision().branchLabels()).containsExactly("core");
    assertThat(a.revision().message()).isEqualTo("create users");
    assertThat(a.up().file()).isEqualTo(root);
    assertThat(a.up().firstLine()).isEqualTo(1);
    assertThat(a.up().sql()).contains("op.create_table('users')");
    assertThat(a.transactional()).isTrue();
    MigrationScript b = source.versioned().get(1);
    assertThat(b.revision().downRevisions()).containsExactly("aaa", "ccc");
    assertThat(b.revision().isMerge()).isTrue();
    assertThat(b.revision().dependsOn()).containsExactly("ddd");
    assertThat(source.strays())
        .extracting(s -> s.file().getFileName().toString())
        .containsExactlyInAnyOrder("env.py", "script.py.mako");
  }

  @Test
  void computedValueIsAnErrorOnItsLine() {
    TestFiles.write(dir, "a.py", "revision = 'aaa'\ndown_revision = get_parent()\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("is not a string, None, or a tuple of strings");
  }

  @Test
  void missingDownRevisionIsAnError() {
    TestFiles.write(dir, "a.py", "revision = 'aaa'\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.getMessage()).contains("no top-level down_revision");
  }
}

package dev.schemagate.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeReaderTest {

  @TempDir Path dir;

  private final NativeReader reader = new NativeReader();

  @Test
  void readsHeaderSectionsAndExactSectionLines() {
    Path file =
        TestFiles.write(
            dir,
            "3f2a9c1b7d10_add_invoices.sql",
            """
            -- revision: 3f2a9c1b7d10
            -- down_revision: 1a2b3c4d5e6f
            -- branch_labels: payments, billing
            -- depends_on: 0c1d2e3f4a5b 9f9f9f9f9f9f
            -- message: add payment tables
            -- transaction: per-migration

            -- +upgrade
            CREATE TABLE invoices (id int);

            -- +downgrade
            DROP TABLE invoices;
            """);

    MigrationSource source = reader.read(dir);

    assertThat(source.layout()).isEqualTo(Layout.NATIVE);
    MigrationScript s = source.versioned().get(0);
    assertThat(s.id()).isEqualTo("3f2a9c1b7d10");
    assertThat(s.revision().downRevisions()).containsExactly("1a2b3c4d5e6f");
    assertThat(s.revision().branchLabels()).containsExactlyInAnyOrder("payments", "billing");
    assertThat(s.revision().dependsOn()).containsExactly("0c1d2e3f4a5b", "9f9f9f9f9f9f");
    assertThat(s.revision().message()).isEqualTo("add payment tables");
    assertThat(s.revision().file()).isEqualTo(file);
    assertThat(s.transactional()).isTrue();
    assertThat(s.up().sql()).isEqualTo("CREATE TABLE invoices (id int);\n\n");
    assertThat(s.up().firstLine()).isEqualTo(9);
    assertThat(s.down().sql()).isEqualTo("DROP TABLE invoices;\n");
    assertThat(s.down().firstLine()).isEqualTo(12);
    assertThat(s.irreversibleReason()).isNull();
    assertThat(s.checksum()).isEqualTo(Checksums.sha256(s.up().sql()));
    assertThat(s.kind()).isEqualTo(MigrationScript.Kind.VERSIONED);
  }

  @Test
  void rootMergeNoTransactionAndIrreversibleAreRead() {
    TestFiles.write(
        dir,
        "aaa_root.sql",
        "-- revision: aaa\n-- down_revision: none\n"
            + "-- irreversible: seeds data\n-- +upgrade\nSELECT 1;\n");
    TestFiles.write(
        dir,
        "bbb_empty_parent.sql",
        "-- revision: bbb\n-- down_revision:\n-- +upgrade\nSELECT 1;\n-- +downgrade\n");
    TestFiles.write(
        dir,
        "ccc_merge.sql",
        "-- revision: ccc\n-- down_revision: aaa bbb\n-- transaction: none\n"
            + "-- +upgrade\nCREATE INDEX CONCURRENTLY i ON t (c);\n"
            + "-- +downgrade\nDROP INDEX CONCURRENTLY i;\n");

    MigrationSource source = reader.read(dir);

    MigrationScript root = source.versioned().get(0);
    assertThat(root.revision().isBase()).isTrue();
    assertThat(root.down()).isNull();
    assertThat(root.irreversibleReason()).isEqualTo("seeds data");
    assertThat(source.versioned().get(1).revision().isBase()).isTrue();
    assertThat(source.versioned().get(1).down().sql()).isEmpty();
    MigrationScript merge = source.versioned().get(2);
    assertThat(merge.revision().isMerge()).isTrue();
    assertThat(merge.revision().downRevisions()).containsExactly("aaa", "bbb");
    assertThat(merge.transactional()).isFalse();
  }

  @Test
  void freeCommentsInTheHeaderAreAllowed() {
    TestFiles.write(
        dir,
        "aaa_x.sql",
        "-- Adds the thing the auditors asked for\n-- revision: aaa\n"
            + "-- irreversible: data\n\n-- +upgrade\nSELECT 1;\n");
    assertThat(reader.read(dir).versioned()).hasSize(1);
  }

  @Test
  void crlfAndByteOrderMarkDoNotChangeLinesOrChecksum() {
    String lf = "-- revision: aaa\n-- irreversible: x\n-- +upgrade\nSELECT 1;\n";
    TestFiles.write(dir, "aaa_x.sql", lf);
    MigrationScript plain = reader.read(dir).versioned().get(0);
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] crlf = lf.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] both = new byte[bom.length + crlf.length];
    System.arraycopy(bom, 0, both, 0, 3);
    System.arraycopy(crlf, 0, both, 3, crlf.length);
    TestFiles.writeBytes(dir, "aaa_x.sql", both);

    MigrationScript windows = reader.read(dir).versioned().get(0);

    assertThat(windows.up()).isEqualTo(plain.up());
    assertThat(windows.checksum()).isEqualTo(plain.checksum());
  }

  @Test
  void nonSqlFilesAndFoldersAreStrays() {
    TestFiles.write(dir, "aaa_x.sql", "-- revision: aaa\n-- irreversible: x\n-- +upgrade\n");
    TestFiles.write(dir, "README.md", "# migrations\n");
    TestFiles.write(dir, "old/whatever.sql", "SELECT 1;\n");
    TestFiles.write(dir, ".gitkeep", "");

    MigrationSource source = reader.read(dir);

    assertThat(source.strays())
        .extracting(s -> s.file().getFileName().toString())
        .containsExactly("README.md", "old");
  }

  @Test
  void missingRevisionIsAnErrorNamingTheFile() {
    Path file = TestFiles.write(dir, "aaa_x.sql", "-- message: hi\n-- +upgrade\nSELECT 1;\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.getMessage()).contains("aaa_x.sql:1").contains("no '-- revision:' header line");
    assertThat(e.nextStep()).contains("-- revision: <id>");
  }

  @Test
  void unknownHeaderKeyIsAnErrorOnItsLine() {
    TestFiles.write(
        dir, "aaa_x.sql", "-- revision: aaa\n-- down_revison: bbb\n-- +upgrade\nSELECT 1;\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("unknown header key 'down_revison'");
    assertThat(e.nextStep()).contains("down_revision");
  }

  @Test
  void badTransactionValueIsAnErrorOnItsLine() {
    TestFiles.write(
        dir,
        "aaa_x.sql",
        "-- revision: aaa\n-- irreversible: x\n-- transaction: off\n-- +upgrade\nSELECT 1;\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("'per-migration' or 'none', not 'off'");
  }

  @Test
  void missingUpgradeMarkerIsAnError() {
    TestFiles.write(dir, "aaa_x.sql", "-- revision: aaa\n-- irreversible: x\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.line()).isZero();
    assertThat(e.getMessage()).contains("no '-- +upgrade' marker");
  }

  @Test
  void sqlBeforeTheUpgradeMarkerIsAnError() {
    TestFiles.write(dir, "aaa_x.sql", "-- revision: aaa\nSELECT 1;\n-- +upgrade\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("SQL before the '-- +upgrade' marker");
  }

  @Test
  void noDowngradeAndNoIrreversibleReasonIsAnError() {
    TestFiles.write(dir, "aaa_x.sql", "-- revision: aaa\n-- +upgrade\nDROP TABLE t;\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.getMessage()).contains("no '-- +downgrade' section and no '-- irreversible:");
    assertThat(e.nextStep()).contains("-- irreversible: <reason>");
  }

  @Test
  void irreversibleWithADowngradeSectionIsAnError() {
    TestFiles.write(
        dir,
        "aaa_x.sql",
        "-- revision: aaa\n-- irreversible: x\n-- +upgrade\nSELECT 1;\n-- +downgrade\nSELECT 2;\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.getMessage()).contains("also has a '-- +downgrade' section");
  }

  @Test
  void revisionNotMatchingTheFileNameIsAnError() {
    TestFiles.write(dir, "bbb_copy.sql", "-- revision: aaa\n-- irreversible: x\n-- +upgrade\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.getMessage()).contains("header says revision aaa");
    assertThat(e.nextStep()).contains("aaa_<slug>.sql");
  }

  @Test
  void duplicateRevisionIsAnErrorNamingBothFiles() {
    TestFiles.write(dir, "aaa_one.sql", "-- revision: aaa\n-- irreversible: x\n-- +upgrade\n");
    TestFiles.write(dir, "aaa_two.sql", "-- revision: aaa\n-- irreversible: x\n-- +upgrade\n");
    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);
    assertThat(e.getMessage()).contains("aaa_two.sql").contains("aaa_one.sql");
  }

  @Test
  void invalidUtf8IsAnErrorOnTheLineOfTheFirstBadByte() {
    byte[] head =
        "-- revision: aaa\n-- irreversible: x\n-- +upgrade\nINSERT INTO t VALUES ('caf"
            .getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = {(byte) 0xE9, '\'', ')', ';', '\n'};
    byte[] all = new byte[head.length + latin1.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(latin1, 0, all, head.length, latin1.length);
    Path file = TestFiles.writeBytes(dir, "aaa_x.sql", all);

    SourceException e = catchThrowableOfType(() -> reader.read(dir), SourceException.class);

    assertThat(e.file()).isEqualTo(file);
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.getMessage()).contains("not valid UTF-8").contains("0xE9");
    assertThat(e.nextStep()).contains("UTF-8");
  }
}

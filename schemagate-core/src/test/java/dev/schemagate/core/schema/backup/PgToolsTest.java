package dev.schemagate.core.schema.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgToolsTest {
  @TempDir Path temp;

  /** A program that answers --version like the real one. */
  private Path fake(String dir, String name, String versionLine) throws Exception {
    Path bin = Files.createDirectories(temp.resolve(dir));
    Path p = bin.resolve(name);
    Files.writeString(p, "#!/bin/sh\necho '" + versionLine + "'\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  @Test
  void findsEveryVersionInSearchOrder() throws Exception {
    Path a = fake("a", "pg_dump", "pg_dump (PostgreSQL) 14.9");
    Path b = fake("b", "pg_dump", "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)");
    Path empty = Files.createDirectories(temp.resolve("empty"));

    List<PgTool> found = new PgTools(List.of(empty, a, b, a)).find("pg_dump");

    assertThat(found)
        .extracting(PgTool::version, PgTool::major)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("14.9", 14),
            org.assertj.core.groups.Tuple.tuple("15.18", 15));
  }

  @Test
  void choosesTheNewestPgDumpAtLeastTheServersMajor() throws Exception {
    List<PgTool> found =
        new PgTools(
                List.of(
                    fake("a", "pg_dump", "pg_dump (PostgreSQL) 14.9"),
                    fake("b", "pg_dump", "pg_dump (PostgreSQL) 16.2"),
                    fake("c", "pg_dump", "pg_dump (PostgreSQL) 15.18")))
            .find("pg_dump");

    assertThat(PgTools.chooseDump(found, 15, "15.4").version()).isEqualTo("16.2");
  }

  @Test
  void tooOldPgDumpNamesWhatWasFoundTheServerAndThePackage() throws Exception {
    List<PgTool> found =
        new PgTools(
                List.of(
                    fake("a", "pg_dump", "pg_dump (PostgreSQL) 15.18"),
                    fake("b", "pg_dump", "pg_dump (PostgreSQL) 14.9")))
            .find("pg_dump");

    SchemagateException e =
        catchThrowableOfType(
            () -> PgTools.chooseDump(found, 16, "16.4"), SchemagateException.class);

    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(e.getMessage())
        .isEqualTo(
            "pg_dump 14.9 and 15.18 cannot dump PostgreSQL 16.4; install postgresql-client-16 or"
                + " newer");
    assertThat(e.nextStep()).contains(temp.resolve("a").resolve("pg_dump").toString());
  }

  @Test
  void saysClearlyWhenPgDumpIsNotOnThePath() {
    SchemagateException e =
        catchThrowableOfType(
            () -> PgTools.chooseDump(List.of(), 16, "16.4"), SchemagateException.class);
    assertThat(e.getMessage()).startsWith("pg_dump is not on the PATH").contains("16.4");
    assertThat(e.nextStep()).contains("postgresql-client-16");
  }

  @Test
  void pgRestoreMustReadTheDumpsVersion() throws Exception {
    List<PgTool> found =
        new PgTools(List.of(fake("a", "pg_restore", "pg_restore (PostgreSQL) 15.18")))
            .find("pg_restore");
    assertThat(PgTools.chooseRestore(found, 15).version()).isEqualTo("15.18");
    assertThat(PgTools.chooseRestore(found, 0).version()).isEqualTo("15.18");
    SchemagateException e =
        catchThrowableOfType(() -> PgTools.chooseRestore(found, 17), SchemagateException.class);
    assertThat(e.getMessage())
        .isEqualTo(
            "pg_restore 15.18 cannot read a backup written by pg_dump 17; install"
                + " postgresql-client-17 or newer");
    assertThat(Backups.dumpMajor("pg_dump custom format 17.2")).isEqualTo(17);
    assertThat(Backups.dumpMajor("sqlite online backup")).isZero();
  }
}

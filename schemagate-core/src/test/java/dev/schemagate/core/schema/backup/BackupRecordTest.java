package dev.schemagate.core.schema.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.sql.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRecordTest {
  @TempDir Path temp;

  @Test
  void writesJsonBesideTheBackupAndReadsItBack() throws Exception {
    Path file = temp.resolve("prod.dump");
    BackupRecord r =
        new BackupRecord(
            file.toString(),
            42,
            "ab".repeat(32),
            Dialect.POSTGRES,
            "pg_dump custom format 15.18",
            "jdbc:postgresql://db/prod (user app)",
            "2025-03-01T10:15:30Z",
            true,
            "2 tables match");

    Path json = r.writeBeside(file);

    assertThat(json).isEqualTo(temp.resolve("prod.dump.backup.json"));
    assertThat(Files.readString(json))
        .contains("\"sha256\" : \"" + "ab".repeat(32) + "\"")
        .contains("\"verified\" : true");
    assertThat(BackupRecord.readBeside(file)).isEqualTo(r);
  }

  @Test
  void damagedRecordIsBadInputNamingTheFileAndLine() throws Exception {
    Path file = temp.resolve("prod.dump");
    Files.writeString(BackupRecord.recordPath(file), "{\n  \"file\" : \"x\",\n  oops\n}");
    SchemagateException e =
        catchThrowableOfType(() -> BackupRecord.readBeside(file), SchemagateException.class);
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage()).contains("prod.dump.backup.json line 3");
  }
}

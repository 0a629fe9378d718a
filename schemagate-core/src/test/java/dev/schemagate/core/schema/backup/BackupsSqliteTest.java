package dev.schemagate.core.schema.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.schema.scratch.ScratchServer;
import dev.schemagate.core.schema.scratch.ScratchSettings;
import dev.schemagate.core.sql.Dialect;
import dev.schemagate.core.testing.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupsSqliteTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-03-01T10:15:30Z"), ZoneOffset.UTC);

  @TempDir Path temp;
  private String url;
  private ConnectionSpec source;
  private final Backups backups =
      new Backups(CLOCK, new PgTools(List.of()), List.of(new TableRowCounts()));

  @BeforeEach
  void sourceWithTwoTables() throws Exception {
    url = "jdbc:sqlite:" + temp.resolve("app.db");
    source = ConnectionSpec.parse(url);
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
      st.execute(
          "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers)");
      st.execute("INSERT INTO customers (name) VALUES ('ada'), ('grace'), ('edsger')");
      st.execute("INSERT INTO orders (customer_id) VALUES (1), (1)");
    }
  }

  @Test
  void backupThenDropThenRestoreGivesTheTableAndItsRowsBack() throws Exception {
    Path file = temp.resolve("backups/app.sqlite");
    BackupRecord record = backups.backup(source, file);

    assertThat(record.file()).isEqualTo(file.toString());
    assertThat(record.sizeBytes()).isEqualTo(Files.size(file)).isPositive();
    assertThat(record.sha256()).isEqualTo(Backups.sha256(file)).hasSize(64);
    assertThat(record.method()).isEqualTo("sqlite online backup");
    assertThat(record.dialect()).isEqualTo(Dialect.SQLITE);
    assertThat(record.createdAt()).isEqualTo("2025-03-01T10:15:30Z");
    assertThat(record.verified()).isFalse();
    assertThat(BackupRecord.readBeside(file)).isEqualTo(record);
    assertThat(file.resolveSibling("app.sqlite.part")).doesNotExist();

    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute("DROP TABLE orders");
      c.createStatement().execute("DELETE FROM customers WHERE id = 2");
    }
    backups.restore(file, source);

    assertThat(Sql.sqliteTables(url)).containsExactly("customers", "orders");
    assertThat(Sql.column(url, "SELECT name FROM customers ORDER BY id"))
        .containsExactly("ada", "grace", "edsger");
    assertThat(Sql.column(url, "SELECT count(*) FROM orders")).containsExactly("2");
  }

  @Test
  void corruptedBackupIsRefusedBeforeRestoreAndTheTargetIsUnchanged() throws Exception {
    Path file = temp.resolve("app.sqlite");
    BackupRecord record = backups.backup(source, file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes);
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute("DROP TABLE orders");
    }

    SchemagateException e =
        catchThrowableOfType(() -> backups.restore(file, source), SchemagateException.class);

    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage())
        .isEqualTo(
            "backup "
                + file
                + " does not match its record: sha256 expected "
                + record.sha256()
                + ", found "
                + Backups.sha256(file)
                + "; the file is damaged or was changed — do not restore it");
    assertThat(Sql.sqliteTables(url)).containsExactly("customers");
  }

  @Test
  void verifyRestoresIntoScratchAndReportsTheCounts() throws Exception {
    Path file = temp.resolve("app.sqlite");
    backups.backup(source, file);
    try (ScratchServer scratch =
        new ScratchServer(ScratchSettings.defaults(), temp.resolve("scratch"))) {
      BackupRecord verified = backups.verify(file, source, scratch);

      assertThat(verified.verified()).isTrue();
      assertThat(verified.verificationDetail())
          .contains("2 tables and their row counts match the source (5 rows in all)")
          .contains("customers 3")
          .contains("orders 2");
      assertThat(BackupRecord.readBeside(file)).isEqualTo(verified);

      try (Connection c = DriverManager.getConnection(url)) {
        c.createStatement().execute("INSERT INTO orders (customer_id) VALUES (3)");
        c.createStatement().execute("CREATE TABLE notes (body TEXT)");
      }
      BackupRecord changed = backups.verify(file, source, scratch);

      assertThat(changed.verified()).isFalse();
      assertThat(changed.verificationDetail())
          .contains("orders: 3 rows in the source, 2 in the backup")
          .contains("notes: only in the source (0 rows)")
          .doesNotContain("customers:");
      assertThat(BackupRecord.readBeside(file).verified()).isFalse();
    }
    assertThat(temp.resolve("scratch")).isEmptyDirectory();
  }

  @Test
  void verifyOfADamagedFileIsNotVerifiedAndSaysWhy() throws Exception {
    Path file = temp.resolve("app.sqlite");
    backups.backup(source, file);
    Files.write(file, new byte[] {'x'}, java.nio.file.StandardOpenOption.APPEND);
    try (ScratchServer scratch = new ScratchServer(ScratchSettings.defaults(), temp)) {
      BackupRecord r = backups.verify(file, source, scratch);
      assertThat(r.verified()).isFalse();
      assertThat(r.verificationDetail()).contains("sha256 expected").contains("do not restore it");
    }
  }

  @Test
  void neverOverwritesABackup() throws Exception {
    Path file = temp.resolve("app.sqlite");
    backups.backup(source, file);
    String before = Backups.sha256(file);

    SchemagateException e =
        catchThrowableOfType(() -> backups.backup(source, file), SchemagateException.class);

    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage()).contains("already exists");
    assertThat(Backups.sha256(file)).isEqualTo(before);
  }

  @Test
  void missingSqliteSourceIsBadInputAndWritesNothing() {
    ConnectionSpec missing = ConnectionSpec.parse("jdbc:sqlite:" + temp.resolve("nope.db"));
    SchemagateException e =
        catchThrowableOfType(
            () -> backups.backup(missing, temp.resolve("b.sqlite")), SchemagateException.class);
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage()).contains("nope.db does not exist");
    assertThat(temp.resolve("nope.db")).doesNotExist();
    assertThat(temp.resolve("b.sqlite")).doesNotExist();
  }

  @Test
  void restoreWithoutARecordIsRefused() throws Exception {
    Path file = temp.resolve("app.sqlite");
    backups.backup(source, file);
    Files.delete(BackupRecord.recordPath(file));
    SchemagateException e =
        catchThrowableOfType(() -> backups.restore(file, source), SchemagateException.class);
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage()).contains("has no record").contains("app.sqlite.backup.json");
  }
}

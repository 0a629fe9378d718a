package dev.schemagate.core.schema.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.history.Database;
import dev.schemagate.core.schema.scratch.Pg15Scratch;
import dev.schemagate.core.schema.scratch.ScratchDatabase;
import dev.schemagate.core.schema.scratch.ScratchServer;
import dev.schemagate.core.sql.Dialect;
import dev.schemagate.core.testing.EmbeddedPostgresExtension;
import dev.schemagate.core.testing.PostgresDatabase;
import dev.schemagate.core.testing.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups of real PostgreSQL databases. The source lives on a PostgreSQL 15.18 scratch server (the
 * configurable major in use) because the machine's pg_dump is 15 and refuses newer servers.
 */
@ExtendWith({Pg15Scratch.class, EmbeddedPostgresExtension.class})
class BackupsPostgresTest {
  private static final String PASSWORD = "pw-never-shown-7f3a";

  @TempDir Path temp;
  private final PgTools tools = PgTools.standard();
  private final Backups backups =
      new Backups(Clock.systemUTC(), tools, List.of(new TableRowCounts()));

  private void assumePgDumpFor(int major) {
    List<PgTool> found = tools.find("pg_dump");
    assumeTrue(
        found.stream().anyMatch(t -> t.major() >= major),
        "skipped: no pg_dump "
            + major
            + " or newer on this machine (found: "
            + (found.isEmpty() ? "none" : found)
            + ")");
  }

  /** A scratch database on PostgreSQL 15, reached with a password the server ignores (trust). */
  private static ConnectionSpec withPassword(ScratchDatabase db) {
    return new ConnectionSpec(db.spec().jdbcUrl(), "postgres", PASSWORD, Dialect.POSTGRES);
  }

  private static void populate(ConnectionSpec spec) throws Exception {
    try (Connection c = Database.open(spec, "test");
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL)");
      st.execute(
          "CREATE TABLE orders (id serial PRIMARY KEY, customer_id int REFERENCES customers,"
              + " total numeric(10,2) DEFAULT 0,"
              // PostgreSQL prints this check differently once restored from a dump: the
              // verification must still see the same schema.
              + " status varchar(16) NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'paid')))");
      st.execute("INSERT INTO customers (name) VALUES ('ada'), ('grace'), ('edsger')");
      st.execute("INSERT INTO orders (customer_id, total) VALUES (1, 9.50), (2, 12.00)");
    }
  }

  @Test
  void backupThenDropThenRestoreGivesTheTableAndItsRowsBack(ScratchServer pg15) throws Exception {
    assumePgDumpFor(pg15.postgresVersionNum() / 10000);
    try (ScratchDatabase db = pg15.create(Dialect.POSTGRES)) {
      ConnectionSpec source = withPassword(db);
      populate(source);
      Path file = temp.resolve("app.dump");

      BackupRecord record = backups.backup(source, file);

      assertThat(record.method()).startsWith("pg_dump custom format 1");
      assertThat(record.sha256()).isEqualTo(Backups.sha256(file));
      assertThat(record.source()).contains(db.name()).doesNotContain(PASSWORD);
      assertThat(Files.readString(BackupRecord.recordPath(file))).doesNotContain(PASSWORD);

      try (Connection c = Database.open(source, "test")) {
        c.createStatement().execute("DROP TABLE orders");
        c.createStatement().execute("UPDATE customers SET name = 'changed'");
      }
      backups.restore(file, source);

      try (Connection c = Database.open(source, "test")) {
        assertThat(Sql.postgresTables(c)).containsExactly("customers", "orders");
        assertThat(Sql.column(c, "SELECT name FROM customers ORDER BY id"))
            .containsExactly("ada", "grace", "edsger");
        assertThat(Sql.column(c, "SELECT total::text FROM orders ORDER BY id"))
            .containsExactly("9.50", "12.00");
      }
    }
  }

  @Test
  void corruptedDumpIsRefusedBeforeRestoreAndTheTargetIsUnchanged(ScratchServer pg15)
      throws Exception {
    assumePgDumpFor(pg15.postgresVersionNum() / 10000);
    try (ScratchDatabase db = pg15.create(Dialect.POSTGRES)) {
      populate(db.spec());
      Path file = temp.resolve("app.dump");
      backups.backup(db.spec(), file);
      byte[] bytes = Files.readAllBytes(file);
      bytes[bytes.length - 10] ^= 0x40;
      Files.write(file, bytes);
      try (Connection c = Database.open(db.spec(), "test")) {
        c.createStatement().execute("DROP TABLE orders");
      }

      SchemagateException e =
          catchThrowableOfType(() -> backups.restore(file, db.spec()), SchemagateException.class);

      assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(e.getMessage())
          .contains("does not match its record: sha256 expected")
          .endsWith("the file is damaged or was changed — do not restore it");
      try (Connection c = Database.open(db.spec(), "test")) {
        assertThat(Sql.postgresTables(c)).containsExactly("customers");
      }
    }
  }

  @Test
  void verifyComparesCountsAndNamesWhatChangedSince(ScratchServer pg15) throws Exception {
    assumePgDumpFor(pg15.postgresVersionNum() / 10000);
    try (ScratchDatabase db = pg15.create(Dialect.POSTGRES)) {
      populate(db.spec());
      Path file = temp.resolve("app.dump");
      backups.backup(db.spec(), file);

      BackupRecord good = backups.verify(file, db.spec(), pg15);

      assertThat(good.verified()).as(good.verificationDetail()).isTrue();
      assertThat(good.verificationDetail())
          .contains("2 tables and their row counts match the source (5 rows in all)")
          .contains("public.customers 3, public.orders 2")
          .contains("PostgreSQL 15.18");

      try (Connection c = Database.open(db.spec(), "test")) {
        c.createStatement().execute("DELETE FROM orders WHERE id = 2");
      }
      BackupRecord stale = backups.verify(file, db.spec(), pg15);

      assertThat(stale.verified()).isFalse();
      assertThat(stale.verificationDetail())
          .contains("public.orders: 1 row in the source, 2 in the backup");
      assertThat(BackupRecord.readBeside(file)).isEqualTo(stale);
    }
  }

  @Test
  void tooOldPgDumpNamesBothVersionsAndThePackage(PostgresDatabase pg16) {
    List<PgTool> found = tools.find("pg_dump");
    assumeTrue(
        !found.isEmpty() && found.stream().allMatch(t -> t.major() < 16),
        "skipped: needs a machine whose newest pg_dump is older than the test server's 16"
            + " (found: "
            + found
            + ")");
    ConnectionSpec source = ConnectionSpec.parse(pg16.jdbcUrl());

    SchemagateException e =
        catchThrowableOfType(
            () -> backups.backup(source, temp.resolve("x.dump")), SchemagateException.class);

    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(e.getMessage())
        .matches(
            "pg_dump [0-9., and]+ cannot dump PostgreSQL 16\\.\\d+; install"
                + " postgresql-client-16 or newer");
    assertThat(temp.resolve("x.dump")).doesNotExist();
    assertThat(temp.resolve("x.dump.part")).doesNotExist();
  }
}

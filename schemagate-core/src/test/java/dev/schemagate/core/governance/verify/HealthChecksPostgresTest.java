package dev.schemagate.core.governance.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.governance.workorder.WorkOrder.HealthCheck;
import dev.schemagate.core.testing.EmbeddedPostgresExtension;
import dev.schemagate.core.testing.PostgresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Health checks on a fresh PostgreSQL database per test. Beyond what SQLite shows: an error aborts
 * a PostgreSQL transaction, so without a savepoint every later check would fail too.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class HealthChecksPostgresTest {
  private Connection c;

  @BeforeEach
  void database(PostgresDatabase db) throws SQLException {
    c = db.connect();
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INT PRIMARY KEY, name TEXT NOT NULL, email TEXT)");
      s.execute("INSERT INTO users VALUES (1, 'ann', 'ann@example.org'), (2, 'bob', NULL)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  @Test
  void passesACountThatMatches() throws SQLException {
    CheckResult r =
        HealthChecks.run(c, List.of(new HealthCheck("SELECT count(*) FROM users", "2"))).get(0);

    assertThat(r.pass()).isTrue();
    assertThat(r.actual()).isEqualTo("2");
    assertThat(r.error()).isNull();
  }

  @Test
  void failsAMismatchAndShowsWhatTheDatabaseGave() throws SQLException {
    CheckResult r =
        HealthChecks.run(c, List.of(new HealthCheck("SELECT count(*) FROM users", "0"))).get(0);

    assertThat(r.pass()).isFalse();
    assertThat(r.actual()).isEqualTo("2");
    assertThat(r.error()).isNull();
  }

  @Test
  void writesRowsAsLinesColumnsWithBarsAndNullAsNull() throws SQLException {
    String sql = "SELECT id, name, email FROM users ORDER BY id";
    CheckResult r =
        HealthChecks.run(c, List.of(new HealthCheck(sql, "1|ann|ann@example.org\n2|bob|NULL")))
            .get(0);

    assertThat(r.actual()).isEqualTo("1|ann|ann@example.org\n2|bob|NULL");
    assertThat(r.pass()).isTrue();
  }

  @Test
  void writesValuesInPostgresTextForm() throws SQLException {
    // What a work-order author must write: booleans as t/f, numerics with their scale.
    CheckResult r =
        HealthChecks.run(
                c, List.of(new HealthCheck("SELECT true, false, 1.50::numeric(4,2), NULL", "")))
            .get(0);

    assertThat(r.actual()).isEqualTo("t|f|1.50|NULL");
  }

  @Test
  void ignoresWhitespaceAroundTheWholeAndEachLine() throws SQLException {
    String sql = "SELECT id, name FROM users ORDER BY id";
    CheckResult r =
        HealthChecks.run(c, List.of(new HealthCheck(sql, "\n   1|ann\t\r\n  2|bob  \n\n"))).get(0);

    assertThat(r.pass()).isTrue();
  }

  @Test
  void aFailingQueryFailsOnlyItsOwnCheckDespiteTheAbortedTransaction() throws SQLException {
    List<CheckResult> r =
        HealthChecks.run(
            c,
            List.of(
                new HealthCheck("SELECT count(*) FROM users", "2"),
                new HealthCheck("SELECT count(*) FROM no_such_table", "0"),
                new HealthCheck("SELECT 1 / 0", "0"),
                new HealthCheck("SELECT count(*) FROM users", "2")));

    assertThat(r).extracting(CheckResult::pass).containsExactly(true, false, false, true);
    assertThat(r.get(1).error()).contains("no_such_table").contains("does not exist");
    assertThat(r.get(1).actual()).isNull();
    assertThat(r.get(2).error()).contains("division by zero");
    assertThat(r.get(3).error()).as("not 'current transaction is aborted'").isNull();
  }

  @Test
  void aWriteWrittenAsACheckIsRolledBack() throws SQLException {
    List<CheckResult> r =
        HealthChecks.run(
            c,
            List.of(
                new HealthCheck("UPDATE users SET email = 'x@example.org' WHERE id = 1", "1"),
                new HealthCheck("DELETE FROM users WHERE id = 2", "1"),
                new HealthCheck("ALTER TABLE users DROP COLUMN email", "0"),
                new HealthCheck("CREATE TABLE stray (id INT)", "0")));

    assertThat(r).extracting(CheckResult::error).containsOnlyNulls();
    assertThat(r.get(0).actual()).as("an update count stands for the result").isEqualTo("1");
    assertThat(rows("SELECT id, name, email FROM users ORDER BY id"))
        .isEqualTo("1|ann|ann@example.org\n2|bob|null");
    assertThat(rows("SELECT count(*) FROM pg_tables WHERE tablename = 'stray'")).isEqualTo("0");
  }

  @Test
  void aWriteBeforeAFailingCheckIsRolledBackToo() throws SQLException {
    HealthChecks.run(
        c,
        List.of(
            new HealthCheck("DELETE FROM users", "2"),
            new HealthCheck("SELECT nonsense FROM users", "0"),
            new HealthCheck("INSERT INTO users VALUES (3, 'cy', NULL)", "1")));

    assertThat(rows("SELECT id FROM users ORDER BY id")).isEqualTo("1\n2");
  }

  @Test
  void aCheckCannotCommitWhatItOrAnEarlierCheckChanged() throws SQLException {
    List<CheckResult> r =
        HealthChecks.run(
            c,
            List.of(
                new HealthCheck("DELETE FROM users", "2"),
                new HealthCheck("COMMIT", "0"),
                new HealthCheck("DELETE FROM users; COMMIT", "2"),
                new HealthCheck("/* sneaky */ END", "0"),
                new HealthCheck("SELECT count(*) FROM users", "2")));

    assertThat(r.get(1).error()).contains("COMMIT is transaction control");
    assertThat(r.get(2).error()).contains("one statement, this holds 2");
    assertThat(r.get(3).error()).contains("END is transaction control");
    assertThat(r.get(4).pass()).as("each check sees the database as the change left it").isTrue();
    assertThat(rows("SELECT count(*) FROM users")).isEqualTo("2");
    assertThat(c.getAutoCommit()).isTrue();
  }

  @Test
  void keepsTheCallersOpenTransaction() throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO users VALUES (3, 'cy', NULL)");
    }
    HealthChecks.run(c, List.of(new HealthCheck("DELETE FROM users", "3")));
    c.commit();
    c.setAutoCommit(true);

    assertThat(rows("SELECT id FROM users ORDER BY id")).isEqualTo("1\n2\n3");
  }

  @Test
  void restoresAutocommitAndLeavesTheConnectionUsable() throws SQLException {
    HealthChecks.run(
        c,
        List.of(
            new HealthCheck("SELECT count(*) FROM users", "2"),
            new HealthCheck("SELECT broken(", "1")));

    assertThat(c.getAutoCommit()).isTrue();
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO users VALUES (3, 'cy', NULL)");
    }
    assertThat(rows("SELECT count(*) FROM users")).isEqualTo("3");
  }

  @Test
  void cutsOffAResultLongerThanTheLimit() throws SQLException {
    String sql = "SELECT g FROM generate_series(1, " + (HealthChecks.MAX_ROWS + 500) + ") g";
    CheckResult r = HealthChecks.run(c, List.of(new HealthCheck(sql, "1"))).get(0);

    List<String> lines = r.actual().lines().toList();
    assertThat(lines).hasSize(HealthChecks.MAX_ROWS + 1);
    assertThat(lines.get(0)).isEqualTo("1");
    assertThat(lines.get(HealthChecks.MAX_ROWS)).contains("more than " + HealthChecks.MAX_ROWS);
    assertThat(r.pass()).isFalse();
  }

  /** Reads rows on its own (not through the class under test), after the checks ran. */
  private String rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(String.valueOf(rs.getString(i)));
        }
        out.add(String.join("|", row));
      }
    }
    return String.join("\n", out);
  }
}

package dev.schemagate.core.governance.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.governance.workorder.WorkOrder.HealthCheck;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health checks on a SQLite file: the text form, the comparison, and that nothing is kept. */
class HealthChecksTest {
  @TempDir Path tmp;
  private Connection c;

  @BeforeEach
  void database() throws SQLException {
    c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("checks.db"));
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (name TEXT NOT NULL, email TEXT)");
      s.execute("INSERT INTO users VALUES ('ann', 'ann@example.org'), ('bob', NULL)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  @Test
  void passesACountThatMatches() throws SQLException {
    List<CheckResult> r =
        HealthChecks.run(c, List.of(new HealthCheck("SELECT count(*) FROM users", "2")));

    assertThat(r).hasSize(1);
    assertThat(r.get(0).pass()).isTrue();
    assertThat(r.get(0).actual()).isEqualTo("2");
    assertThat(r.get(0).error()).isNull();
    assertThat(r.get(0).sql()).isEqualTo("SELECT count(*) FROM users");
    assertThat(r.get(0).expect()).isEqualTo("2");
    assertThat(r.get(0).millis()).isNotNegative();
  }

  @Test
  void failsAMismatchAndShowsWhatTheDatabaseGave() throws SQLException {
    CheckResult r =
        HealthChecks.run(c, List.of(new HealthCheck("SELECT count(*) FROM users", "3"))).get(0);

    assertThat(r.pass()).isFalse();
    assertThat(r.actual()).isEqualTo("2");
    assertThat(r.expect()).isEqualTo("3");
    assertThat(r.error()).isNull();
  }

  @Test
  void writesRowsAsLinesColumnsWithBarsAndNullAsNull() throws SQLException {
    String sql = "SELECT name, email FROM users ORDER BY name";
    CheckResult r =
        HealthChecks.run(c, List.of(new HealthCheck(sql, "ann|ann@example.org\nbob|NULL"))).get(0);

    assertThat(r.actual()).isEqualTo("ann|ann@example.org\nbob|NULL");
    assertThat(r.pass()).isTrue();
  }

  @Test
  void anEmptyResultIsEmptyText() throws SQLException {
    CheckResult r =
        HealthChecks.run(c, List.of(new HealthCheck("SELECT name FROM users WHERE 0", ""))).get(0);

    assertThat(r.actual()).isEmpty();
    assertThat(r.pass()).isTrue();
  }

  @Test
  void ignoresWhitespaceAroundTheWholeAndEachLineButNotInsideALine() throws SQLException {
    String sql = "SELECT name, email FROM users ORDER BY name";
    List<CheckResult> r =
        HealthChecks.run(
            c,
            List.of(
                new HealthCheck(sql, "\n  ann|ann@example.org  \r\n\tbob|NULL \n\n"),
                new HealthCheck(sql, "ann | ann@example.org\nbob|NULL")));

    assertThat(r.get(0).pass()).isTrue();
    assertThat(r.get(1).pass()).as("spaces around a bar are part of the value").isFalse();
  }

  @Test
  void aFailingQueryFailsOnlyItsOwnCheck() throws SQLException {
    List<CheckResult> r =
        HealthChecks.run(
            c,
            List.of(
                new HealthCheck("SELECT count(*) FROM no_such_table", "0"),
                new HealthCheck("SELECT count(*) FROM users", "2")));

    assertThat(r).hasSize(2);
    assertThat(r.get(0).pass()).isFalse();
    assertThat(r.get(0).actual()).isNull();
    assertThat(r.get(0).error()).contains("no_such_table");
    assertThat(r.get(1).pass()).isTrue();
    assertThat(r.get(1).error()).isNull();
  }

  @Test
  void aWriteWrittenAsACheckIsRolledBack() throws SQLException {
    List<CheckResult> r =
        HealthChecks.run(
            c,
            List.of(
                new HealthCheck("UPDATE users SET email = 'x' WHERE name = 'ann'", "1"),
                new HealthCheck("DELETE FROM users", "2"),
                new HealthCheck("DROP TABLE users", "0")));

    assertThat(r).extracting(CheckResult::error).containsOnlyNulls();
    assertThat(r.get(0).actual()).as("an update count stands for the result").isEqualTo("1");
    assertThat(r.get(1).actual()).isEqualTo("2");
    assertThat(rows("SELECT name, email FROM users ORDER BY name"))
        .isEqualTo("ann|ann@example.org\nbob|null");
  }

  @Test
  void restoresAutocommit() throws SQLException {
    HealthChecks.run(
        c,
        List.of(
            new HealthCheck("SELECT count(*) FROM users", "2"),
            new HealthCheck("SELECT nonsense(", "1")));
    assertThat(c.getAutoCommit()).isTrue();

    // A caller that works without autocommit gets it back that way too.
    c.setAutoCommit(false);
    HealthChecks.run(c, List.of(new HealthCheck("SELECT 1", "1")));
    assertThat(c.getAutoCommit()).isFalse();
    c.setAutoCommit(true);
  }

  @Test
  void leavesTheConnectionUsable() throws SQLException {
    HealthChecks.run(c, List.of(new HealthCheck("DELETE FROM users", "2")));
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO users VALUES ('cy', NULL)");
    }
    assertThat(rows("SELECT count(*) FROM users")).isEqualTo("3");
  }

  @Test
  void cutsOffAResultLongerThanTheLimit() throws SQLException {
    String sql =
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
            + (HealthChecks.MAX_ROWS + 500)
            + ") SELECT i FROM n";
    CheckResult r = HealthChecks.run(c, List.of(new HealthCheck(sql, "1"))).get(0);

    List<String> lines = r.actual().lines().toList();
    assertThat(lines).hasSize(HealthChecks.MAX_ROWS + 1);
    assertThat(lines.get(HealthChecks.MAX_ROWS - 1)).isEqualTo("" + HealthChecks.MAX_ROWS);
    assertThat(lines.get(HealthChecks.MAX_ROWS)).contains("more than " + HealthChecks.MAX_ROWS);
    assertThat(r.pass()).isFalse();
  }

  @Test
  void noChecksGiveNoResultsAndTouchNothing() throws SQLException {
    assertThat(HealthChecks.run(c, List.of())).isEmpty();
    assertThat(c.getAutoCommit()).isTrue();
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

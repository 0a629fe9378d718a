package dev.schemagate.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.history.Database;
import dev.schemagate.core.history.HistoryEntry;
import dev.schemagate.core.history.Outcome;
import dev.schemagate.core.history.VersionTable;
import dev.schemagate.core.plan.Direction;
import dev.schemagate.core.sql.Dialect;
import dev.schemagate.core.testing.EmbeddedPostgresExtension;
import dev.schemagate.core.testing.PostgresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A step's version-table writes on PostgreSQL go as one string of literals on the connection
 * schemagate opens: the values must arrive intact whatever the server's string settings, and a
 * write that touches the wrong number of rows must stop the step before it commits.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class JdbcSinkPostgresTest {
  private static final VersionTable TABLE = new VersionTable(Dialect.POSTGRES);

  private static HistoryEntry row(String revision, String actor) {
    return new HistoryEntry(
        0,
        revision,
        Direction.UP,
        "versioned",
        "c0ffee",
        actor,
        "host\\1",
        null,
        "2026-11-22T05:00:00Z",
        "2026-11-22T05:00:01Z",
        3,
        Outcome.SUCCESS,
        null,
        "0.1.0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"on", "off"})
  void storesQuotesAndBackslashesIntactWhateverStandardConformingStrings(
      String setting, PostgresDatabase db) throws SQLException {
    String actor = "CORP\\o'brien\\'; DROP TABLE schemagate_version; --";
    try (Connection c = Database.openForMigrations(ConnectionSpec.parse(db.jdbcUrl()), "test");
        JdbcSink sink = new JdbcSink(c, true);
        Statement st = c.createStatement()) {
      st.execute("SET standard_conforming_strings = " + setting);
      startAt(sink, "a1");

      sink.begin();
      sink.executeAll(
          List.of(TABLE.replaceHead("a1", "b2"), TABLE.insertHistory(row("b2", actor))));
      sink.commit();

      assertThat(strings(st, "SELECT version_num FROM schemagate_version")).containsExactly("b2");
      assertThat(strings(st, "SELECT actor || '|' || host FROM schemagate_history"))
          .containsExactly(actor + "|host\\1");
    }
  }

  @Test
  void aHeadChangeThatTouchesNoRowStopsTheStepBeforeItCommits(PostgresDatabase db)
      throws SQLException {
    try (Connection c = Database.openForMigrations(ConnectionSpec.parse(db.jdbcUrl()), "test");
        JdbcSink sink = new JdbcSink(c, true);
        Statement st = c.createStatement()) {
      startAt(sink, "a1");

      sink.begin();
      sink.execute(SqlCommand.of("CREATE TABLE from_the_migration (id INT)"));
      assertThatThrownBy(
              () ->
                  sink.executeAll(
                      List.of(
                          TABLE.replaceHead("zz", "b2"), TABLE.insertHistory(row("b2", "bob")))))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("version table out of step")
          .hasMessageContaining("expected 1 row(s)")
          .hasMessageContaining("got 0");
      sink.rollback();

      assertThat(strings(st, "SELECT version_num FROM schemagate_version")).containsExactly("a1");
      assertThat(strings(st, "SELECT revision FROM schemagate_history")).isEmpty();
      assertThat(strings(st, "SELECT to_regclass('from_the_migration')::text"))
          .containsExactly((String) null);
    }
  }

  @Test
  void preparesEachWriteOncePerSessionEvenAcrossARollbackAndADeallocate(PostgresDatabase db)
      throws SQLException {
    try (Connection c = Database.openForMigrations(ConnectionSpec.parse(db.jdbcUrl()), "test");
        JdbcSink sink = new JdbcSink(c, true);
        Statement st = c.createStatement()) {
      startAt(sink, "a1");

      step(sink, "a1", "b2");
      assertThat(strings(st, "SELECT name FROM pg_prepared_statements ORDER BY name"))
          .containsExactly("schemagate_insert_history", "schemagate_replace_head");

      // A migration that drops every prepared statement.
      sink.begin();
      sink.execute(SqlCommand.of("/* tidy up */ DEALLOCATE ALL"));
      sink.executeAll(
          List.of(TABLE.replaceHead("b2", "c3"), TABLE.insertHistory(row("c3", "bob"))));
      sink.commit();
      // A step rolled back after its writes, then run again.
      sink.begin();
      sink.executeAll(
          List.of(TABLE.replaceHead("c3", "d4"), TABLE.insertHistory(row("d4", "bob"))));
      sink.rollback();
      step(sink, "c3", "d4");

      assertThat(strings(st, "SELECT version_num FROM schemagate_version")).containsExactly("d4");
      assertThat(strings(st, "SELECT revision FROM schemagate_history ORDER BY id"))
          .containsExactly("b2", "c3", "d4");
    }
  }

  @Test
  void aScriptOfTheWritesDoesOnADatabaseWhatTheLiveRunDid(PostgresDatabase db) throws SQLException {
    StringBuilder script = new StringBuilder();
    ScriptSink printer = new ScriptSink(script, Dialect.POSTGRES);
    TABLE.create().forEach(printer::execute);
    printer.execute(TABLE.insertHead("a1"));
    for (String[] s : new String[][] {{"a1", "b2"}, {"b2", "c3"}}) {
      printer.begin();
      printer.executeAll(
          List.of(TABLE.replaceHead(s[0], s[1]), TABLE.insertHistory(row(s[1], "bob"))));
      printer.commit();
    }
    assertThat(script.toString().split("PREPARE schemagate_replace_head AS", -1)).hasSize(2);
    assertThat(script.toString())
        .contains("EXECUTE schemagate_replace_head('c3', 'b2');")
        .doesNotContain("UPDATE schemagate_version SET version_num = 'c3'");

    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      for (var statement :
          dev.schemagate.core.sql.StatementSplitter.split(script.toString(), Dialect.POSTGRES)) {
        st.execute(statement.sql());
      }
      assertThat(strings(st, "SELECT version_num FROM schemagate_version")).containsExactly("c3");
      assertThat(strings(st, "SELECT revision || ' ' || actor FROM schemagate_history ORDER BY id"))
          .containsExactly("b2 bob", "c3 bob");
    }
  }

  /** Creates the version tables and records {@code head} as the one head. */
  private static void startAt(JdbcSink sink, String head) throws SQLException {
    for (SqlCommand create : TABLE.create()) {
      sink.execute(create);
    }
    sink.execute(TABLE.insertHead(head));
  }

  private static void step(JdbcSink sink, String from, String to) throws SQLException {
    sink.begin();
    sink.executeAll(List.of(TABLE.replaceHead(from, to), TABLE.insertHistory(row(to, "bob"))));
    sink.commit();
  }

  @Test
  void runsMigrationsWithTheSimpleQueryProtocolUnlessTheUrlSaysOtherwise(PostgresDatabase db)
      throws SQLException {
    try (Connection c = Database.openForMigrations(ConnectionSpec.parse(db.jdbcUrl()), "test")) {
      assertThat(c.unwrap(org.postgresql.PGConnection.class).getPreferQueryMode().value())
          .isEqualTo("simple");
    }
    try (Connection c = Database.open(ConnectionSpec.parse(db.jdbcUrl()), "test")) {
      assertThat(c.unwrap(org.postgresql.PGConnection.class).getPreferQueryMode().value())
          .as("a connection that reads catalogs keeps prepared statements")
          .isEqualTo("extended");
    }
    try (Connection c =
        Database.openForMigrations(
            ConnectionSpec.parse(db.jdbcUrl() + "&preferQueryMode=extended"), "test")) {
      assertThat(c.unwrap(org.postgresql.PGConnection.class).getPreferQueryMode().value())
          .isEqualTo("extended");
    }
  }

  private static List<String> strings(Statement st, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}

package dev.schemagate.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.schemagate.core.history.VersionTable;
import dev.schemagate.core.plan.Direction;
import dev.schemagate.core.plan.PlanStep;
import dev.schemagate.core.revision.Revision;
import dev.schemagate.core.source.MigrationScript;
import dev.schemagate.core.source.SqlSection;
import dev.schemagate.core.sql.Dialect;
import dev.schemagate.core.sql.StatementSplitter;
import dev.schemagate.core.testing.EmbeddedPostgresExtension;
import dev.schemagate.core.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The statement recorder in front of a real {@link JdbcSink} on PostgreSQL: what it records is what
 * the database did, including its notices and errors.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class RecordingSinkPostgresTest {
  private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private Connection c;
  private JdbcSink jdbc;
  private final Events events = new Events();
  private RecordingSink recorder;

  @BeforeEach
  void database(PostgresDatabase db) throws SQLException {
    c = db.connect();
    jdbc = new JdbcSink(c, true);
    recorder = new RecordingSink(jdbc, events, CLOCK);
  }

  @AfterEach
  void close() throws SQLException {
    jdbc.close();
    c.close();
  }

  @Test
  void recordsANoticeAmongTheStatementsMessages() throws SQLException {
    recorder.stepStarted(0, 1, step("a1", null, "SELECT 1"));
    recorder.execute(SqlCommand.of("DO $$ BEGIN RAISE NOTICE 'hello %', 42; END $$"));
    recorder.execute(SqlCommand.of("SELECT 1"));

    List<StatementRecord> r = recorder.records();
    assertThat(r.get(0).messages()).containsExactly("hello 42");
    assertThat(r.get(1).messages()).as("a notice belongs to its own statement only").isEmpty();
  }

  @Test
  void recordsANoticeRaisedByABoundStatement() throws SQLException {
    recorder.execute(SqlCommand.of("CREATE TABLE t (v INT)"));
    recorder.execute(
        SqlCommand.of(
            "CREATE FUNCTION t_notice() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN RAISE NOTICE 'trigger saw %', NEW.v; RETURN NEW; END $$"));
    recorder.execute(
        SqlCommand.of(
            "CREATE TRIGGER t_notice BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION t_notice()"));
    recorder.stepStarted(0, 1, step("a1", null, "SELECT 1"));
    recorder.execute(SqlCommand.oneRow("INSERT INTO t VALUES (?)", 6));
    recorder.execute(SqlCommand.of("SELECT 1"));

    List<StatementRecord> r = recorder.records();
    assertThat(r.get(3).messages()).containsExactly("trigger saw 6");
    assertThat(r.get(4).messages()).isEmpty();
  }

  @Test
  void recordsAFailingStatementWithTheDatabasesErrorAndRethrowsItUnchanged() throws SQLException {
    Throwing target = new Throwing(jdbc);
    RecordingSink rec = new RecordingSink(target, RunListener.NONE, CLOCK);
    rec.stepStarted(0, 1, step("a1", null, "SELECT 1"));
    rec.begin();

    SQLException thrown =
        catchThrowableOfType(
            () -> rec.execute(SqlCommand.of("INSERT INTO no_such_table VALUES (1)")),
            SQLException.class);
    rec.rollback();

    assertThat((Throwable) thrown).isNotNull().isSameAs(target.last);
    assertThat(thrown.getSQLState()).isEqualTo("42P01");
    StatementRecord r = rec.records().get(0);
    assertThat(r.error()).isEqualTo(thrown.getMessage()).contains("no_such_table");
    assertThat(r.rows()).isEqualTo(-1);
    assertThat(r.sql()).isEqualTo("INSERT INTO no_such_table VALUES (1)");
    assertThat(r.revision()).isEqualTo("a1");
  }

  @Test
  void recordsTheUpdateCountOfEachStatement() throws SQLException {
    recorder.stepStarted(0, 1, step("a1", null, "SELECT 1"));
    recorder.execute(SqlCommand.of("CREATE TABLE t (id INT, flag BOOLEAN)"));
    recorder.execute(SqlCommand.of("INSERT INTO t SELECT g, false FROM generate_series(1, 5) g"));
    recorder.execute(SqlCommand.of("UPDATE t SET flag = true WHERE id <= 3"));
    recorder.execute(SqlCommand.of("SELECT * FROM t"));

    assertThat(recorder.records()).extracting(StatementRecord::rows).containsExactly(0, 5, 3, -1);
  }

  @Test
  void namesTheKindByWhenAndHowAStatementWasSent() throws SQLException {
    VersionTable table = new VersionTable(Dialect.POSTGRES);
    for (SqlCommand create : table.create()) {
      recorder.execute(create);
    }
    recorder.stepStarted(0, 1, step("a1", null, "CREATE TABLE t (id INT)"));
    recorder.execute(SqlCommand.of("CREATE TABLE t (id INT)"));
    recorder.execute(table.insertHead("a1"));
    recorder.execute(SqlCommand.oneRow("INSERT INTO t (id) VALUES (?)", 7));

    List<StatementRecord> r = recorder.records();
    assertThat(r)
        .extracting(StatementRecord::kind)
        .containsExactly("setup", "setup", "migration", "bookkeeping", "bookkeeping");
    assertThat(r)
        .extracting(StatementRecord::revision)
        .containsExactly(null, null, "a1", "a1", "a1");
    assertThat(r).extracting(StatementRecord::seq).containsExactly(1, 2, 3, 4, 5);
    assertThat(r.get(3).params()).containsExactly("a1");
    assertThat(r.get(4).params()).containsExactly("7");
    assertThat(r.get(4).rows()).isEqualTo(1);
    assertThat(r.get(2).params()).isEmpty();
    assertThat(r).extracting(StatementRecord::started).containsOnly(NOW.toString());
    assertThat(r).extracting(StatementRecord::micros).allMatch(m -> m >= 0);
  }

  @Test
  void passesStepEventsOnToTheNextListener() {
    RunStep s = step("a1", null, "SELECT 1");
    StepResult done =
        new StepResult(
            "a1", Direction.UP, "a1", dev.schemagate.core.history.Outcome.SUCCESS, 1, 0, true);
    recorder.stepStarted(0, 2, s);
    recorder.stepFinished(0, 2, done);

    assertThat(events.log).containsExactly("started 0/2 a1", "finished 0/2 a1");
  }

  @Test
  void recordsAWholeRunWithItsSetupStepsBookkeepingAndNotices() throws SQLException {
    VersionTable table = new VersionTable(Dialect.POSTGRES);
    // The version tables exist already, so their creation draws PostgreSQL's "skipping" notice.
    try (Statement s = c.createStatement()) {
      for (SqlCommand create : table.create()) {
        s.execute(create.sql());
      }
    }
    List<RunStep> steps =
        List.of(
            step("a1", null, "CREATE TABLE users (id INT);\nINSERT INTO users VALUES (1), (2);"),
            step(
                "b2",
                "a1",
                "UPDATE users SET id = id + 10;\n"
                    + "DO $$ BEGIN RAISE NOTICE 'moved % rows', 2; END $$;"));

    for (SqlCommand create : table.create()) {
      recorder.execute(create);
    }
    List<StepResult> done = new MigrationRunner(table, context()).run(steps, recorder, recorder);

    assertThat(done).hasSize(2);
    assertThat(events.log)
        .containsExactly("started 0/2 a1", "finished 0/2 a1", "started 1/2 b2", "finished 1/2 b2");
    List<StatementRecord> r = recorder.records();
    assertThat(r)
        .extracting(x -> x.kind() + " " + x.revision() + " " + x.rows())
        .containsExactly(
            "setup null 0",
            "setup null 0",
            "migration a1 0",
            "migration a1 2",
            "bookkeeping a1 1",
            "bookkeeping a1 1",
            "migration b2 2",
            "migration b2 0",
            "bookkeeping b2 1",
            "bookkeeping b2 1");
    assertThat(r.get(0).messages()).singleElement().asString().contains("already exists");
    assertThat(r.get(7).messages()).containsExactly("moved 2 rows");
    assertThat(r.get(8).sql()).startsWith("UPDATE " + VersionTable.HEADS);
    assertThat(r.get(8).params()).containsExactly("b2", "a1");
    assertThat(r).extracting(StatementRecord::error).containsOnlyNulls();
    assertThat(query("SELECT version_num FROM " + VersionTable.HEADS)).isEqualTo("b2");
  }

  @Test
  void recordsAFailedStepsStatementAndItsFailedHistoryRow() throws SQLException {
    VersionTable table = new VersionTable(Dialect.POSTGRES);
    for (SqlCommand create : table.create()) {
      recorder.execute(create);
    }
    List<RunStep> steps =
        List.of(step("a1", null, "CREATE TABLE users (id INT);\nINSERT INTO users VALUES ('x');"));

    assertThatThrownBy(() -> new MigrationRunner(table, context()).run(steps, recorder, recorder))
        .isInstanceOf(MigrationFailedException.class);

    List<StatementRecord> r = recorder.records();
    assertThat(r)
        .extracting(x -> x.kind() + " " + x.revision())
        .containsExactly(
            "setup null", "setup null", "migration a1", "migration a1", "bookkeeping a1");
    assertThat(r.get(3).error()).contains("invalid input syntax for type integer");
    assertThat(r.get(4).params()).contains("a1", "failed").contains(r.get(3).error());
    assertThat(r.get(4).error()).isNull();
    assertThat(query("SELECT count(*) FROM pg_tables WHERE tablename = 'users'")).isEqualTo("0");
  }

  private static RunContext context() {
    return new RunContext("tester", "test-host", "WO-MIGRATION-001", "test", CLOCK);
  }

  /** A transactional upgrade step of a linear revision, its SQL split as the runner gets it. */
  private static RunStep step(String id, String down, String sql) {
    Path file = Path.of(id + ".sql");
    Revision rev = Revision.linear(id, down, id, file);
    PlanStep plan =
        new PlanStep(rev, Direction.UP, down == null ? List.of() : List.of(down), List.of(id));
    SqlSection up = new SqlSection(sql, file, 1);
    MigrationScript script =
        new MigrationScript(
            rev, up, null, true, null, "0".repeat(64), MigrationScript.Kind.VERSIONED);
    return new RunStep(
        plan, script, up, StatementSplitter.split(sql, Dialect.POSTGRES), true, false);
  }

  private String query(String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return String.join("\n", out);
    }
  }

  /** A listener that writes down what it heard. */
  private static final class Events implements RunListener {
    final List<String> log = new ArrayList<>();

    @Override
    public void stepStarted(int index, int total, RunStep step) {
      log.add("started " + index + "/" + total + " " + step.revision());
    }

    @Override
    public void stepFinished(int index, int total, StepResult result) {
      log.add("finished " + index + "/" + total + " " + result.revision());
    }
  }

  /** Passes everything to a sink and keeps the exception it threw last, to compare identity. */
  private static final class Throwing implements StatementSink {
    private final StatementSink target;
    SQLException last;

    Throwing(StatementSink target) {
      this.target = target;
    }

    @Override
    public void begin() throws SQLException {
      target.begin();
    }

    @Override
    public void commit() throws SQLException {
      target.commit();
    }

    @Override
    public void rollback() {
      target.rollback();
    }

    @Override
    public int execute(SqlCommand command) throws SQLException {
      try {
        return target.execute(command);
      } catch (SQLException e) {
        last = e;
        throw e;
      }
    }

    @Override
    public void comment(String text) {}

    @Override
    public List<String> messages() {
      return target.messages();
    }
  }
}

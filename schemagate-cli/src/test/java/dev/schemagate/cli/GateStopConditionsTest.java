package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.governance.approval.Approval;
import dev.schemagate.core.governance.approval.Approvals;
import dev.schemagate.core.governance.approval.CanonicalForm;
import dev.schemagate.core.governance.approval.Decision;
import dev.schemagate.core.governance.approval.Keys;
import dev.schemagate.core.governance.gate.StopCondition;
import dev.schemagate.core.governance.workorder.WorkOrder;
import dev.schemagate.core.governance.workorder.WorkOrder.HealthCheck;
import dev.schemagate.core.governance.workorder.WorkOrder.Intent;
import dev.schemagate.core.governance.workorder.WorkOrder.RollbackPlan;
import dev.schemagate.core.governance.workorder.WorkOrderFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The governance gate against a real SQLite target: a control run in which every stop condition
 * passes and the upgrade applies, then, for every {@link StopCondition}, a run in which that one
 * condition alone fails. A blocked run exits 3, names only that condition, leaves the schema and
 * every row as they were, and appends exactly one {@code GATE_FAILED} row to the audit log.
 * Tampering with approvals, evidence packs and the audit log is detected.
 *
 * <p>Every case starts from the same project: a worker (wendy) drafts, a manager (max) approves,
 * and max executes with his key. Each failing case changes exactly one thing from that, so the
 * control test is what proves each failure has its one reason.
 */
class GateStopConditionsTest {
  private static final String WO = "WO-MIGRATION-001";

  private static final String NOTES = "migrations/b2b2b2b2b2b2_create_notes.sql";

  private static final String NOTES_EXIST =
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'notes'";

  @TempDir Path project;

  private String config;

  /** What a case adds to the common project before the work order is drafted. */
  private enum Extra {
    NONE,
    IRREVERSIBLE_MIGRATION,
    LINT_ERROR_MIGRATION,
    STAGING_WINDOW_CLOSED,
    FAILING_MIGRATION
  }

  /** Which part of the author's text is left as drafted, with its TODO placeholder. */
  private enum Left {
    NOTHING,
    WHY,
    ROLLBACK_TRIGGER
  }

  // --- control ---------------------------------------------------------------------------------

  @Test
  void everythingInOrderPassesEveryConditionAndApplies() throws Exception {
    setUp(Extra.NONE);
    draft("staging", "wendy", Left.NOTHING);
    approve("max");
    List<String> before = auditEvents("staging.db");
    List<String> dumpBefore = dump("staging.db");

    CliRunner run = gated("staging", "max");

    assertThat(run.exitCode()).as(run.all()).isZero();
    // The dump the blocked cases compare sees what a run changes, and keeps the existing rows.
    assertThat(dump("staging.db"))
        .isNotEqualTo(dumpBefore)
        .containsAll(dumpBefore)
        .anyMatch(row -> row.startsWith("table notes on notes: CREATE TABLE notes"));
    assertThat(run.all()).doesNotContain("FAIL ");
    assertThat(run.out()).contains("Verification: PASS").contains("Evidence: ");
    assertThat(tables("staging.db")).contains("agents", "notes", "customers");
    assertThat(auditEvents("staging.db"))
        .startsWith(before.toArray(String[]::new))
        .contains("GATE_PASSED", "APPLY_FINISHED", "EVIDENCE_RECORDED")
        .doesNotContain("GATE_FAILED");
  }

  // --- each stop condition alone ---------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(StopCondition.class)
  void eachStopConditionAloneBlocksTheRunAndChangesNothing(StopCondition condition)
      throws Exception {
    Blocked attempt = arrange(condition);
    String db = attempt.database();
    List<String> dumpBefore = dump(db);
    assertThat(dumpBefore).anyMatch(row -> row.startsWith("customers [3, Linus"));
    List<String> auditBefore = auditEvents(db);

    CliRunner run = gated(attempt.env(), attempt.executor());

    assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
    assertThat(run.err()).contains("FAIL " + condition.id() + ":");
    assertThat(failLines(run.err())).as(run.err()).containsExactly(condition.id());
    assertThat(failLine(run.err(), condition)).contains(attempt.reason());
    assertThat(dump(db)).as("schema and rows after the blocked run").isEqualTo(dumpBefore);
    List<String> auditAfter = auditEvents(db);
    assertThat(auditAfter).hasSize(auditBefore.size() + 1);
    assertThat(auditAfter.subList(0, auditBefore.size())).isEqualTo(auditBefore);
    assertThat(auditAfter.get(auditBefore.size())).isEqualTo("GATE_FAILED");
    String[] row = lastAuditRow(db);
    // Who the key proved, the environment asked for, and the one condition that failed.
    assertThat(row[0]).isEqualTo(attempt.executor());
    assertThat(row[1]).isEqualTo(attempt.env());
    assertThat(row[2]).contains("\"failed\":[\"" + condition.id() + "\"]");
    assertThat(project.resolve("evidence")).doesNotExist();
    assertThat(project.resolve("backups")).doesNotExist();
  }

  /**
   * How a blocked attempt runs: environment, whose key executes, the database it targets, and what
   * the failing condition's reason must say.
   */
  private record Blocked(String env, String executor, String database, String reason) {
    static Blocked staging(String executor, String reason) {
      return new Blocked("staging", executor, "staging.db", reason);
    }
  }

  /** Sets up the project so that {@code condition}, and nothing else, fails. */
  private Blocked arrange(StopCondition condition) throws Exception {
    return switch (condition) {
      case APPROVALS -> {
        setUp(Extra.NONE);
        draft("staging", "wendy", Left.NOTHING);
        yield Blocked.staging("max", "0 valid approvals");
      }
      case ENVIRONMENT -> {
        // qa is configured, governed and points at the same database; the work order is for
        // staging.
        setUp(Extra.NONE);
        draft("staging", "wendy", Left.NOTHING);
        approve("max");
        yield new Blocked("qa", "max", "staging.db", "--env qa but " + WO + " is for staging");
      }
      case UNCOMMITTED_MIGRATION -> {
        setUp(Extra.NONE);
        draft("staging", "wendy", Left.NOTHING);
        approve("max");
        // Content unchanged, so the checksum still matches: only the git state differs.
        git("rm", "-q", "--cached", NOTES);
        yield Blocked.staging("max", "not committed (untracked)");
      }
      case STARTUP_MIGRATION -> {
        setUp(Extra.NONE);
        draft("staging", "wendy", Left.NOTHING);
        approve("max");
        Files.writeString(
            project.resolve("Dockerfile"),
            "FROM eclipse-temurin:17-jre\n"
                + "COPY . /app\n"
                + "CMD [\"schemagate\", \"upgrade\", \"head\"]\n");
        yield Blocked.staging("max", "Dockerfile");
      }
      case ROLLBACK_PLAN -> {
        setUp(Extra.NONE);
        draft("staging", "wendy", Left.ROLLBACK_TRIGGER);
        approve("max");
        yield Blocked.staging("max", "rollback.triggers[0] is a placeholder");
      }
      case INTENT_INCOMPLETE -> {
        setUp(Extra.NONE);
        draft("staging", "wendy", Left.WHY);
        approve("max");
        yield Blocked.staging("max", "intent.why is still a placeholder");
      }
      case EVIDENCE -> {
        setUp(Extra.NONE);
        draft("staging", "wendy", Left.NOTHING);
        approve("max");
        flipLastByte(project.resolve("workorders/" + WO + "/lint.txt"));
        yield Blocked.staging("max", "lint: changed");
      }
      case CHANGED_SINCE_APPROVAL -> {
        setUp(Extra.NONE);
        draft("staging", "wendy", Left.NOTHING);
        approve("max");
        changeOneByteAndCommit();
        yield Blocked.staging(
            "max", "b2b2b2b2b2b2 (b2b2b2b2b2b2_create_notes.sql): checksum is now");
      }
      case IRREVERSIBLE_UNJUSTIFIED -> {
        setUp(Extra.IRREVERSIBLE_MIGRATION);
        draft("staging", "wendy", Left.NOTHING);
        approve("max");
        yield Blocked.staging("max", "lacks irreversible_justification");
      }
      case FINAL_AUTHORITY -> {
        // production's policy is met by the manager alone; its name still needs the final
        // authority.
        setUp(Extra.NONE);
        draft("production", "wendy", Left.NOTHING);
        approve("max");
        yield new Blocked("production", "max", "production.db", "production is production");
      }
      case SELF_APPROVAL -> {
        // max writes it and signs it himself with the library (the CLI refuses); mona's approval
        // meets the count, so only the self-approval is wrong.
        setUp(Extra.NONE);
        draft("staging", "max", Left.NOTHING);
        appendApproval(signedAs("max", "manager", Keys.readPrivate(key("max"))));
        approve("mona");
        yield Blocked.staging("mona", "the author max approved their own work order");
      }
      case OUTSIDE_WINDOW -> {
        setUp(Extra.STAGING_WINDOW_CLOSED);
        draft("staging", "wendy", Left.NOTHING);
        approve("max");
        yield Blocked.staging("max", "is outside every window of staging");
      }
      case UNWAIVED_LINT_ERRORS -> {
        setUp(Extra.LINT_ERROR_MIGRATION);
        draft("staging", "wendy", Left.NOTHING);
        approve("max");
        yield Blocked.staging("max", "ban-drop-column");
      }
      case WORKER_EXECUTION -> {
        setUp(Extra.NONE);
        draft("staging", "wendy", Left.NOTHING);
        approve("max");
        yield Blocked.staging("wendy", "wendy is a worker");
      }
    };
  }

  @Test
  void aValidRejectionBlocksOnlyApprovalsEvenWhenTheCountIsMet() throws Exception {
    setUp(Extra.NONE);
    draft("staging", "wendy", Left.NOTHING);
    approve("max");
    CliRunner reject =
        cli("wo", "reject", WO, "--key", key("mona").toString(), "--reason", "not this week");
    assertThat(reject.exitCode()).as(reject.all()).isZero();
    // Signed without --env: each decision is logged in the work order's own environment.
    assertThat(auditEvents("staging.db")).containsSubsequence("APPROVED", "REJECTED");
    List<String> dumpBefore = dump("staging.db");

    CliRunner run = gated("staging", "max");

    assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
    assertThat(failLines(run.err())).as(run.err()).containsExactly("approvals");
    assertThat(failLine(run.err(), StopCondition.APPROVALS))
        .contains("rejected by mona (manager): not this week");
    assertThat(dump("staging.db")).isEqualTo(dumpBefore);
    assertThat(auditEvents("staging.db")).endsWith("GATE_FAILED");
    assertThat(lastAuditRow("staging.db")[2])
        .contains("\"reasons\"")
        .contains("rejected by mona (manager): not this week");
  }

  @Test
  void withoutAKeyTheExecutorIsOnlyAClaimAndWorkerExecutionFails() throws Exception {
    setUp(Extra.NONE);
    draft("staging", "wendy", Left.NOTHING);
    approve("max");
    List<String> dumpBefore = dump("staging.db");

    CliRunner run = cli("--env", "staging", "upgrade", "head", "--work-order", WO);

    assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
    assertThat(failLines(run.err())).as(run.err()).containsExactly("worker-execution");
    assertThat(failLine(run.err(), StopCondition.WORKER_EXECUTION))
        .contains("not proven")
        .contains("--key");
    assertThat(dump("staging.db")).isEqualTo(dumpBefore);
  }

  @Test
  void aMigrationFailingUnderTheGateIsRecordedAndStillLeavesAnIntactEvidencePack()
      throws Exception {
    setUp(Extra.FAILING_MIGRATION);
    draft("staging", "wendy", Left.NOTHING);
    approve("max");

    CliRunner run = gated("staging", "max");

    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.err()).contains("table customers already exists").contains("evidence pack: ");
    // The two migrations before it stay applied and recorded; the failed one is rolled back.
    assertThat(tables("staging.db")).contains("agents", "notes").doesNotContain("tags");
    assertThat(auditEvents("staging.db"))
        .containsSubsequence("GATE_PASSED", "APPLY_STARTED", "APPLY_FAILED", "EVIDENCE_RECORDED")
        .doesNotContain("APPLY_FINISHED", "VERIFICATION_PASSED");
    Path pack;
    try (var dirs = Files.list(project.resolve("evidence").resolve(WO))) {
      pack = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    assertThat(Files.readString(pack.resolve("manifest.json")))
        .contains("\"outcome\" : \"failed\"");
    assertThat(Files.readString(pack.resolve("statements.json")))
        .contains("CREATE TABLE customers")
        .contains("table customers already exists");
    CliRunner verify = cli("--json", "--env", "staging", "evidence", "verify", pack.toString());
    assertThat(verify.exitCode()).as(verify.all()).isZero();
    assertThat(verify.out())
        .as("a path in JSON is written as given, not as a file:// URI")
        .contains("\"path\" : \"" + pack + "\"")
        .contains("\"intact\" : true");
  }

  @Test
  void aGatedStampNeedsTheLiveSchemaToBeTheHistorysAndThenRecordsWithoutRunning() throws Exception {
    setUp(Extra.NONE);
    draft("staging", "wendy", Left.NOTHING);
    approve("max");
    String[] stamp = {
      "--env", "staging", "stamp", "head", "--work-order", WO, "--key", key("max").toString()
    };
    List<String> dumpBefore = dump("staging.db");

    // The application's customers table is there and the history's tables are not.
    CliRunner refused = cli(stamp);
    assertThat(refused.exitCode()).as(refused.all()).isEqualTo(3);
    assertThat(refused.err()).contains("refused this stamp").contains("agents");
    assertThat(dump("staging.db")).isEqualTo(dumpBefore);
    assertThat(auditEvents("staging.db")).endsWith("GATE_FAILED");

    // Made by hand exactly as the history makes it, the schema passes and the stamp runs no SQL.
    try (Connection c = open("staging.db");
        Statement st = c.createStatement()) {
      st.execute("DROP TABLE customers");
      st.execute(
          "CREATE TABLE agents (\n    id INTEGER PRIMARY KEY,\n    name VARCHAR(64) NOT NULL\n)");
      st.execute(
          "CREATE TABLE notes (\n    id INTEGER PRIMARY KEY,\n"
              + "    agent_id INTEGER NOT NULL REFERENCES agents (id),\n    body TEXT\n)");
    }
    CliRunner stamped = cli(stamp);
    assertThat(stamped.exitCode()).as(stamped.all()).isZero();
    assertThat(stamped.out()).contains("stamp b2b2b2b2b2b2").contains("Verification: PASS");
    assertThat(auditEvents("staging.db"))
        .containsSubsequence(
            "GATE_FAILED", "GATE_PASSED", "BACKUP_VERIFIED", "APPLY_FINISHED", "EVIDENCE_RECORDED");
    try (Connection c = open("staging.db");
        ResultSet rs =
            c.createStatement().executeQuery("SELECT version_num FROM schemagate_version")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("b2b2b2b2b2b2");
    }
  }

  // --- tampering -------------------------------------------------------------------------------

  @Test
  void aForgedSignatureUnderAManagersNameBlocksEvenNextToAValidApproval() throws Exception {
    setUp(Extra.NONE);
    draft("staging", "wendy", Left.NOTHING);
    approve("max");
    PrivateKey forger = Keys.newKeyPair().getPrivate();
    appendApproval(signedAs("mona", "manager", forger));
    List<String> dumpBefore = dump("staging.db");

    CliRunner run = gated("staging", "max");

    assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
    assertThat(failLines(run.err())).as(run.err()).containsExactly("approvals");
    assertThat(failLine(run.err(), StopCondition.APPROVALS))
        .contains("key_mismatch")
        .contains("not mona's configured key");
    assertThat(dump("staging.db")).isEqualTo(dumpBefore);
  }

  @Test
  void oneByteChangedInACommittedMigrationAfterApprovalIsAChecksumMismatch() throws Exception {
    setUp(Extra.NONE);
    draft("staging", "wendy", Left.NOTHING);
    approve("max");
    changeOneByteAndCommit();

    CliRunner run = gated("staging", "max");

    assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
    assertThat(failLine(run.err(), StopCondition.CHANGED_SINCE_APPROVAL))
        .contains("checksum is now")
        .contains("the work order declares");
    assertThat(tables("staging.db")).doesNotContain("agents", "notes");
  }

  @Test
  void aFileEditedInAnEvidencePackIsNamedByEvidenceVerify() throws Exception {
    Path pack = successfulRun();
    CliRunner intact = cli("evidence", "verify", pack.toString());
    assertThat(intact.exitCode()).as(intact.all()).isZero();

    Path report = pack.resolve("report.md");
    Files.writeString(report, Files.readString(report).replaceFirst("WO-MIGRATION-001", "WO-X"));
    CliRunner verify = cli("evidence", "verify", pack.toString());

    assertThat(verify.exitCode()).as(verify.all()).isEqualTo(1);
    assertThat(verify.all()).contains("report.md").contains("NOT intact");
  }

  @Test
  void oneByteChangedInAnEntryOfTheEvidenceZipIsNamedByEvidenceVerify() throws Exception {
    Path pack = successfulRun();
    Path zip = Path.of(pack + ".zip");
    CliRunner intact = cli("evidence", "verify", zip.toString());
    assertThat(intact.exitCode()).as(intact.all()).isZero();

    rewriteZipFlippingOneByteOf(zip, "statements.json");
    CliRunner verify = cli("evidence", "verify", zip.toString());

    assertThat(verify.exitCode()).as(verify.all()).isEqualTo(1);
    assertThat(verify.all()).contains("statements.json").contains("NOT intact");
  }

  /** Ways to tamper with the audit log in the target database. */
  private enum AuditTamper {
    EDITED("UPDATE schemagate_audit_log SET detail = '{}' WHERE seq = 3"),
    DELETED("DELETE FROM schemagate_audit_log WHERE seq = 3"),
    REORDERED(
        "UPDATE schemagate_audit_log SET seq = -1 WHERE seq = 3",
        "UPDATE schemagate_audit_log SET seq = 3 WHERE seq = 4",
        "UPDATE schemagate_audit_log SET seq = 4 WHERE seq = -1");

    final List<String> sql;

    AuditTamper(String... sql) {
      this.sql = List.of(sql);
    }
  }

  @ParameterizedTest
  @EnumSource(AuditTamper.class)
  void anEditedDeletedOrReorderedAuditRowFailsAuditLogVerify(AuditTamper tamper) throws Exception {
    successfulRun();
    CliRunner intact = cli("--env", "staging", "audit-log", "verify");
    assertThat(intact.exitCode()).as(intact.all()).isZero();
    assertThat(auditEvents("staging.db")).hasSizeGreaterThan(4);

    try (Connection c = open("staging.db");
        Statement st = c.createStatement()) {
      for (String sql : tamper.sql) {
        assertThat(st.executeUpdate(sql)).as(sql).isEqualTo(1);
      }
    }
    CliRunner verify = cli("--env", "staging", "audit-log", "verify");

    assertThat(verify.exitCode()).as(verify.all()).isEqualTo(1);
    assertThat(verify.all()).contains("broken");
  }

  @Test
  void aDeletedLastAuditRowIsCaughtByEvidenceVerifyAgainstTheDatabase() throws Exception {
    Path pack = successfulRun();
    CliRunner before = cli("--env", "staging", "evidence", "verify", pack.toString());
    assertThat(before.exitCode()).as(before.all()).isZero();

    // The newest row is the pack's EVIDENCE_RECORDED: a chain alone cannot miss its own tail,
    // the pack's manifest can.
    try (Connection c = open("staging.db");
        Statement st = c.createStatement()) {
      assertThat(
              st.executeUpdate(
                  "DELETE FROM schemagate_audit_log WHERE seq ="
                      + " (SELECT max(seq) FROM schemagate_audit_log)"
                      + " AND event = 'EVIDENCE_RECORDED'"))
          .isEqualTo(1);
    }
    CliRunner after = cli("--env", "staging", "evidence", "verify", pack.toString());

    assertThat(after.exitCode()).as(after.all()).isEqualTo(1);
    assertThat(after.all()).contains("records no evidence pack with manifest sha256");
  }

  // --- the project -----------------------------------------------------------------------------

  /**
   * Two reversible migrations (and the case's extra one), four people with keys, three governed
   * environments on SQLite files in the project, everything committed.
   */
  private void setUp(Extra extra) throws Exception {
    Path migrations = Files.createDirectories(project.resolve("migrations"));
    Files.writeString(
        migrations.resolve("a1a1a1a1a1a1_create_agents.sql"),
        "-- revision: a1a1a1a1a1a1\n"
            + "-- down_revision:\n"
            + "-- message: create agents\n\n"
            + "-- +upgrade\n"
            + "CREATE TABLE agents (\n"
            + "    id INTEGER PRIMARY KEY,\n"
            + "    name VARCHAR(64) NOT NULL\n"
            + ");\n\n"
            + "-- +downgrade\n"
            + "DROP TABLE agents;\n");
    Files.writeString(
        project.resolve(NOTES),
        "-- revision: b2b2b2b2b2b2\n"
            + "-- down_revision: a1a1a1a1a1a1\n"
            + "-- message: create notes\n\n"
            + "-- +upgrade\n"
            + "-- notes belong to one agent\n"
            + "CREATE TABLE notes (\n"
            + "    id INTEGER PRIMARY KEY,\n"
            + "    agent_id INTEGER NOT NULL REFERENCES agents (id),\n"
            + "    body TEXT\n"
            + ");\n\n"
            + "-- +downgrade\n"
            + "DROP TABLE notes;\n");
    if (extra == Extra.IRREVERSIBLE_MIGRATION) {
      Files.writeString(
          migrations.resolve("c3c3c3c3c3c3_lowercase_agent_names.sql"),
          "-- revision: c3c3c3c3c3c3\n"
              + "-- down_revision: b2b2b2b2b2b2\n"
              + "-- message: lowercase agent names\n"
              + "-- irreversible: the original spelling of names is not kept\n\n"
              + "-- +upgrade\n"
              + "UPDATE agents SET name = lower(name);\n");
    } else if (extra == Extra.FAILING_MIGRATION) {
      Files.writeString(
          migrations.resolve("c3c3c3c3c3c3_tag_agents.sql"),
          "-- revision: c3c3c3c3c3c3\n"
              + "-- down_revision: b2b2b2b2b2b2\n"
              + "-- message: tag agents\n\n"
              + "-- +upgrade\n"
              + "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT);\n"
              // Fine on the scratch database the draft uses; on the target the application's own
              // customers table is already there.
              + "CREATE TABLE customers (id INTEGER PRIMARY KEY);\n\n"
              + "-- +downgrade\n"
              + "DROP TABLE tags;\n");
    } else if (extra == Extra.LINT_ERROR_MIGRATION) {
      Files.writeString(
          migrations.resolve("c3c3c3c3c3c3_drop_note_bodies.sql"),
          "-- revision: c3c3c3c3c3c3\n"
              + "-- down_revision: b2b2b2b2b2b2\n"
              + "-- message: drop note bodies\n\n"
              + "-- +upgrade\n"
              + "ALTER TABLE notes DROP COLUMN body;\n\n"
              + "-- +downgrade\n"
              + "ALTER TABLE notes ADD COLUMN body TEXT;\n");
    }
    StringBuilder yaml = new StringBuilder("migrations: migrations\npeople:\n");
    for (String[] p :
        new String[][] {
          {"wendy", "worker"}, {"max", "manager"}, {"mona", "manager"}, {"alice", "final_authority"}
        }) {
      CliRunner k = CliRunner.run("keys", "new", p[0], "--dir", project.resolve("keys").toString());
      assertThat(k.exitCode()).as(k.all()).isZero();
      String pub =
          Files.readAllLines(project.resolve("keys/" + p[0] + ".pub")).stream()
              .filter(l -> !l.startsWith("-----"))
              .reduce("", String::concat);
      yaml.append("  ")
          .append(p[0])
          .append(": {role: ")
          .append(p[1])
          .append(", public_key: 'ed25519:")
          .append(pub)
          .append("'}\n");
    }
    String policy = "    approvals: {required: 1, roles: [manager, final_authority]}\n";
    yaml.append("environments:\n")
        .append("  staging:\n    url: jdbc:sqlite:staging.db\n    governed: true\n")
        .append(policy);
    if (extra == Extra.STAGING_WINDOW_CLOSED) {
      // Open all day, but only on the weekday three days from now: closed today everywhere.
      DayOfWeek day = LocalDate.now(ZoneOffset.UTC).plusDays(3).getDayOfWeek();
      yaml.append("    windows:\n      - {days: [")
          .append(day.getDisplayName(TextStyle.SHORT, Locale.ROOT).toLowerCase(Locale.ROOT))
          .append("], from: '00:00', to: '23:59', time_zone: UTC}\n");
    }
    yaml.append("  qa:\n    url: jdbc:sqlite:staging.db\n    governed: true\n")
        .append(policy)
        .append("  production:\n    url: jdbc:sqlite:production.db\n    governed: true\n")
        .append(policy);
    Files.writeString(project.resolve("schemagate.yaml"), yaml);
    config = project.resolve("schemagate.yaml").toString();
    seed("staging.db");
    seed("production.db");
    git("init", "-q");
    git("add", "migrations", "schemagate.yaml");
    commit("init");
  }

  /** Drafts the work order for {@code env} as {@code author} and writes the author's part. */
  private void draft(String env, String author, Left left) throws Exception {
    CliRunner draft = cli("--env", env, "wo", "new", "--to", "head", "--author", author);
    assertThat(draft.exitCode()).as(draft.all()).isZero();
    Path file = workOrder();
    WorkOrder wo = WorkOrderFile.read(file);
    Intent intent =
        new Intent(
            "Create the agent and note tables",
            left == Left.WHY ? wo.intent().why() : "Agents take notes from next week",
            "Without them the notes feature cannot ship",
            "Creating the tables by hand: no review, no rollback, no evidence");
    RollbackPlan rollback =
        new RollbackPlan(
            List.of("schemagate downgrade base --env " + env + " --work-order <rollback WO>"),
            left == Left.ROLLBACK_TRIGGER
                ? wo.rollback().triggers()
                : List.of("note writes fail for 5 minutes"),
            List.of(new HealthCheck(NOTES_EXIST, "0")));
    if (left == Left.ROLLBACK_TRIGGER) {
      assertThat(rollback.triggers()).allMatch(WorkOrderFile::isPlaceholder);
    }
    if (left == Left.WHY) {
      assertThat(WorkOrderFile.isPlaceholder(intent.why())).isTrue();
    }
    WorkOrder filled =
        new WorkOrder(
            wo.id(),
            wo.environment(),
            wo.author(),
            wo.created(),
            wo.migration(),
            intent,
            rollback,
            List.of(new HealthCheck(NOTES_EXIST, "1")),
            wo.irreversibleJustification(),
            wo.compensatingControls(),
            wo.lintWaivers(),
            wo.evidence(),
            wo.approvals());
    Files.writeString(file, WorkOrderFile.write(filled));
  }

  private void approve(String who) {
    CliRunner r = cli("wo", "approve", WO, "--key", key(who).toString());
    assertThat(r.exitCode()).as(r.all()).isZero();
  }

  /** An approval of the current work order signed with {@code key} in {@code name}'s name. */
  private Approval signedAs(String name, String role, PrivateKey key) {
    WorkOrder wo = WorkOrderFile.read(workOrder());
    byte[] canonical = CanonicalForm.encode(WorkOrderFile.canonicalFields(wo));
    return Approvals.sign(canonical, name, role, Decision.APPROVED, null, key, Clock.systemUTC());
  }

  private void appendApproval(Approval approval) throws IOException {
    WorkOrder wo = WorkOrderFile.read(workOrder());
    List<Map<String, String>> approvals = new ArrayList<>(wo.approvals());
    approvals.add(approval.toStored());
    Files.writeString(workOrder(), WorkOrderFile.write(wo.withApprovals(approvals)));
  }

  /** One letter of a comment in the upgrade section, committed so that git is clean. */
  private void changeOneByteAndCommit() throws Exception {
    Path notes = project.resolve(NOTES);
    String text = Files.readString(notes);
    assertThat(text).contains("one agent");
    Files.writeString(notes, text.replace("one agent", "one agenT"));
    git("add", NOTES);
    commit("reword a comment");
  }

  /** The control run, whose evidence pack it returns. */
  private Path successfulRun() throws Exception {
    setUp(Extra.NONE);
    draft("staging", "wendy", Left.NOTHING);
    approve("max");
    CliRunner run = gated("staging", "max");
    assertThat(run.exitCode()).as(run.all()).isZero();
    try (Stream<Path> s = Files.list(project.resolve("evidence").resolve(WO))) {
      List<Path> dirs = s.filter(Files::isDirectory).toList();
      assertThat(dirs).hasSize(1);
      return dirs.get(0);
    }
  }

  private Path workOrder() {
    return project.resolve("workorders/" + WO + ".md");
  }

  private Path key(String who) {
    return project.resolve("keys/" + who + ".key");
  }

  private CliRunner gated(String env, String who) {
    return cli("--env", env, "upgrade", "head", "--work-order", WO, "--key", key(who).toString());
  }

  private CliRunner cli(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--config";
    all[1] = config;
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRunner.run(all);
  }

  // --- reading the report ----------------------------------------------------------------------

  /** The ids of every {@code FAIL <id>:} line of a gate report. */
  private static List<String> failLines(String report) {
    return report
        .lines()
        .filter(l -> l.startsWith("FAIL "))
        .map(l -> l.substring(5, l.indexOf(':') < 0 ? l.length() : l.indexOf(':')))
        .toList();
  }

  private static String failLine(String report, StopCondition condition) {
    return report
        .lines()
        .filter(l -> l.startsWith("FAIL " + condition.id() + ":"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no FAIL " + condition.id() + " in:\n" + report));
  }

  // --- the database ----------------------------------------------------------------------------

  private Connection open(String db) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + project.resolve(db));
  }

  /**
   * A logical dump: every schema object with its SQL, and every row of every table, the audit log
   * excepted (its one new row is checked on its own). Rows are sorted so the dump compares content,
   * not the order a scan happens to return.
   */
  private List<String> dump(String db) throws SQLException {
    List<String> out = new ArrayList<>();
    List<String> tables = new ArrayList<>();
    try (Connection c = open(db);
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT type, name, tbl_name, sql FROM sqlite_master"
                  + " WHERE tbl_name <> 'schemagate_audit_log' ORDER BY type, name")) {
        while (rs.next()) {
          out.add(
              rs.getString(1)
                  + " "
                  + rs.getString(2)
                  + " on "
                  + rs.getString(3)
                  + ": "
                  + rs.getString(4));
          if (rs.getString(1).equals("table")) {
            tables.add(rs.getString(2));
          }
        }
      }
      for (String t : tables) {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + t.replace("\"", "\"\"") + "\"")) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            String[] row = new String[n];
            for (int i = 0; i < n; i++) {
              row[i] = rs.getString(i + 1);
            }
            rows.add(t + " " + Arrays.toString(row));
          }
        }
        rows.sort(null);
        out.addAll(rows);
      }
    }
    return out;
  }

  /**
   * Data the application already keeps in the target, so that "unchanged" is about rows and schema
   * objects that exist, not about an empty file.
   */
  private void seed(String db) throws SQLException {
    try (Connection c = open(db);
        Statement st = c.createStatement()) {
      st.executeUpdate(
          "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, joined TEXT)");
      st.executeUpdate("CREATE INDEX ix_customers_name ON customers (name)");
      st.executeUpdate(
          "INSERT INTO customers VALUES (1, 'Ada', '2026-01-02'), (2, 'Grace', NULL),"
              + " (3, 'Linus', '2026-03-04')");
    }
  }

  private List<String> tables(String db) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = open(db);
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private List<String> auditEvents(String db) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = open(db);
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT event FROM schemagate_audit_log ORDER BY seq")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** Actor, environment and detail of the newest audit row. */
  private String[] lastAuditRow(String db) throws SQLException {
    try (Connection c = open(db);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT actor, environment, detail FROM schemagate_audit_log"
                        + " ORDER BY seq DESC LIMIT 1")) {
      assertThat(rs.next()).isTrue();
      return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
    }
  }

  // --- files and git ---------------------------------------------------------------------------

  private static void flipLastByte(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes).isNotEmpty();
    bytes[bytes.length - 1] ^= 0x01;
    Files.write(file, bytes);
  }

  /** Rewrites {@code zip} with every entry as it was but one byte of {@code name} changed. */
  private static void rewriteZipFlippingOneByteOf(Path zip, String name) throws IOException {
    ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
    boolean found = false;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
        ZipOutputStream out = new ZipOutputStream(rewritten)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] bytes = in.readAllBytes();
        if (e.getName().endsWith("/" + name) || e.getName().equals(name)) {
          assertThat(bytes).isNotEmpty();
          bytes[bytes.length / 2] ^= 0x01;
          found = true;
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    assertThat(found).as(name + " in " + zip).isTrue();
    Files.write(zip, rewritten.toByteArray());
  }

  private void commit(String message) throws Exception {
    git("-c", "user.email=ci@example.org", "-c", "user.name=ci", "commit", "-q", "-m", message);
  }

  private void git(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", project.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
  }
}

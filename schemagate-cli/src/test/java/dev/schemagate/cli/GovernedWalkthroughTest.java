package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.schemagate.core.governance.workorder.WorkOrder;
import dev.schemagate.core.governance.workorder.WorkOrder.HealthCheck;
import dev.schemagate.core.governance.workorder.WorkOrder.Intent;
import dev.schemagate.core.governance.workorder.WorkOrder.RollbackPlan;
import dev.schemagate.core.governance.workorder.WorkOrderFile;
import dev.schemagate.core.schema.backup.PgTools;
import dev.schemagate.core.schema.scratch.Pg15Scratch;
import dev.schemagate.core.schema.scratch.ScratchDatabase;
import dev.schemagate.core.schema.scratch.ScratchServer;
import dev.schemagate.core.sql.Dialect;
import dev.schemagate.core.testing.NativeFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The governance walk-through of the README, on real PostgreSQL (15, so that the machine's pg_dump
 * can take the gate's backups): a worker drafts, a manager approves, staging runs with a verified
 * backup and an evidence pack, production needs the final authority, and a rollback through a
 * downgrade work order records its trigger. Every artifact is then searched for the password.
 */
@ExtendWith(Pg15Scratch.class)
class GovernedWalkthroughTest {
  /** Sent in every URL; the test server trusts local connections and ignores it. */
  private static final String PASSWORD = "Walk-Through-S3cret-7731";

  private static final String TRIGGER = "onboarding error rate above 2% for 10 minutes";

  @TempDir Path project;

  private final List<CliRunner> runs = new ArrayList<>();
  private String config;

  @Test
  void workerDraftsManagerApprovesStagingRunsProductionNeedsFinalAuthorityRollbackRecordsTrigger(
      ScratchServer pg) throws Exception {
    assumeTrue(
        PgTools.standard().find("pg_dump").stream().anyMatch(t -> t.major() >= 15),
        "skipped: the gate's backup needs pg_dump 15 or newer on this machine");
    try (ScratchDatabase staging = pg.create(Dialect.POSTGRES);
        ScratchDatabase production = pg.create(Dialect.POSTGRES)) {
      setUp();
      String stagingUrl = withPassword(staging.spec().jdbcUrl());
      String productionUrl = withPassword(production.spec().jdbcUrl());
      String scratch = withPassword(staging.spec().jdbcUrl()).replaceFirst("/[^/]+$", "/postgres");

      // A worker drafts the staging work order and fills in their part.
      CliRunner draft =
          cli(
              "--env",
              "staging",
              "--url",
              stagingUrl,
              "wo",
              "new",
              "--to",
              "head",
              "--author",
              "wendy",
              "--scratch-url",
              scratch);
      assertThat(draft.exitCode()).as(draft.all()).isZero();
      Path wo1 = project.resolve("workorders/WO-MIGRATION-001.md");
      fillIn(wo1);

      // Their own approval is refused; so is a run without a work order.
      CliRunner own = cli("wo", "approve", "WO-MIGRATION-001", "--key", key("wendy"));
      assertThat(own.exitCode()).isEqualTo(3);
      assertThat(own.err()).contains("workers may draft work orders, never approve them");
      CliRunner bare = cli("--env", "staging", "--url", stagingUrl, "upgrade", "head");
      assertThat(bare.exitCode()).isEqualTo(3);
      assertThat(bare.err()).contains("needs an approved work order");

      // A manager approves; the worker still may not execute, the manager may.
      assertThat(cli("wo", "approve", "WO-MIGRATION-001", "--key", key("max")).exitCode()).isZero();
      CliRunner byWorker = upgrade(stagingUrl, scratch, "WO-MIGRATION-001", "wendy");
      assertThat(byWorker.exitCode()).as(byWorker.all()).isEqualTo(3);
      assertThat(byWorker.err()).contains("FAIL worker-execution");
      assertThat(tableCount(staging, "schemagate_history")).isZero();

      CliRunner up = upgrade(stagingUrl, scratch, "WO-MIGRATION-001", "max");
      assertThat(up.exitCode()).as(up.all()).isZero();
      assertThat(up.out())
          .contains("Backup: ")
          .contains("Verification: PASS")
          .contains("Evidence: ");
      assertThat(tableCount(staging, "agents")).isEqualTo(1);
      Path pack1 = onlyPack("WO-MIGRATION-001");
      CliRunner verify = cli("evidence", "verify", pack1.toString());
      assertThat(verify.exitCode()).as(verify.all()).isZero();
      assertThat(verify.out()).contains("intact");
      CliRunner verifyZip = cli("evidence", "verify", pack1 + ".zip");
      assertThat(verifyZip.exitCode()).as(verifyZip.all()).isZero();
      assertThat(Files.readString(pack1.resolve("statements.json")))
          .contains("CREATE TABLE")
          .contains("\"micros\"");

      // Production: a manager's approval is not enough; the final authority's is.
      CliRunner draftProd =
          cli(
              "--env",
              "production",
              "--url",
              productionUrl,
              "wo",
              "new",
              "--to",
              "head",
              "--author",
              "wendy",
              "--scratch-url",
              scratch);
      assertThat(draftProd.exitCode()).as(draftProd.all()).isZero();
      Path wo2 = project.resolve("workorders/WO-MIGRATION-002.md");
      fillIn(wo2);
      assertThat(cli("wo", "approve", "WO-MIGRATION-002", "--key", key("max")).exitCode()).isZero();
      CliRunner noFinal = upgrade(productionUrl, scratch, "WO-MIGRATION-002", "max", "production");
      assertThat(noFinal.exitCode()).as(noFinal.all()).isEqualTo(3);
      assertThat(noFinal.err()).contains("FAIL final-authority");
      assertThat(tableCount(production, "schemagate_version")).isZero();
      assertThat(cli("wo", "approve", "WO-MIGRATION-002", "--key", key("alice")).exitCode())
          .isZero();
      CliRunner prod = upgrade(productionUrl, scratch, "WO-MIGRATION-002", "max", "production");
      assertThat(prod.exitCode()).as(prod.all()).isZero();
      assertThat(tableCount(production, "agents")).isEqualTo(1);

      // Rollback of staging through a downgrade work order carrying WO-1's rollback plan.
      CliRunner draftBack =
          cli(
              "--env",
              "staging",
              "--url",
              stagingUrl,
              "wo",
              "new",
              "--downgrade",
              "--to",
              "base",
              "--rollback-of",
              "WO-MIGRATION-001",
              "--author",
              "wendy",
              "--scratch-url",
              scratch);
      assertThat(draftBack.exitCode()).as(draftBack.all()).isZero();
      Path wo3 = project.resolve("workorders/WO-MIGRATION-003.md");
      assertThat(Files.readString(wo3)).contains(TRIGGER).contains("direction: downgrade");
      fillIn(wo3);
      assertThat(cli("wo", "approve", "WO-MIGRATION-003", "--key", key("max")).exitCode()).isZero();
      CliRunner noTrigger =
          cli(
              "--env",
              "staging",
              "--url",
              stagingUrl,
              "downgrade",
              "base",
              "--work-order",
              "WO-MIGRATION-003",
              "--key",
              key("max"),
              "--scratch-url",
              scratch);
      assertThat(noTrigger.exitCode()).as(noTrigger.all()).isEqualTo(3);
      assertThat(noTrigger.err()).contains("FAIL rollback-plan");
      CliRunner back =
          cli(
              "--env",
              "staging",
              "--url",
              stagingUrl,
              "downgrade",
              "base",
              "--work-order",
              "WO-MIGRATION-003",
              "--trigger",
              TRIGGER,
              "--key",
              key("max"),
              "--scratch-url",
              scratch);
      assertThat(back.exitCode()).as(back.all()).isZero();
      assertThat(back.out()).contains("trigger: " + TRIGGER);
      assertThat(tableCount(staging, "agents")).isZero();
      assertThat(auditEvents(staging))
          .containsSubsequence(
              "GATE_FAILED", // the worker's attempt
              "WORK_ORDER_CREATED",
              "APPROVED",
              "GATE_PASSED",
              "BACKUP_VERIFIED",
              "APPLY_STARTED",
              "APPLY_FINISHED",
              "VERIFICATION_PASSED",
              "EVIDENCE_RECORDED")
          .containsSubsequence("ROLLBACK", "APPLY_FINISHED", "VERIFICATION_PASSED");
      assertThat(String.join("\n", auditDetails(staging, "ROLLBACK"))).contains(TRIGGER);
      Path pack3 = onlyPack("WO-MIGRATION-003");
      assertThat(Files.readString(pack3.resolve("manifest.json"))).contains(TRIGGER);
      CliRunner chain = cli("--env", "staging", "--url", stagingUrl, "audit-log", "verify");
      assertThat(chain.exitCode()).as(chain.all()).isZero();

      // No secret anywhere: files of the project (evidence, zips, backups' records, work
      // orders), every output, and the audit log.
      assertThat(filesContaining(PASSWORD)).isEmpty();
      for (CliRunner r : runs) {
        assertThat(r.all()).doesNotContain(PASSWORD);
      }
      assertThat(String.join("\n", auditDetails(staging, null))).doesNotContain(PASSWORD);
    }
  }

  private void setUp() throws Exception {
    Path migrations = Files.createDirectories(project.resolve("migrations"));
    try (Stream<Path> s = Files.list(NativeFiles.exampleProject())) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Files.copy(p, migrations.resolve(p.getFileName()));
      }
    }
    StringBuilder yaml = new StringBuilder("migrations: migrations\npeople:\n");
    for (String[] p :
        new String[][] {{"wendy", "worker"}, {"max", "manager"}, {"alice", "final_authority"}}) {
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
    yaml.append(
        "environments:\n"
            + "  staging:\n"
            + "    url_env: STAGING_URL\n"
            + "    governed: true\n"
            + "    approvals: {required: 1, roles: [manager, final_authority]}\n"
            + "  production:\n"
            + "    url_env: PRODUCTION_URL\n"
            + "    governed: true\n"
            + "    approvals: {required: 2, roles: [manager, final_authority],"
            + " final_approver: alice}\n");
    Files.writeString(project.resolve("schemagate.yaml"), yaml);
    config = project.resolve("schemagate.yaml").toString();
    git("init", "-q");
    git("add", "migrations", "schemagate.yaml");
    git("-c", "user.email=ci@example.org", "-c", "user.name=ci", "commit", "-q", "-m", "init");
  }

  /** The author's part of a work order, written as an author would. */
  private static void fillIn(Path file) throws Exception {
    WorkOrder wo = WorkOrderFile.read(file);
    boolean down = wo.migration().direction().equals("downgrade");
    Intent intent =
        new Intent(
            down ? wo.intent().what() : "Create the onboarding, payment and agent tables",
            down ? wo.intent().why() : "The onboarding flow ships next week",
            "Without it the onboarding service cannot start",
            "Creating the tables by hand: no review, no rollback, no evidence");
    RollbackPlan rollback =
        down
            ? wo.rollback()
            : new RollbackPlan(
                List.of("schemagate downgrade base --env staging --work-order <rollback WO>"),
                List.of(TRIGGER),
                List.of(
                    new HealthCheck(
                        "SELECT count(*) FROM information_schema.tables"
                            + " WHERE table_schema = 'public' AND table_name = 'agents'",
                        "0")));
    List<HealthCheck> after =
        down
            ? List.of()
            : List.of(
                new HealthCheck(
                    "SELECT count(*) FROM information_schema.tables"
                        + " WHERE table_schema = 'public' AND table_name = 'agents'",
                    "1"));
    WorkOrder filled =
        new WorkOrder(
            wo.id(),
            wo.environment(),
            wo.author(),
            wo.created(),
            wo.migration(),
            intent,
            rollback,
            after,
            wo.irreversibleJustification(),
            wo.compensatingControls(),
            wo.lintWaivers(),
            wo.evidence(),
            wo.approvals());
    Files.writeString(file, WorkOrderFile.write(filled));
  }

  private CliRunner upgrade(String url, String scratch, String wo, String who) {
    return upgrade(url, scratch, wo, who, "staging");
  }

  private CliRunner upgrade(String url, String scratch, String wo, String who, String env) {
    return cli(
        "--env",
        env,
        "--url",
        url,
        "upgrade",
        "head",
        "--work-order",
        wo,
        "--key",
        key(who),
        "--scratch-url",
        scratch);
  }

  private CliRunner cli(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--config";
    all[1] = config;
    System.arraycopy(args, 0, all, 2, args.length);
    CliRunner r = CliRunner.run(all);
    runs.add(r);
    return r;
  }

  private String key(String who) {
    return project.resolve("keys/" + who + ".key").toString();
  }

  /** The libpq form of a scratch database's URL, with the password in it. */
  private static String withPassword(String jdbcUrl) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("jdbc:postgresql://([^/]+)/([A-Za-z0-9_]+).*")
            .matcher(jdbcUrl);
    assertThat(m.matches()).as(jdbcUrl).isTrue();
    return "postgres://postgres:" + PASSWORD + "@" + m.group(1) + "/" + m.group(2);
  }

  private Path onlyPack(String wo) throws IOException {
    try (Stream<Path> s = Files.list(project.resolve("evidence").resolve(wo))) {
      List<Path> dirs = s.filter(Files::isDirectory).toList();
      assertThat(dirs).hasSize(1);
      return dirs.get(0);
    }
  }

  private List<Path> filesContaining(String secret) throws IOException {
    byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
    List<Path> hits = new ArrayList<>();
    try (Stream<Path> s = Files.walk(project)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (p.toString().contains("/.git/") || !Files.isRegularFile(p)) {
          continue;
        }
        byte[] bytes = Files.readAllBytes(p);
        if (contains(bytes, needle)) {
          hits.add(p);
        }
        if (p.toString().endsWith(".zip")) {
          try (ZipInputStream z = new ZipInputStream(Files.newInputStream(p))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
              if (contains(readAll(z), needle)) {
                hits.add(p.resolve(e.getName()));
              }
            }
          }
        }
      }
    }
    return hits;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  private static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static int tableCount(ScratchDatabase db, String table) throws Exception {
    try (Connection c = DriverManager.getConnection(db.spec().jdbcUrl(), "postgres", "");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
                        + " AND table_name = '"
                        + table
                        + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static List<String> auditEvents(ScratchDatabase db) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db.spec().jdbcUrl(), "postgres", "");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT event FROM schemagate_audit_log ORDER BY seq")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** Every column of the audit rows of one event (all events for null), as text. */
  private static List<String> auditDetails(ScratchDatabase db, String event) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db.spec().jdbcUrl(), "postgres", "");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM schemagate_audit_log ORDER BY seq")) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(rs.getString(i)).append(' ');
        }
        if (event == null || row.toString().contains(event)) {
          out.add(row.toString());
        }
      }
    }
    return out;
  }

  private void git(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", project.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
  }
}

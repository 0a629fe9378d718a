package dev.schemagate.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.schemagate.core.api.DiffReport;
import dev.schemagate.core.api.GovernedRun;
import dev.schemagate.core.api.MigrateRequest;
import dev.schemagate.core.api.MigrateResult;
import dev.schemagate.core.api.RunMode;
import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.config.Workspace;
import dev.schemagate.core.governance.auditlog.AuditEntry;
import dev.schemagate.core.governance.auditlog.AuditEntryDraft;
import dev.schemagate.core.governance.auditlog.AuditEvent;
import dev.schemagate.core.governance.auditlog.AuditLog;
import dev.schemagate.core.governance.evidence.EvidenceFile;
import dev.schemagate.core.governance.evidence.EvidencePack;
import dev.schemagate.core.governance.evidence.PeopleFile;
import dev.schemagate.core.governance.evidence.ReportHtml;
import dev.schemagate.core.governance.evidence.WrittenPack;
import dev.schemagate.core.governance.gate.ConditionResult;
import dev.schemagate.core.governance.gate.GateCommand;
import dev.schemagate.core.governance.gate.GateReport;
import dev.schemagate.core.governance.verify.CheckResult;
import dev.schemagate.core.governance.verify.HealthChecks;
import dev.schemagate.core.governance.workorder.WorkOrder;
import dev.schemagate.core.governance.workorder.WorkOrderFile;
import dev.schemagate.core.history.Database;
import dev.schemagate.core.history.VersionStore;
import dev.schemagate.core.plan.MigrationPlan;
import dev.schemagate.core.plan.PlanStep;
import dev.schemagate.core.run.MigrationFailedException;
import dev.schemagate.core.run.RecordingSink;
import dev.schemagate.core.run.StatementRecord;
import dev.schemagate.core.run.StepResult;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.schema.backup.BackupRecord;
import dev.schemagate.core.schema.ddl.Ddl;
import dev.schemagate.core.schema.ddl.DdlGenerator;
import dev.schemagate.core.schema.diff.DiffRenderer;
import dev.schemagate.core.schema.diff.DiffResult;
import dev.schemagate.core.schema.diff.SchemaDiff;
import dev.schemagate.core.schema.introspect.Introspector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A live upgrade, downgrade or stamp against a governed environment: the gate, then a verified
 * backup, the run with every statement recorded, the post-change verification, the evidence pack,
 * and an audit-log entry for each transition.
 *
 * <p>The order is the contract. Nothing that changes the target happens before every stop condition
 * has passed; a blocked run leaves exactly one row behind, its {@code GATE_FAILED} audit entry. The
 * plan the gate judged is passed down to the run, which re-plans under its lock and refuses to
 * start if another process moved the database in between (the trap: a gate that judged one plan and
 * a run that executes another).
 */
final class GatedExecution {
  private static final DateTimeFormatter PACK_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Migrator migrator;
  private final Workspace workspace;
  private final RunIdentity identity;
  private final WorkOrderService workOrders;

  GatedExecution(
      Migrator migrator, Workspace workspace, RunIdentity identity, WorkOrderService workOrders) {
    this.migrator = migrator;
    this.workspace = workspace;
    this.identity = identity;
    this.workOrders = workOrders;
  }

  MigrateResult run(String command, MigrateRequest request, Loaded src) {
    long t0 = System.nanoTime();
    GateCommand gateCommand = GateCommand.valueOf(command.toUpperCase(Locale.ROOT));
    String env = workspace.environment();
    if (request.workOrder() == null || request.workOrder().isBlank()) {
      throw new SchemagateException(
          ExitCode.BLOCKED,
          "environment '"
              + env
              + "' is governed: a live "
              + command
              + " needs an approved work order for it, and none was given; nothing was changed",
          "draft one with `schemagate wo new --env "
              + env
              + " --to <target>`, have it approved, then pass --work-order <WO>; --dry-run and"
              + " --sql need none");
    }
    Path key = request.gate().key();
    RunIdentity who = executor(key);
    GatedExecution proven = this;
    if (who != identity) {
      Migrator asExecutor = new Migrator(workspace, who);
      proven = new GatedExecution(asExecutor, workspace, who, asExecutor.governance().workOrders());
    }
    return proven.gate(command, gateCommand, request, src, key == null ? null : who.actor(), t0);
  }

  /**
   * Who executes: the configured person whose public key matches the given private key. Without a
   * key the run's actor ({@code SCHEMAGATE_ACTOR}, else the OS user) is only a claim: it is what
   * the audit log records as the actor, but the gate gets no executor, so the worker-execution
   * condition fails (anyone can set an environment variable). A key that belongs to nobody
   * configured makes an actor that is no configured person, which fails the same condition.
   */
  private RunIdentity executor(Path key) {
    if (key == null) {
      return identity;
    }
    java.security.KeyPair pair = dev.schemagate.core.governance.approval.Keys.readKeyPair(key);
    String fingerprint = dev.schemagate.core.governance.approval.Keys.fingerprint(pair.getPublic());
    String owner = workOrders.personWithKey(fingerprint);
    return identity.withActor(owner != null ? owner : "unknown key " + fingerprint);
  }

  private MigrateResult gate(
      String command,
      GateCommand gateCommand,
      MigrateRequest request,
      Loaded src,
      String provenExecutor,
      long t0) {
    String env = workspace.environment();
    Path woFile = workOrders.locate(request.workOrder());
    byte[] woBytes = readBytes(woFile);
    WorkOrder wo = WorkOrderFile.parse(new String(woBytes, StandardCharsets.UTF_8), woFile);
    ConnectionSpec spec = workspace.requireConnection();
    Clock clock = identity.clock();
    String trigger = request.gate().trigger();
    try (Connection c = Database.open(spec, "schemagate gate")) {
      Trail audit = new Trail(new AuditLog(c, spec.dialect(), clock));
      VersionStore.State state = new VersionStore(c, spec.dialect()).read();
      MigrationPlan plan = migrator.plan(command, src, state.heads(), request.target());
      List<String> planned = new ArrayList<>();
      for (PlanStep s : plan.steps()) {
        planned.add(s.revision().id());
      }
      WorkOrderService.Evaluation evaluation =
          workOrders.check(wo, woFile, gateCommand, trigger, planned, provenExecutor);
      GateReport report = evaluation.report();
      if (!report.passed()) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("command", command);
        detail.put("target", request.target());
        detail.put("failed", report.failures().stream().map(r -> r.condition().id()).toList());
        // Why, too: a blocked run is often the only trace of a rejection signed where the
        // database was out of reach (the gate logs past decisions only once it passes).
        Map<String, String> reasons = new LinkedHashMap<>();
        report.failures().forEach(r -> reasons.put(r.condition().id(), r.reason()));
        detail.put("reasons", reasons);
        if (trigger != null) {
          detail.put("trigger", trigger);
        }
        audit.append(entry(AuditEvent.GATE_FAILED, wo).withDetail(detail));
        throw new SchemagateException(
            ExitCode.BLOCKED,
            "the governance gate blocked this "
                + command
                + " of '"
                + env
                + "' under "
                + wo.id()
                + "; nothing was changed\n"
                + report.render().strip(),
            firstFix(report));
      }
      if (command.equals("stamp")) {
        requireParity(request, wo, audit);
      }
      workOrders.recordPastEvents(audit.log, wo);
      audit.append(
          entry(AuditEvent.GATE_PASSED, wo)
              .withDetail(
                  Map.of(
                      "command",
                      command,
                      "target",
                      request.target(),
                      "conditions",
                      report.results().size())));
      return execute(command, request, src, wo, woBytes, evaluation, planned, audit, c, t0);
    } catch (SQLException e) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "cannot reach " + spec.redacted() + " for the governance gate: " + e.getMessage(),
          "check that the database is reachable; nothing was changed",
          e);
    }
  }

  private MigrateResult execute(
      String command,
      MigrateRequest request,
      Loaded src,
      WorkOrder wo,
      byte[] woBytes,
      WorkOrderService.Evaluation evaluation,
      List<String> planned,
      Trail audit,
      Connection c,
      long t0)
      throws SQLException {
    ConnectionSpec spec = workspace.requireConnection();
    GateReport report = evaluation.report();
    Clock clock = identity.clock();
    String started = clock.instant().toString();
    String trigger = request.gate().trigger();
    Transcript out = new Transcript(request.gate().commandLine());
    out.line(report.render().strip());

    BackupRecord backup;
    try {
      backup = migrator.backup(null, true, request.gate().schema());
      if (!backup.verified()) {
        // Taken, but its restore on scratch did not match: a backup nobody has seen restore is
        // no backup, so the run does not start.
        throw new SchemagateException(
            ExitCode.FAILED,
            "the backup "
                + backup.file()
                + " did not restore to the same database: "
                + backup.verificationDetail(),
            "find out why (a concurrent writer, an unsupported object), then run again");
      }
    } catch (SchemagateException e) {
      audit.append(
          entry(AuditEvent.BACKUP_FAILED, wo)
              .withDetail(Map.of("error", ConnectionSpec.redact(e.getMessage()))));
      throw new SchemagateException(
          e.exitCode(),
          "no verified backup of '"
              + workspace.environment()
              + "', so the "
              + command
              + " did not start: "
              + e.getMessage(),
          e.nextStep(),
          e);
    }
    audit.append(
        entry(AuditEvent.BACKUP_VERIFIED, wo)
            .withDetail(
                Map.of(
                    "file", Path.of(backup.file()).getFileName().toString(),
                    "sha256", backup.sha256())));
    out.line(
        "backup: "
            + backup.file()
            + " ("
            + backup.sizeBytes()
            + " bytes, sha256 "
            + backup.sha256()
            + ", verified)");

    SchemaSnapshot before = Introspector.read(c);
    String dryRun =
        migrator.onDatabase(command, request.withMode(RunMode.DRY_RUN), src, null, planned).sql();
    Map<String, Object> startDetail = new LinkedHashMap<>();
    startDetail.put("command", command);
    startDetail.put("target", request.target());
    startDetail.put("revisions", planned);
    audit.append(entry(AuditEvent.APPLY_STARTED, wo).withDetail(startDetail));
    if (command.equals("downgrade")) {
      audit.append(
          entry(AuditEvent.ROLLBACK, wo)
              .withDetail(Map.of("trigger", trigger, "revisions", planned)));
      out.line("rollback: trigger fired: " + trigger);
    }

    AtomicReference<RecordingSink> recorder = new AtomicReference<>();
    MigrateResult result = null;
    SchemagateException failure = null;
    try {
      result =
          migrator.onDatabase(
              command,
              request,
              src,
              sink -> {
                RecordingSink r = new RecordingSink(sink, request.listener(), clock);
                recorder.set(r);
                return r;
              },
              planned);
    } catch (SchemagateException e) {
      failure = e;
    }
    List<StatementRecord> statements =
        recorder.get() == null ? List.of() : recorder.get().records();
    if (failure == null) {
      for (StepResult s : result.steps()) {
        out.line(
            s.revision()
                + " "
                + s.direction().lower()
                + " "
                + s.outcome().name().toLowerCase(Locale.ROOT)
                + " ("
                + s.statements()
                + " statements, "
                + s.millis()
                + " ms)");
      }
      audit.append(
          entry(AuditEvent.APPLY_FINISHED, wo)
              .withDetail(
                  Map.of(
                      "steps",
                      result.steps().size(),
                      "heads_after",
                      result.headsAfter(),
                      "millis",
                      result.millis())));
    } else {
      out.line("FAILED: " + failure.getMessage());
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("error", ConnectionSpec.redact(failure.getMessage()));
      if (failure instanceof MigrationFailedException m) {
        detail.put("completed", m.completed().stream().map(StepResult::revision).toList());
      }
      audit.append(entry(AuditEvent.APPLY_FAILED, wo).withDetail(detail));
    }

    SchemaSnapshot after = Introspector.read(c);
    DiffResult diff = SchemaDiff.compare(before, after);
    List<CheckResult> checks = List.of();
    if (failure == null) {
      checks = HealthChecks.run(c, wo.postChecks());
      boolean ok = checks.stream().allMatch(CheckResult::pass);
      List<String> failed = checks.stream().filter(r -> !r.pass()).map(CheckResult::sql).toList();
      audit.append(
          entry(ok ? AuditEvent.VERIFICATION_PASSED : AuditEvent.VERIFICATION_FAILED, wo)
              .withDetail(Map.of("checks", checks.size(), "failed", failed)));
      for (CheckResult r : checks) {
        out.line(
            (r.pass() ? "PASS " : "FAIL ")
                + "check: "
                + r.sql()
                + " -> "
                + (r.error() != null ? "error: " + r.error() : r.actual()));
      }
    }
    AuditEntry head = audit.last;
    String finished = clock.instant().toString();
    String outcome =
        failure != null
            ? "failed"
            : checks.stream().allMatch(CheckResult::pass) ? "succeeded" : "verification failed";

    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("work_order", wo.id());
    meta.put("environment", workspace.environment());
    meta.put("database", spec.redacted());
    meta.put("command", command);
    meta.put("target", request.target());
    meta.put("actor", identity.actor());
    meta.put("host", identity.host());
    meta.put("started", started);
    meta.put("finished", finished);
    meta.put("outcome", outcome);
    meta.put("audit_head", head == null ? "" : head.anchor().toString());
    if (trigger != null) {
      meta.put("trigger", trigger);
    }
    List<EvidenceFile> files = new ArrayList<>();
    files.add(new EvidenceFile("work-order.md", woBytes));
    files.add(text("people.json", PeopleFile.render(workspace.config().people())));
    files.add(text("gate.txt", report.render()));
    files.add(text("dry-run.sql", dryRun));
    files.add(text("lint.txt", evaluation.lintText()));
    DdlGenerator ddl = new DdlGenerator();
    files.add(text("schema-before.sql", script(ddl.generate(before))));
    files.add(text("schema-after.sql", script(ddl.generate(after))));
    files.add(text("schema-diff.md", DiffRenderer.markdown(diff)));
    files.add(
        new EvidenceFile(
            "backup.json", readBytes(BackupRecord.recordPath(Path.of(backup.file())))));
    files.add(text("statements.json", json(statements)));
    files.add(text("verification.json", json(checks)));
    files.add(text("transcript.txt", out.text()));
    String reportMd =
        EvidenceReport.markdown(
            wo, meta, report, backup, statements, checks, diff, failure, workspace.environment());
    files.add(text("report.md", reportMd));
    files.add(text("report.html", ReportHtml.fromMarkdown(wo.id() + " evidence", reportMd)));

    Path dir =
        projectFolder()
            .resolve("evidence")
            .resolve(wo.id())
            .resolve(PACK_TIME.format(clock.instant()));
    WrittenPack pack = EvidencePack.write(dir, files, meta, clock);
    AuditEntry recorded =
        audit.append(
            entry(AuditEvent.EVIDENCE_RECORDED, wo)
                .withDetail(
                    Map.of(
                        "pack",
                        projectFolder().relativize(pack.dir()).toString(),
                        "manifest_sha256",
                        pack.manifestSha256())));
    if (failure != null) {
      String msg = failure.getMessage() + "\nevidence pack: " + pack.dir();
      if (failure instanceof MigrationFailedException m) {
        throw new MigrationFailedException(
            msg, m.nextStep(), m.completed(), m.failed(), m.getCause());
      }
      throw new SchemagateException(failure.exitCode(), msg, failure.nextStep(), failure);
    }
    GovernedRun governed =
        new GovernedRun(
            wo.id(),
            trigger,
            report.render(),
            backup.file(),
            backup.sha256(),
            pack.dir().toString(),
            pack.zip().toString(),
            pack.manifestSha256(),
            checks,
            recorded.anchor().toString());
    return result.withGovernance(governed, (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * A stamp records revisions as applied without running them, so under the gate it also needs the
   * live schema to be what the history up to the target makes (checked on scratch, as {@code stamp
   * --verify-parity} does). Otherwise it is refused like a failed stop condition: one GATE_FAILED
   * entry, nothing else changed.
   */
  private void requireParity(MigrateRequest request, WorkOrder wo, Trail audit)
      throws SQLException {
    DiffReport parity = migrator.parity(request.target(), request.gate().schema());
    if (parity.diff().equal()) {
      return;
    }
    audit.append(
        entry(AuditEvent.GATE_FAILED, wo)
            .withDetail(
                Map.of(
                    "command",
                    "stamp",
                    "target",
                    request.target(),
                    "failed",
                    List.of("schema-parity"))));
    throw new SchemagateException(
        ExitCode.BLOCKED,
        "the governance gate refused this stamp of '"
            + workspace.environment()
            + "' under "
            + wo.id()
            + ": the live schema is not what the history up to "
            + request.target()
            + " makes, so stamping would record changes that are not there; nothing was changed\n"
            + DiffRenderer.text(parity.diff()).strip(),
        "bring the schema in line (or upgrade instead of stamping), then run the gate again");
  }

  private AuditEntryDraft entry(AuditEvent event, WorkOrder wo) {
    return AuditEntryDraft.of(event, identity.actor(), identity.host())
        .withWorkOrder(wo.id(), workspace.environment());
  }

  private Path projectFolder() {
    return workspace.config().file().toAbsolutePath().getParent();
  }

  private static String firstFix(GateReport report) {
    List<ConditionResult> failed = report.failures();
    return failed.size() == 1
        ? "fix the failed condition above, then run again"
        : "fix the " + failed.size() + " failed conditions above, then run again";
  }

  private static String script(Ddl ddl) {
    StringBuilder sb = new StringBuilder(DdlGenerator.script(ddl.create()));
    for (String n : ddl.notReproduced()) {
      sb.append("-- not reproduced: ").append(n).append('\n');
    }
    return sb.toString();
  }

  private static EvidenceFile text(String name, String content) {
    return new EvidenceFile(
        name,
        ConnectionSpec.redactEvidence(content == null ? "" : content)
            .getBytes(StandardCharsets.UTF_8));
  }

  private static String json(Object value) {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value)
          + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("records always serialize", e);
    }
  }

  private static byte[] readBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw SchemagateException.badInput(
          "cannot read " + file + ": " + e.getMessage(), "check the file and its permissions");
    }
  }

  /** The audit log and the last entry this run appended. */
  private static final class Trail {
    final AuditLog log;
    AuditEntry last;

    Trail(AuditLog log) {
      this.log = log;
    }

    AuditEntry append(AuditEntryDraft draft) throws SQLException {
      last = log.append(draft);
      return last;
    }
  }

  /** The command line and the lines the run reported, secrets redacted. */
  private static final class Transcript {
    private final StringBuilder sb = new StringBuilder();

    Transcript(List<String> commandLine) {
      sb.append("$ schemagate");
      boolean secretNext = false;
      for (String arg : commandLine) {
        String shown = secretNext ? "***" : ConnectionSpec.redact(arg);
        sb.append(' ').append(shown);
        secretNext = arg.equals("--password");
      }
      sb.append('\n');
    }

    void line(String text) {
      sb.append(ConnectionSpec.redact(text)).append('\n');
    }

    String text() {
      return sb.toString();
    }
  }
}

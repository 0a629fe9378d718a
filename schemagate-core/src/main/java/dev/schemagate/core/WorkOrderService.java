package dev.schemagate.core;

import dev.schemagate.core.api.LintRequest;
import dev.schemagate.core.api.MigrateRequest;
import dev.schemagate.core.api.MigrateResult;
import dev.schemagate.core.api.PlannedStep;
import dev.schemagate.core.api.RevisionInfo;
import dev.schemagate.core.api.RunMode;
import dev.schemagate.core.api.SchemaRequest;
import dev.schemagate.core.api.WorkOrderRequest;
import dev.schemagate.core.api.WorkOrderResult;
import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.config.Person;
import dev.schemagate.core.config.ProjectConfig;
import dev.schemagate.core.config.Workspace;
import dev.schemagate.core.governance.approval.Approval;
import dev.schemagate.core.governance.approval.Approvals;
import dev.schemagate.core.governance.approval.CanonicalForm;
import dev.schemagate.core.governance.approval.Decision;
import dev.schemagate.core.governance.approval.Keys;
import dev.schemagate.core.governance.auditlog.AuditEntry;
import dev.schemagate.core.governance.auditlog.AuditEntryDraft;
import dev.schemagate.core.governance.auditlog.AuditEvent;
import dev.schemagate.core.governance.auditlog.AuditLog;
import dev.schemagate.core.governance.gate.EvidenceCheck;
import dev.schemagate.core.governance.gate.GateCommand;
import dev.schemagate.core.governance.gate.GateInput;
import dev.schemagate.core.governance.gate.GateReport;
import dev.schemagate.core.governance.gate.GitState;
import dev.schemagate.core.governance.gate.StopConditions;
import dev.schemagate.core.governance.git.GitStatus;
import dev.schemagate.core.governance.guard.StartupGuard;
import dev.schemagate.core.governance.workorder.WorkOrder;
import dev.schemagate.core.governance.workorder.WorkOrder.DeclaredRevision;
import dev.schemagate.core.governance.workorder.WorkOrder.EvidenceRef;
import dev.schemagate.core.governance.workorder.WorkOrder.HealthCheck;
import dev.schemagate.core.governance.workorder.WorkOrder.Intent;
import dev.schemagate.core.governance.workorder.WorkOrder.MigrationDeclaration;
import dev.schemagate.core.governance.workorder.WorkOrder.RollbackPlan;
import dev.schemagate.core.governance.workorder.WorkOrderFile;
import dev.schemagate.core.history.Database;
import dev.schemagate.core.lint.Finding;
import dev.schemagate.core.schema.diff.DiffRenderer;
import dev.schemagate.core.schema.drill.DrillRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drafting, showing and signing work orders ({@code wo new}, {@code wo show}, {@code wo approve},
 * {@code wo reject}). Drafting fills in everything the tool can know (the migration declaration
 * with every checksum, and the evidence: dry-run SQL, lint, schema diff and drill on scratch, the
 * backup plan) and leaves clear placeholders for what only the author can write.
 */
final class WorkOrderService {
  private static final Pattern FILE = Pattern.compile("WO-MIGRATION-(\\d{3,})\\.md");
  private static final String TODO = WorkOrderFile.PLACEHOLDER + ": ";

  private final Workspace workspace;
  private final RunIdentity identity;
  private final Migrator migrator;

  WorkOrderService(Workspace workspace, RunIdentity identity, Migrator migrator) {
    this.workspace = workspace;
    this.identity = identity;
    this.migrator = migrator;
  }

  private ProjectConfig config() {
    if (workspace.config() == null) {
      throw SchemagateException.badInput(
          "work orders need a schemagate.yaml with environments and people",
          "run `schemagate init`, or pass --config");
    }
    return workspace.config();
  }

  /** The project's {@code workorders} folder, beside the configuration file. */
  Path folder() {
    return config().file().toAbsolutePath().getParent().resolve("workorders");
  }

  /** A work order by id or path. */
  Path locate(String idOrPath) {
    Path p = Path.of(idOrPath);
    if (Files.isRegularFile(p)) {
      return p;
    }
    Path byId = folder().resolve(idOrPath.endsWith(".md") ? idOrPath : idOrPath + ".md");
    if (!Files.isRegularFile(byId)) {
      throw SchemagateException.badInput(
          "no work order " + idOrPath + " (looked for " + byId + ")",
          "give the id (WO-MIGRATION-007) or the file's path");
    }
    return byId;
  }

  /**
   * Drafts a work order for the workspace's environment.
   *
   * @param target where the change goes ({@code head}, a revision)
   * @param from the heads it starts from, comma-separated ({@code base} for none); null to read
   *     them from the environment's database
   */
  WorkOrderResult draft(WorkOrderRequest request) {
    ProjectConfig config = config();
    String target = request.target();
    String from = request.from();
    SchemaRequest schema = request.schema();
    boolean down = request.direction().equals("downgrade");
    String who = request.author() == null ? identity.actor() : request.author();
    if (!config.people().isEmpty() && !config.people().containsKey(who)) {
      throw SchemagateException.badInput(
          "the author '" + who + "' is not one of the people in " + config.file(),
          "pass --author <name> with your name from people, or set SCHEMAGATE_ACTOR");
    }
    String env = workspace.environment();
    if (env == null || !config.environments().containsKey(env)) {
      throw SchemagateException.badInput(
          "a work order is for exactly one environment; name it with --env",
          "one of " + config.environments().keySet());
    }
    // Every file is checked before the database is touched (reading SQLite's heads creates it).
    if (request.rollbackOf() != null && !down) {
      throw SchemagateException.badInput(
          "--rollback-of drafts a rollback, which is a downgrade", "add --downgrade");
    }
    WorkOrder reverted =
        request.rollbackOf() == null ? null : WorkOrderFile.read(locate(request.rollbackOf()));
    String fromText = from;
    if (fromText == null) {
      List<String> heads = migrator.current().revisions().stream().map(RevisionInfo::id).toList();
      fromText = heads.isEmpty() ? "base" : String.join(",", heads);
    }
    MigrateRequest sqlRequest = new MigrateRequest(target, RunMode.SQL, fromText, null, null, null);
    MigrateResult sql = down ? migrator.downgrade(sqlRequest) : migrator.upgrade(sqlRequest);
    if (sql.plan().isEmpty()) {
      throw SchemagateException.badInput(
          "nothing to do from " + fromText + " to " + target, "choose another --to or --from");
    }
    Map<String, RevisionInfo> infos = revisionsById();
    List<DeclaredRevision> revisions = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    boolean irreversible = false;
    for (PlannedStep step : sql.plan()) {
      RevisionInfo info = infos.get(step.revision());
      if (info == null) {
        throw SchemagateException.badInput(
            "the plan runs " + step.revision() + ", which is not a versioned revision",
            "work orders declare versioned migrations; run repeatable ones outside them");
      }
      revisions.add(
          new DeclaredRevision(
              info.id(),
              info.file(),
              contentChecksum(workspace.migrations().resolve(info.file())),
              info.downRevisions(),
              info.branchLabels(),
              info.irreversible()));
      irreversible |= info.irreversible() != null;
      files.add(workspace.migrations().resolve(info.file()));
    }
    List<String> fromHeads =
        fromText.equals("base") ? List.of() : Arrays.asList(fromText.split(","));

    String id = nextId();
    Path dir = folder().resolve(id);
    Map<String, EvidenceRef> evidence = new TreeMap<>();
    List<String> written = new ArrayList<>();
    evidence.put(
        "dry_run_sql",
        write(dir, "dry-run.sql", ConnectionSpec.redactEvidence(sql.sql()), written));
    List<Finding> lintFindings = lintFor(files);
    evidence.put("lint", write(dir, "lint.txt", lintText(lintFindings, files.size()), written));
    String diffFrom = fromHeads.size() == 1 ? fromHeads.get(0) : "base";
    String diffTo =
        down ? (sql.headsAfter().size() == 1 ? sql.headsAfter().get(0) : "base") : target;
    var diff = migrator.diff(diffFrom, diffTo, schema);
    evidence.put(
        "diff",
        write(
            dir,
            "diff.md",
            "From: "
                + diff.from()
                + "  \nTo: "
                + diff.to()
                + "\n\n"
                + DiffRenderer.markdown(diff.diff()),
            written));
    var drill = migrator.drill(down ? diffTo + ":" + diffFrom : diffFrom + ":" + target, schema);
    evidence.put("drill", write(dir, "drill.md", DrillRenderer.markdown(drill), written));
    evidence.put("backup_plan", write(dir, "backup-plan.md", backupPlan(env), written));

    WorkOrder wo =
        new WorkOrder(
            id,
            env,
            who,
            identity
                .clock()
                .instant()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString(),
            new MigrationDeclaration(
                request.direction(), target, fromHeads, sql.headsAfter(), revisions),
            new Intent(
                reverted == null
                    ? TODO + "what changes, in one sentence"
                    : "Roll back " + reverted.id() + ": " + reverted.intent().what(),
                reverted == null
                    ? TODO + "why it is needed now"
                    : "One of the rollback triggers of " + reverted.id() + " fired",
                TODO + "what happens if it is not done",
                TODO + "the alternatives considered and why they were rejected"),
            reverted != null
                ? reverted.rollback()
                : new RollbackPlan(
                    List.of(
                        TODO
                            + "the steps, e.g. `schemagate downgrade "
                            + (fromHeads.isEmpty() ? "base" : fromHeads.get(0))
                            + " --env "
                            + env
                            + " --work-order <rollback WO> --trigger <which fired>`"),
                    List.of(TODO + "what observation starts the rollback"),
                    List.of(
                        new HealthCheck(
                            TODO + "SELECT ... after the rollback", TODO + "the result"))),
            down
                ? List.of()
                : List.of(
                    new HealthCheck(
                        TODO + "SELECT ... that shows the change works (or delete this check)",
                        TODO + "the result")),
            irreversible ? TODO + "why an irreversible change is acceptable" : null,
            irreversible ? TODO + "what makes up for it (backup, export, feature flag)" : null,
            List.of(),
            evidence,
            List.of());
    Path file = folder().resolve(id + ".md");
    writeFile(file, WorkOrderFile.write(wo));
    written.add(0, file.toString());
    List<String> notes = new ArrayList<>();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("author", who);
    detail.put("direction", request.direction());
    detail.put("target", target);
    detail.put("revisions", revisions.stream().map(DeclaredRevision::id).toList());
    audit(AuditEvent.WORK_ORDER_CREATED, who, wo, detail, notes);
    notes.add(
        "fill in intent, verification and rollback in "
            + file
            + " (the lines starting with TODO), then ask for approval");
    if (irreversible) {
      notes.add("an irreversible migration is included: justify it and name compensating controls");
    }
    long errors =
        lintFindings.stream()
            .filter(f -> f.severity() == dev.schemagate.core.lint.Severity.ERROR)
            .count();
    if (errors > 0) {
      notes.add(errors + " lint error(s): fix them or waive each in lint_waivers with a reason");
    }
    return new WorkOrderResult(id, file.toString(), written, notes);
  }

  /**
   * The project's lint (both directions, each migration with its own transaction mode, history
   * checks) narrowed to the given files: linting the files one by one, as squawk does, would hold a
   * downgrade's DROP of what its own upgrade made against it.
   */
  private List<Finding> lintFor(List<Path> files) {
    java.util.Set<String> names = new java.util.HashSet<>();
    files.forEach(f -> names.add(f.getFileName().toString()));
    List<Finding> out = new ArrayList<>();
    for (Finding f : migrator.lint(LintRequest.project()).findings()) {
      if (f.file() != null && names.contains(f.file().getFileName().toString())) {
        out.add(f);
      }
    }
    return out;
  }

  private static String lintText(List<Finding> findings, int fileCount) {
    StringBuilder sb = new StringBuilder();
    long errors = 0;
    long warnings = 0;
    for (Finding f : findings) {
      errors += f.severity() == dev.schemagate.core.lint.Severity.ERROR ? 1 : 0;
      warnings += f.severity() == dev.schemagate.core.lint.Severity.WARNING ? 1 : 0;
      sb.append(f.file())
          .append(':')
          .append(f.line())
          .append(": ")
          .append(f.severity().name().toLowerCase(java.util.Locale.ROOT))
          .append(' ')
          .append(f.rule())
          .append(": ")
          .append(f.message())
          .append('\n');
    }
    sb.append(errors)
        .append(" error(s), ")
        .append(warnings)
        .append(" warning(s) in ")
        .append(fileCount)
        .append(" file(s)\n");
    return sb.toString();
  }

  private static String backupPlan(String env) {
    return "## Backup plan\n\n"
        + "Before execution the gate takes a verified backup of `"
        + env
        + "`: `pg_dump` in custom format for PostgreSQL, the online backup for SQLite, restored"
        + " into a scratch database and compared (schema and row counts) before anything runs. Its"
        + " confirmation record (file, size, SHA-256, verified, time) goes into the evidence pack."
        + "\n\nRestore path: `schemagate restore <file> --env "
        + env
        + "` checks the SHA-256 against the record, then restores.\n";
  }

  private String nextId() {
    int max = 0;
    if (Files.isDirectory(folder())) {
      try (var s = Files.list(folder())) {
        for (Path p : (Iterable<Path>) s::iterator) {
          Matcher m = FILE.matcher(p.getFileName().toString());
          if (m.matches()) {
            max = Math.max(max, Integer.parseInt(m.group(1)));
          }
        }
      } catch (IOException e) {
        throw new SchemagateException(
            ExitCode.FAILED, "cannot list " + folder() + ": " + e.getMessage(), "check it", e);
      }
    }
    return String.format("WO-MIGRATION-%03d", max + 1);
  }

  private EvidenceRef write(Path dir, String name, String text, List<String> written) {
    Path file = dir.resolve(name);
    writeFile(file, text);
    written.add(file.toString());
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String relative = folder().getParent().relativize(file).toString();
    return new EvidenceRef(relative, CanonicalForm.sha256Hex(bytes));
  }

  private static void writeFile(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new SchemagateException(
          ExitCode.FAILED, "cannot write " + file + ": " + e.getMessage(), "check the folder", e);
    }
  }

  /** The readable body of a work order, from its front matter. */
  String show(String idOrPath) {
    Path file = locate(idOrPath);
    return dev.schemagate.core.governance.workorder.WorkOrderMarkdown.body(
        WorkOrderFile.read(file));
  }

  /**
   * Signs a work order as approved or rejected with a private key, and appends the signature to the
   * file. The signer is the configured person whose public key matches the key. Workers and the
   * author are refused here already (exit 3); the gate checks again.
   */
  WorkOrderResult sign(String idOrPath, Path keyFile, Decision decision, String reason) {
    ProjectConfig config = config();
    Path file = locate(idOrPath);
    WorkOrder wo = WorkOrderFile.read(file);
    KeyPair pair = Keys.readKeyPair(keyFile);
    String fingerprint = Keys.fingerprint(pair.getPublic());
    String signerName = personWithKey(fingerprint);
    Person signer = signerName == null ? null : config.people().get(signerName);
    if (signer == null) {
      throw new SchemagateException(
          ExitCode.BLOCKED,
          "the key "
              + keyFile
              + " ("
              + fingerprint
              + ") belongs to nobody in "
              + config.file()
              + "'s people",
          "sign with your own key, or have your public key added to people");
    }
    if (!signer.role().mayApprove()) {
      throw new SchemagateException(
          ExitCode.BLOCKED,
          signer.name() + " is a worker: workers may draft work orders, never approve them",
          "ask a manager, planning and governance, or the final authority to sign");
    }
    if (decision == Decision.APPROVED && signer.name().equals(wo.author())) {
      throw new SchemagateException(
          ExitCode.BLOCKED,
          signer.name() + " wrote " + wo.id() + " and may not approve it",
          "ask someone else with an approving role to sign");
    }
    byte[] canonical = CanonicalForm.encode(WorkOrderFile.canonicalFields(wo));
    Approval a =
        Approvals.sign(
            canonical,
            signer.name(),
            signer.role().configName(),
            decision,
            reason,
            pair.getPrivate(),
            identity.clock());
    Map<String, String> stored = a.toStored();
    List<Map<String, String>> approvals = new ArrayList<>(wo.approvals());
    approvals.add(stored);
    WorkOrder signed = wo.withApprovals(approvals);
    writeFile(file, WorkOrderFile.write(signed));
    List<String> notes = new ArrayList<>();
    audit(
        decision == Decision.APPROVED ? AuditEvent.APPROVED : AuditEvent.REJECTED,
        signer.name(),
        wo,
        approvalDetail(a),
        notes);
    notes.add(
        0,
        decision.name().toLowerCase(java.util.Locale.ROOT)
            + " by "
            + signer.name()
            + " ("
            + signer.role().configName()
            + ") with key "
            + fingerprint);
    return new WorkOrderResult(wo.id(), file.toString(), List.of(file.toString()), notes);
  }

  /**
   * Evaluates every hard stop condition for a work order, as {@code wo check} and the gate do: the
   * inputs are gathered here (files, git, plan, guard, lint, evidence hashes) and judged in memory
   * by {@link StopConditions}.
   */
  GateReport check(String idOrPath, GateCommand command, String rollbackTrigger) {
    Path file = locate(idOrPath);
    return check(WorkOrderFile.read(file), file, command, rollbackTrigger, null, identity.actor())
        .report();
  }

  /** A gate evaluation, with the lint report it was judged on (for the evidence pack). */
  record Evaluation(GateReport report, String lintText) {}

  /**
   * The same evaluation for a work order already read.
   *
   * @param planned the revisions the command would run, from the database's state; null to plan
   *     from the work order's own {@code from} (what {@code wo check} does, offline)
   * @param executor who executes, proven by their key; null when not proven
   */
  Evaluation check(
      WorkOrder wo,
      Path file,
      GateCommand command,
      String rollbackTrigger,
      List<String> planned,
      String executor) {
    ProjectConfig config = config();
    List<Approval> approvals = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Map<String, String> stored : wo.approvals()) {
      try {
        approvals.add(Approval.fromStored(stored));
      } catch (RuntimeException e) {
        problems.add("an approval entry cannot be read: " + e.getMessage());
      }
    }
    // One read of the folder for every declared revision; one absent from it keeps no checksum
    // and no git state, which fails the conditions that need them.
    Map<String, RevisionInfo> infos = revisionsById();
    Map<String, Path> fileById = new LinkedHashMap<>();
    Map<String, String> checksums = new LinkedHashMap<>();
    for (DeclaredRevision r : wo.migration().revisions()) {
      RevisionInfo info = infos.get(r.id());
      if (info != null) {
        Path f = workspace.migrations().resolve(info.file());
        fileById.put(r.id(), f);
        checksums.put(r.id(), contentChecksum(f));
      }
    }
    List<Path> files = new ArrayList<>(fileById.values());
    Map<Path, GitState> states = GitStatus.of(files);
    Map<String, GitState> git = new LinkedHashMap<>();
    fileById.forEach((id, f) -> git.put(id, states.get(f)));
    String from =
        wo.migration().from().isEmpty() ? "base" : String.join(",", wo.migration().from());
    List<String> plannedNow = planned == null ? new ArrayList<>() : planned;
    if (planned == null) {
      try {
        MigrateRequest offline =
            new MigrateRequest(wo.migration().target(), RunMode.SQL, from, null, null, null);
        MigrateResult plan =
            wo.migration().direction().equals("downgrade")
                ? migrator.downgrade(offline)
                : migrator.upgrade(offline);
        plan.plan().forEach(s -> plannedNow.add(s.revision()));
      } catch (SchemagateException e) {
        problems.add("the plan cannot be computed: " + e.getMessage());
      }
    }
    Path root = folder().getParent();
    Map<String, EvidenceCheck> evidence = new TreeMap<>();
    wo.evidence()
        .forEach(
            (name, ref) -> {
              Path f = root.resolve(ref.file());
              try {
                String actual = CanonicalForm.sha256Hex(Files.readAllBytes(f));
                evidence.put(
                    name,
                    actual.equals(ref.sha256())
                        ? EvidenceCheck.matches(ref.file())
                        : EvidenceCheck.hashDiffers(ref.file(), ref.sha256(), actual));
              } catch (IOException e) {
                evidence.put(name, EvidenceCheck.missing(ref.file(), "cannot be read"));
              }
            });
    List<Finding> lint = files.isEmpty() ? List.of() : lintFor(files);
    GateInput input =
        new GateInput(
            wo,
            workspace.environment(),
            config.environments(),
            config.people(),
            approvals,
            problems,
            checksums,
            plannedNow,
            git,
            StartupGuard.scan(root),
            lint,
            evidence,
            identity.clock().instant(),
            command,
            rollbackTrigger,
            executor);
    return new Evaluation(StopConditions.evaluate(input), lintText(lint, files.size()));
  }

  /** Every revision of the folder, read once, by id. */
  private Map<String, RevisionInfo> revisionsById() {
    Map<String, RevisionInfo> out = new LinkedHashMap<>();
    for (var e : migrator.history(null, null).entries()) {
      out.put(e.revision().id(), e.revision());
    }
    return out;
  }

  /**
   * The SHA-256 a work order declares for a migration: of its whole file, both directions and the
   * header (the engine's own checksum covers the upgrade SQL only, as Flyway's does, but an
   * approval must also cover the downgrade a rollback would run). For layouts that keep a migration
   * in a folder (diesel's up.sql and down.sql), of every file in it, by name.
   */
  static String contentChecksum(Path path) {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      if (Files.isDirectory(path)) {
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(path)) {
          s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        for (Path f : files) {
          md.update((f.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
          md.update(Files.readAllBytes(f));
        }
      } else {
        md.update(Files.readAllBytes(path));
      }
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      throw new SchemagateException(
          ExitCode.FAILED, "cannot read " + path + ": " + e.getMessage(), "check the file", e);
    }
  }

  /** The name of the configured person whose public key has this fingerprint, or null. */
  String personWithKey(String fingerprint) {
    ProjectConfig config = config();
    for (Person p : config.people().values()) {
      if (p.publicKey() != null
          && Keys.fingerprint(
                  Keys.parseInline(p.publicKey(), config.file() + ": people: " + p.name()))
              .equals(fingerprint)) {
        return p.name();
      }
    }
    return null;
  }

  /**
   * Appends the work order's creation and its signed decisions to the audit log when the log does
   * not have them yet: {@code wo new} and {@code wo approve} record them when the environment's
   * database is reachable, and an approver often has no access to it. The gate calls this once the
   * stop conditions pass, so the log holds every transition before anything executes. Each is
   * matched by the SHA-256 of its signature, so none is recorded twice.
   */
  void recordPastEvents(AuditLog log, WorkOrder wo) throws java.sql.SQLException {
    java.util.Set<String> seen = new java.util.HashSet<>();
    boolean created = false;
    for (AuditEntry e : log.read()) {
      if (!wo.id().equals(e.workOrder())) {
        continue;
      }
      created |= e.event() == AuditEvent.WORK_ORDER_CREATED;
      Matcher m = SIGNATURE_SHA.matcher(e.detail());
      if (m.find()) {
        seen.add(m.group(1));
      }
    }
    if (!created) {
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("author", wo.author());
      detail.put("created", wo.created());
      detail.put("recorded_by_gate", true);
      log.append(draft(AuditEvent.WORK_ORDER_CREATED, wo.author(), wo).withDetail(detail));
    }
    for (Map<String, String> stored : wo.approvals()) {
      Approval a;
      try {
        a = Approval.fromStored(stored);
      } catch (IllegalArgumentException e) {
        continue; // the gate has already failed such an entry; nothing valid to record
      }
      Map<String, Object> detail = approvalDetail(a);
      if (seen.contains((String) detail.get("signature_sha256"))) {
        continue;
      }
      detail.put("recorded_by_gate", true);
      AuditEvent event =
          a.decision() == Decision.APPROVED ? AuditEvent.APPROVED : AuditEvent.REJECTED;
      log.append(draft(event, a.approver(), wo).withDetail(detail));
    }
  }

  private static final Pattern SIGNATURE_SHA =
      Pattern.compile("\"signature_sha256\"\\s*:\\s*\"([0-9a-f]{64})\"");

  private static Map<String, Object> approvalDetail(Approval a) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("approver", a.approver());
    detail.put("role", a.role());
    detail.put("at", a.atText());
    if (a.hasReason()) {
      detail.put("reason", a.reason());
    }
    detail.put(
        "signature_sha256",
        CanonicalForm.sha256Hex(a.signature().getBytes(StandardCharsets.UTF_8)));
    return detail;
  }

  private AuditEntryDraft draft(AuditEvent event, String actor, WorkOrder wo) {
    return AuditEntryDraft.of(event, actor, identity.host())
        .withWorkOrder(wo.id(), wo.environment());
  }

  /**
   * Records a transition in the environment's audit log when its database is reachable now; when it
   * is not, says so in the notes (the gate records it later, see {@link #recordPastEvents}).
   */
  private void audit(
      AuditEvent event,
      String actor,
      WorkOrder wo,
      Map<String, Object> detail,
      List<String> notes) {
    ConnectionSpec spec = workspace.connectionFor(wo.environment());
    if (spec == null) {
      notes.add(
          "the database of '"
              + wo.environment()
              + "' is not reachable from here (its URL is not set): the gate records this in"
              + " its audit log (a passing gate as its own entry, a blocked one in the reasons"
              + " of its GATE_FAILED entry)");
      return;
    }
    try (Connection c = Database.open(spec, "schemagate audit")) {
      new AuditLog(c, spec.dialect(), identity.clock())
          .append(draft(event, actor, wo).withDetail(detail));
    } catch (java.sql.SQLException | SchemagateException e) {
      notes.add(
          "the audit log of "
              + spec.redacted()
              + " was not reached ("
              + ConnectionSpec.redact(e.getMessage())
              + "): the gate records this before it runs");
    }
  }
}

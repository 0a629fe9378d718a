package dev.schemagate.core.governance.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.config.ApprovalPolicy;
import dev.schemagate.core.config.ExecutionWindow;
import dev.schemagate.core.config.Person;
import dev.schemagate.core.config.ProjectConfig;
import dev.schemagate.core.config.Role;
import dev.schemagate.core.governance.approval.Approval;
import dev.schemagate.core.governance.approval.Approvals;
import dev.schemagate.core.governance.approval.CanonicalForm;
import dev.schemagate.core.governance.approval.Decision;
import dev.schemagate.core.governance.approval.Keys;
import dev.schemagate.core.governance.guard.GuardFinding;
import dev.schemagate.core.governance.guard.GuardScan;
import dev.schemagate.core.governance.guard.GuardTrigger;
import dev.schemagate.core.governance.workorder.WorkOrder;
import dev.schemagate.core.governance.workorder.WorkOrder.DeclaredRevision;
import dev.schemagate.core.governance.workorder.WorkOrder.EvidenceRef;
import dev.schemagate.core.governance.workorder.WorkOrder.HealthCheck;
import dev.schemagate.core.governance.workorder.WorkOrder.Intent;
import dev.schemagate.core.governance.workorder.WorkOrder.LintWaiver;
import dev.schemagate.core.governance.workorder.WorkOrder.MigrationDeclaration;
import dev.schemagate.core.governance.workorder.WorkOrder.RollbackPlan;
import dev.schemagate.core.governance.workorder.WorkOrderFile;
import dev.schemagate.core.lint.Finding;
import dev.schemagate.core.lint.Severity;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

// One instance for all tests: the key pairs are generated once (the tests never change them).
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StopConditionsTest {
  private static final String REV = "60cd79d01a55";
  private static final String FILE = "migrations/60cd79d01a55_create_payment_methods.sql";
  private static final String CHECKSUM = "a".repeat(64);

  /** A Wednesday, inside the production window (Mon-Fri 09:00-17:00 Europe/Berlin). */
  private static final Instant WEDNESDAY = Instant.parse("2026-11-18T10:00:00Z");

  private final KeyPair max = Keys.newKeyPair();
  private final KeyPair alice = Keys.newKeyPair();
  private final KeyPair pat = Keys.newKeyPair();
  private final KeyPair wendy = Keys.newKeyPair();
  private final Clock clock = Clock.fixed(WEDNESDAY.minusSeconds(3600), ZoneOffset.UTC);

  // --- the fixture: a production work order that passes everything ----------------------------

  private static WorkOrder workOrder() {
    return new WorkOrder(
        "WO-MIGRATION-007",
        "production",
        "wendy",
        "2026-11-17T01:40:00Z",
        new MigrationDeclaration(
            "upgrade",
            "head",
            List.of("58e520f59667"),
            List.of(REV),
            List.of(
                new DeclaredRevision(
                    REV, FILE, CHECKSUM, List.of("58e520f59667"), List.of("payments"), null))),
        new Intent(
            "Add payment methods",
            "Checkout needs stored cards",
            "No saved cards",
            "A JSON column on users: rejected, no constraints"),
        new RollbackPlan(
            List.of("schemagate downgrade 58e520f59667 --work-order WO-MIGRATION-008"),
            List.of("error rate above 2% for 5 minutes"),
            List.of(new HealthCheck("SELECT count(*) FROM payment_methods", "relation missing"))),
        List.of(),
        null,
        null,
        List.of(new LintWaiver("require-timeout", null, "table is new and empty")),
        evidenceRefs(StopConditions.EXPECTED_EVIDENCE),
        List.of());
  }

  private static Map<String, EvidenceRef> evidenceRefs(List<String> names) {
    Map<String, EvidenceRef> refs = new LinkedHashMap<>();
    for (String n : names) {
      refs.put(n, new EvidenceRef("evidence/WO-MIGRATION-007/" + n + ".txt", "b".repeat(64)));
    }
    return refs;
  }

  private Map<String, Person> people() {
    Map<String, Person> p = new LinkedHashMap<>();
    p.put("alice", new Person("alice", Role.FINAL_AUTHORITY, Keys.inline(alice.getPublic())));
    p.put("pat", new Person("pat", Role.PLANNING_AND_GOVERNANCE, Keys.inline(pat.getPublic())));
    p.put("max", new Person("max", Role.MANAGER, Keys.inline(max.getPublic())));
    p.put("wendy", new Person("wendy", Role.WORKER, Keys.inline(wendy.getPublic())));
    return p;
  }

  private static Map<String, ProjectConfig.Environment> environments() {
    ExecutionWindow weekdays =
        new ExecutionWindow(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(9, 0),
            LocalTime.of(17, 0),
            ZoneId.of("Europe/Berlin"));
    Set<Role> approvers = Set.of(Role.MANAGER, Role.PLANNING_AND_GOVERNANCE, Role.FINAL_AUTHORITY);
    return Map.of(
        "production",
        new ProjectConfig.Environment(
            "production",
            null,
            "PROD_URL",
            true,
            new ApprovalPolicy(2, approvers, "alice"),
            List.of(weekdays)),
        "staging",
        new ProjectConfig.Environment(
            "staging",
            null,
            "STAGING_URL",
            true,
            new ApprovalPolicy(1, approvers, null),
            List.of()));
  }

  private Approval sign(WorkOrder wo, String who, KeyPair key, Decision decision, String reason) {
    byte[] canonical = CanonicalForm.encode(WorkOrderFile.canonicalFields(wo));
    String role = people().get(who) == null ? "manager" : people().get(who).role().configName();
    return Approvals.sign(canonical, who, role, decision, reason, key.getPrivate(), clock);
  }

  /**
   * Signing derives the public key and checks it each time, the slowest step of these tests; the
   * same approval of the same content is signed once (Ed25519 signatures are deterministic).
   */
  private final Map<String, Approval> signed = new java.util.HashMap<>();

  private Approval approve(WorkOrder wo, String who, KeyPair key) {
    String id =
        who
            + " "
            + Keys.fingerprint(key.getPublic())
            + " "
            + CanonicalForm.sha256Hex(CanonicalForm.encode(WorkOrderFile.canonicalFields(wo)));
    return signed.computeIfAbsent(id, k -> sign(wo, who, key, Decision.APPROVED, null));
  }

  /** The passing input, for {@code wo}, approved by max and alice over exactly {@code wo}. */
  private GateInput passing(WorkOrder wo) {
    Map<String, EvidenceCheck> evidence = new LinkedHashMap<>();
    wo.evidence().forEach((n, ref) -> evidence.put(n, EvidenceCheck.matches(ref.file())));
    return new GateInput(
        wo,
        wo.environment(),
        environments(),
        people(),
        List.of(approve(wo, "max", max), approve(wo, "alice", alice)),
        List.of(),
        Map.of(REV, CHECKSUM),
        List.of(REV),
        Map.of(REV, GitState.COMMITTED_CLEAN),
        new GuardScan(Path.of("app"), List.of(), 12, List.of()),
        List.of(
            finding("require-timeout", Severity.ERROR, FILE),
            finding("prefer-bigint", Severity.WARNING, FILE)),
        evidence,
        WEDNESDAY,
        wo.migration().direction().equals("downgrade")
            ? GateCommand.DOWNGRADE
            : GateCommand.UPGRADE,
        wo.migration().direction().equals("downgrade") ? wo.rollback().triggers().get(0) : null,
        "max");
  }

  private GateInput passing() {
    return passing(workOrder());
  }

  private static Finding finding(String rule, Severity severity, String file) {
    return new Finding(rule, severity, Path.of(file), 3, "found " + rule, "because");
  }

  /** Copies {@code in}, changing what {@code edit} changes. */
  private static GateInput with(GateInput in, UnaryOperator<Builder> edit) {
    return edit.apply(new Builder(in)).build();
  }

  /** A mutable copy of a {@link GateInput}, for tests only. */
  private static final class Builder {
    WorkOrder wo;
    String env;
    Map<String, ProjectConfig.Environment> environments;
    Map<String, Person> people;
    List<Approval> approvals;
    List<String> approvalProblems;
    Map<String, String> checksums;
    List<String> planned;
    Map<String, GitState> git;
    GuardScan guard;
    List<Finding> lint;
    Map<String, EvidenceCheck> evidence;
    Instant now;
    GateCommand command;
    String trigger;
    String actor;
    final GateInput in;

    Builder(GateInput in) {
      this.in = in;
      wo = in.workOrder();
      env = in.requestedEnvironment();
      environments = in.environments();
      people = in.people();
      approvals = new ArrayList<>(in.approvals());
      approvalProblems = in.approvalProblems();
      checksums = in.currentChecksums();
      planned = in.plannedRevisions();
      git = in.gitStates();
      guard = in.guard();
      lint = new ArrayList<>(in.lintFindings());
      evidence = new LinkedHashMap<>(in.evidence());
      now = in.now();
      command = in.command();
      trigger = in.rollbackTrigger();
      actor = in.actor();
    }

    GateInput build() {
      return new GateInput(
          wo,
          env,
          environments,
          people,
          approvals,
          approvalProblems,
          checksums,
          planned,
          git,
          guard,
          lint,
          evidence,
          now,
          command,
          trigger,
          actor);
    }
  }

  /** Asserts that exactly {@code expected} fails, and returns its reason. */
  private static String onlyFailure(GateInput in, StopCondition expected) {
    GateReport report = StopConditions.evaluate(in);
    assertThat(report.results()).hasSize(StopCondition.values().length);
    assertThat(report.failures())
        .as(report.render())
        .extracting(ConditionResult::condition)
        .containsExactly(expected);
    assertThat(report.passed()).isFalse();
    return report.failures().get(0).reason();
  }

  private static WorkOrder withRollback(WorkOrder wo, RollbackPlan plan) {
    return new WorkOrder(
        wo.id(),
        wo.environment(),
        wo.author(),
        wo.created(),
        wo.migration(),
        wo.intent(),
        plan,
        wo.verification(),
        wo.irreversibleJustification(),
        wo.compensatingControls(),
        wo.lintWaivers(),
        wo.evidence(),
        wo.approvals());
  }

  private static WorkOrder withMigration(WorkOrder wo, MigrationDeclaration m) {
    return new WorkOrder(
        wo.id(),
        wo.environment(),
        wo.author(),
        wo.created(),
        m,
        wo.intent(),
        wo.rollback(),
        wo.verification(),
        wo.irreversibleJustification(),
        wo.compensatingControls(),
        wo.lintWaivers(),
        wo.evidence(),
        wo.approvals());
  }

  // --- everything passes -----------------------------------------------------------------------

  @Test
  void aCompleteApprovedWorkOrderPassesEveryConditionWithAReason() {
    GateReport report = StopConditions.evaluate(passing());
    assertThat(report.failures()).as(report.render()).isEmpty();
    assertThat(report.passed()).isTrue();
    assertThat(report.results())
        .extracting(ConditionResult::condition)
        .containsExactly(StopCondition.values());
    assertThat(report.results()).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
    assertThat(report.result(StopCondition.APPROVALS).reason())
        .contains("2 valid approvals from max (manager), alice (final_authority)")
        .contains("needs 2");
    assertThat(report.result(StopCondition.FINAL_AUTHORITY).reason()).contains("alice");
    assertThat(report.result(StopCondition.UNWAIVED_LINT_ERRORS).reason())
        .contains("require-timeout");
    assertThat(report.render())
        .contains("PASS approvals: ")
        .contains("PASS outside-window: ")
        .endsWith("gate: all " + StopCondition.values().length + " stop conditions pass\n");
  }

  @Test
  void aDowngradeWithATriggerOfItsRollbackPlanPasses() {
    WorkOrder up = workOrder();
    WorkOrder down =
        withMigration(
            up,
            new MigrationDeclaration(
                "downgrade",
                "58e520f59667",
                List.of(REV),
                List.of("58e520f59667"),
                up.migration().revisions()));
    GateReport report = StopConditions.evaluate(passing(down));
    assertThat(report.failures()).as(report.render()).isEmpty();
    assertThat(report.result(StopCondition.ROLLBACK_PLAN).reason())
        .contains("trigger fired: error rate above 2% for 5 minutes");
  }

  // --- approvals -------------------------------------------------------------------------------

  @Test
  void tooFewApprovalsFailNamingWhoApprovedAndWhatIsNeeded() {
    GateInput in = passing();
    String reason =
        onlyFailure(
            with(
                in,
                b -> {
                  b.approvals.removeIf(a -> a.approver().equals("max"));
                  return b;
                }),
            StopCondition.APPROVALS);
    assertThat(reason)
        .contains("1 valid approval from alice (final_authority)")
        .contains("needs 2");
  }

  @Test
  void aValidRejectionBlocksEvenWithEnoughApprovals() {
    GateInput in = passing();
    Approval no = sign(in.workOrder(), "pat", pat, Decision.REJECTED, "no index on user_id");
    String reason =
        onlyFailure(
            with(
                in,
                b -> {
                  b.approvals.add(no);
                  return b;
                }),
            StopCondition.APPROVALS);
    assertThat(reason).contains("rejected by pat (planning_and_governance): no index on user_id");
  }

  @Test
  void aForgedApprovalFromAnUnlistedKeyFailsNamingIt() {
    GateInput in = passing();
    KeyPair mallory = Keys.newKeyPair();
    Approval forged = approve(in.workOrder(), "mallory", mallory);
    String reason =
        onlyFailure(
            with(
                in,
                b -> {
                  b.approvals.add(forged);
                  return b;
                }),
            StopCondition.APPROVALS);
    assertThat(reason).contains("unknown_approver").contains("'mallory'");
  }

  @Test
  void anApprovalInAnotherPersonsNameSignedWithAnUnlistedKeyFailsNamingThem() {
    GateInput in = passing();
    Approval forged = approve(in.workOrder(), "pat", Keys.newKeyPair());
    String reason =
        onlyFailure(
            with(
                in,
                b -> {
                  b.approvals.add(forged);
                  return b;
                }),
            StopCondition.APPROVALS);
    assertThat(reason).contains("key_mismatch").contains("pat");
  }

  @Test
  void anApprovalFromAWorkerDoesNotCount() {
    GateInput in = passing();
    // wendy is a worker but not this one's author: take a work order by someone else.
    WorkOrder wo = workOrder();
    WorkOrder byPat =
        new WorkOrder(
            wo.id(),
            wo.environment(),
            "pat",
            wo.created(),
            wo.migration(),
            wo.intent(),
            wo.rollback(),
            wo.verification(),
            null,
            null,
            wo.lintWaivers(),
            wo.evidence(),
            List.of());
    GateInput base = passing(byPat);
    String reason =
        onlyFailure(
            with(
                base,
                b -> {
                  b.approvals =
                      new ArrayList<>(
                          List.of(approve(byPat, "alice", alice), approve(byPat, "wendy", wendy)));
                  return b;
                }),
            StopCondition.APPROVALS);
    assertThat(reason)
        .contains("1 valid approval")
        .contains("wendy (worker): workers never approve");
    assertThat(in).isNotNull();
  }

  @Test
  void theSameApproverTwiceCountsOnce() {
    GateInput in = passing();
    Approval again = approve(in.workOrder(), "alice", alice);
    String reason =
        onlyFailure(
            with(
                in,
                b -> {
                  b.approvals.removeIf(a -> a.approver().equals("max"));
                  b.approvals.add(again);
                  return b;
                }),
            StopCondition.APPROVALS);
    assertThat(reason).contains("1 valid approval from alice (final_authority)");
  }

  @Test
  void theRoleAnApprovalClaimsIsIgnoredInFavourOfTheConfiguredOne() {
    GateInput in = passing();
    byte[] canonical = CanonicalForm.encode(WorkOrderFile.canonicalFields(in.workOrder()));
    Approval claimsMore =
        Approvals.sign(
            canonical, "pat", "final_authority", Decision.APPROVED, null, pat.getPrivate(), clock);
    String reason =
        onlyFailure(
            with(
                in,
                b -> {
                  b.approvals =
                      new ArrayList<>(List.of(approve(in.workOrder(), "max", max), claimsMore));
                  return b;
                }),
            StopCondition.FINAL_AUTHORITY);
    assertThat(reason).contains("pat (planning_and_governance)");
  }

  // --- environment -----------------------------------------------------------------------------

  @Test
  void anotherRequestedEnvironmentIsAmbiguousAndNamesBoth() {
    String reason =
        onlyFailure(
            with(
                passing(),
                b -> {
                  b.env = "staging";
                  return b;
                }),
            StopCondition.ENVIRONMENT);
    assertThat(reason).contains("--env staging").contains("is for production");
  }

  @Test
  void noRequestedEnvironmentFailsAnExecution() {
    String reason =
        onlyFailure(
            with(
                passing(),
                b -> {
                  b.env = null;
                  return b;
                }),
            StopCondition.ENVIRONMENT);
    assertThat(reason).contains("needs --env production");
  }

  @Test
  void anUnknownRequestedEnvironmentFailsListingTheConfiguredOnes() {
    String reason =
        onlyFailure(
            with(
                passing(),
                b -> {
                  b.env = "prodd";
                  return b;
                }),
            StopCondition.ENVIRONMENT);
    assertThat(reason).contains("unknown environment 'prodd'").contains("production, staging");
  }

  // --- git ---------------------------------------------------------------------------------------

  @Test
  void aModifiedMigrationFileFailsNamingTheFile() {
    String reason =
        onlyFailure(
            with(
                passing(),
                b -> {
                  b.git = Map.of(REV, GitState.MODIFIED);
                  return b;
                }),
            StopCondition.UNCOMMITTED_MIGRATION);
    assertThat(reason).contains(FILE).contains("modified since the last commit");
  }

  @Test
  void anUntrackedOrUncheckedFileFailsToo() {
    assertThat(
            onlyFailure(
                with(
                    passing(),
                    b -> {
                      b.git = Map.of(REV, GitState.UNTRACKED);
                      return b;
                    }),
                StopCondition.UNCOMMITTED_MIGRATION))
        .contains("untracked");
    assertThat(
            onlyFailure(
                with(
                    passing(),
                    b -> {
                      b.git = Map.of();
                      return b;
                    }),
                StopCondition.UNCOMMITTED_MIGRATION))
        .contains("not checked");
  }

  // --- start-up guard --------------------------------------------------------------------------

  @Test
  void aStartupMigrationTriggerFailsNamingFileAndLine() {
    GuardFinding ddl =
        new GuardFinding(
            "src/main/resources/application.properties",
            7,
            GuardTrigger.HIBERNATE_DDL_AUTO,
            "spring.jpa.hibernate.ddl-auto=update",
            "Hibernate changes the schema at start-up",
            "set it to validate or none",
            false);
    String reason =
        onlyFailure(
            with(
                passing(),
                b -> {
                  b.guard = new GuardScan(Path.of("app"), List.of(ddl), 12, List.of());
                  return b;
                }),
            StopCondition.STARTUP_MIGRATION);
    assertThat(reason)
        .contains("src/main/resources/application.properties:7")
        .contains("set it to validate or none");
  }

  @Test
  void aTriggerInTestCodeDoesNotBlock() {
    GuardFinding inTests =
        new GuardFinding(
            "src/test/resources/application.properties",
            2,
            GuardTrigger.HIBERNATE_DDL_AUTO,
            "spring.jpa.hibernate.ddl-auto=create-drop",
            "why",
            "fix",
            true);
    GateReport report =
        StopConditions.evaluate(
            with(
                passing(),
                b -> {
                  b.guard = new GuardScan(Path.of("app"), List.of(inTests), 12, List.of());
                  return b;
                }));
    assertThat(report.failures()).isEmpty();
    assertThat(report.result(StopCondition.STARTUP_MIGRATION).reason()).contains("1 in test code");
  }

  // --- rollback plan and intent ----------------------------------------------------------------

  @Test
  void aPlaceholderRollbackTriggerFailsNamingTheField() {
    WorkOrder wo = workOrder();
    WorkOrder todo =
        withRollback(
            wo,
            new RollbackPlan(
                wo.rollback().steps(),
                List.of("TODO: when to roll back"),
                wo.rollback().verification()));
    String reason = onlyFailure(passing(todo), StopCondition.ROLLBACK_PLAN);
    assertThat(reason).contains("rollback.triggers[0] is a placeholder");
  }

  @Test
  void aRollbackPlanWithoutVerificationFails() {
    WorkOrder wo = workOrder();
    WorkOrder none =
        withRollback(
            wo, new RollbackPlan(wo.rollback().steps(), wo.rollback().triggers(), List.of()));
    assertThat(onlyFailure(passing(none), StopCondition.ROLLBACK_PLAN))
        .contains("rollback.verification is empty");
  }

  @Test
  void aDowngradeWhoseTriggerIsNotInThePlanFailsNamingIt() {
    WorkOrder up = workOrder();
    WorkOrder down =
        withMigration(
            up,
            new MigrationDeclaration(
                "downgrade",
                "58e520f59667",
                List.of(REV),
                List.of("58e520f59667"),
                up.migration().revisions()));
    String reason =
        onlyFailure(
            with(
                passing(down),
                b -> {
                  b.trigger = "the CEO said so";
                  return b;
                }),
            StopCondition.ROLLBACK_PLAN);
    assertThat(reason)
        .contains("'the CEO said so' is not in this work order's rollback plan")
        .contains("error rate above 2% for 5 minutes");
  }

  @Test
  void aPlaceholderIntentFailsNamingTheField() {
    WorkOrder wo = workOrder();
    WorkOrder todo =
        new WorkOrder(
            wo.id(),
            wo.environment(),
            wo.author(),
            wo.created(),
            wo.migration(),
            new Intent("Add payment methods", "TODO: why", "No saved cards", "none"),
            wo.rollback(),
            wo.verification(),
            null,
            null,
            wo.lintWaivers(),
            wo.evidence(),
            List.of());
    assertThat(onlyFailure(passing(todo), StopCondition.INTENT_INCOMPLETE))
        .contains("intent.why is still a placeholder");
  }

  // --- evidence --------------------------------------------------------------------------------

  @Test
  void anEditedEvidenceFileFailsNamingItAndBothHashes() {
    String reason =
        onlyFailure(
            with(
                passing(),
                b -> {
                  b.evidence.put(
                      "drill",
                      EvidenceCheck.hashDiffers(
                          "evidence/drill.txt", "b".repeat(64), "c".repeat(64)));
                  return b;
                }),
            StopCondition.EVIDENCE);
    assertThat(reason).contains("drill: changed, evidence/drill.txt").contains("c".repeat(64));
  }

  @Test
  void evidenceTheWorkOrderDoesNotDeclareFails() {
    WorkOrder wo = workOrder();
    WorkOrder noBackup =
        new WorkOrder(
            wo.id(),
            wo.environment(),
            wo.author(),
            wo.created(),
            wo.migration(),
            wo.intent(),
            wo.rollback(),
            wo.verification(),
            null,
            null,
            wo.lintWaivers(),
            evidenceRefs(List.of("dry_run_sql", "lint", "diff", "drill")),
            List.of());
    assertThat(onlyFailure(passing(noBackup), StopCondition.EVIDENCE))
        .contains("backup_plan: not declared in the work order");
  }

  // --- changed since approval ------------------------------------------------------------------

  @Test
  void oneByteChangedInAMigrationAfterApprovalFailsNamingTheRevision() {
    String reason =
        onlyFailure(
            with(
                passing(),
                b -> {
                  b.checksums = Map.of(REV, "f" + "a".repeat(63));
                  return b;
                }),
            StopCondition.CHANGED_SINCE_APPROVAL);
    assertThat(reason).contains(REV).contains(FILE).contains("checksum is now faaaaaaaaaaa");
  }

  @Test
  void aPlanRunningAnUndeclaredRevisionFailsNamingIt() {
    String reason =
        onlyFailure(
            with(
                passing(),
                b -> {
                  b.planned = List.of(REV, "77aa00bb11cc");
                  return b;
                }),
            StopCondition.CHANGED_SINCE_APPROVAL);
    assertThat(reason).contains("also run 77aa00bb11cc");
  }

  @Test
  void anApprovalOfEarlierContentFailsNamingTheApprover() {
    GateInput in = passing();
    WorkOrder earlier =
        withRollback(
            in.workOrder(),
            new RollbackPlan(
                List.of("drop it"),
                in.workOrder().rollback().triggers(),
                in.workOrder().rollback().verification()));
    Approval stale = approve(earlier, "pat", pat);
    String reason =
        onlyFailure(
            with(
                in,
                b -> {
                  b.approvals.add(stale);
                  return b;
                }),
            StopCondition.CHANGED_SINCE_APPROVAL);
    assertThat(reason).contains("approved by pat").contains("changed after approval");
  }

  @Test
  void aWorkOrderEditedAfterApprovalVoidsEveryApproval() {
    GateInput in = passing();
    WorkOrder edited =
        withRollback(
            in.workOrder(),
            new RollbackPlan(
                List.of("drop it quickly"),
                in.workOrder().rollback().triggers(),
                in.workOrder().rollback().verification()));
    GateReport report =
        StopConditions.evaluate(
            with(
                in,
                b -> {
                  b.wo = edited;
                  return b;
                }));
    assertThat(report.failures())
        .extracting(ConditionResult::condition)
        .containsExactlyInAnyOrder(
            StopCondition.APPROVALS,
            StopCondition.CHANGED_SINCE_APPROVAL,
            StopCondition.FINAL_AUTHORITY);
  }

  // --- irreversible ----------------------------------------------------------------------------

  @Test
  void anIrreversibleRevisionWithoutJustificationFailsNamingIt() {
    WorkOrder wo = workOrder();
    DeclaredRevision r = wo.migration().revisions().get(0);
    WorkOrder oneWay =
        withMigration(
            wo,
            new MigrationDeclaration(
                "upgrade",
                "head",
                wo.migration().from(),
                wo.migration().to(),
                List.of(
                    new DeclaredRevision(
                        r.id(),
                        r.file(),
                        r.checksum(),
                        r.downRevisions(),
                        r.branchLabels(),
                        "drops column legacy_card"))));
    String reason = onlyFailure(passing(oneWay), StopCondition.IRREVERSIBLE_UNJUSTIFIED);
    assertThat(reason)
        .contains(REV)
        .contains("drops column legacy_card")
        .contains("irreversible_justification and compensating_controls");
    WorkOrder justified =
        new WorkOrder(
            oneWay.id(),
            oneWay.environment(),
            oneWay.author(),
            oneWay.created(),
            oneWay.migration(),
            oneWay.intent(),
            oneWay.rollback(),
            List.of(),
            "column unused since v3",
            "TODO",
            oneWay.lintWaivers(),
            oneWay.evidence(),
            List.of());
    assertThat(onlyFailure(passing(justified), StopCondition.IRREVERSIBLE_UNJUSTIFIED))
        .contains("lacks compensating_controls");
  }

  // --- final authority -------------------------------------------------------------------------

  @Test
  void productionWithoutTheNamedFinalApproverFailsNamingThem() {
    GateInput in = passing();
    String reason =
        onlyFailure(
            with(
                in,
                b -> {
                  b.approvals =
                      new ArrayList<>(
                          List.of(
                              approve(in.workOrder(), "max", max),
                              approve(in.workOrder(), "pat", pat)));
                  return b;
                }),
            StopCondition.FINAL_AUTHORITY);
    assertThat(reason)
        .contains("needs a valid approval from alice (final_authority)")
        .contains("max (manager), pat (planning_and_governance)");
  }

  @Test
  void anEnvironmentNamedProdNeedsTheFinalAuthorityEvenWhenItsPolicyNamesNoOne() {
    GateInput in = passing();
    Map<String, ProjectConfig.Environment> envs = new LinkedHashMap<>(in.environments());
    ProjectConfig.Environment p = envs.get("production");
    envs.put(
        "production",
        new ProjectConfig.Environment(
            p.name(),
            p.url(),
            p.urlEnv(),
            true,
            new ApprovalPolicy(2, p.approvals().roles(), null),
            p.windows()));
    String reason =
        onlyFailure(
            with(
                in,
                b -> {
                  b.environments = envs;
                  b.approvals =
                      new ArrayList<>(
                          List.of(
                              approve(in.workOrder(), "max", max),
                              approve(in.workOrder(), "pat", pat)));
                  return b;
                }),
            StopCondition.FINAL_AUTHORITY);
    assertThat(reason).contains("production is production").contains("the final authority");
  }

  @Test
  void stagingWithoutANamedFinalApproverPassesWithOneManager() {
    WorkOrder wo = workOrder();
    WorkOrder staging =
        new WorkOrder(
            wo.id(),
            "staging",
            wo.author(),
            wo.created(),
            wo.migration(),
            wo.intent(),
            wo.rollback(),
            wo.verification(),
            null,
            null,
            wo.lintWaivers(),
            wo.evidence(),
            List.of());
    GateReport report =
        StopConditions.evaluate(
            with(
                passing(staging),
                b -> {
                  b.approvals = new ArrayList<>(List.of(approve(staging, "max", max)));
                  return b;
                }));
    assertThat(report.failures()).as(report.render()).isEmpty();
    assertThat(report.result(StopCondition.FINAL_AUTHORITY).reason())
        .contains("not required: staging is not production");
    assertThat(report.result(StopCondition.OUTSIDE_WINDOW).reason()).contains("any time");
  }

  // --- self approval ---------------------------------------------------------------------------

  @Test
  void anAuthorApprovingTheirOwnWorkOrderFailsNamingThem() {
    GateInput in = passing();
    Approval own = approve(in.workOrder(), "wendy", wendy);
    String reason =
        onlyFailure(
            with(
                in,
                b -> {
                  b.approvals.add(own);
                  return b;
                }),
            StopCondition.SELF_APPROVAL);
    assertThat(reason).contains("the author wendy approved their own work order");
  }

  // --- execution window ------------------------------------------------------------------------

  @Test
  void outsideEveryWindowFailsNamingTheWindowAndTheNextOpening() {
    String reason =
        onlyFailure(
            with(
                passing(),
                b -> {
                  b.now = Instant.parse("2026-11-21T10:00:00Z"); // a Saturday
                  return b;
                }),
            StopCondition.OUTSIDE_WINDOW);
    assertThat(reason)
        .contains("mon,tue,wed,thu,fri 09:00-17:00 Europe/Berlin")
        .contains("the next opens Mon 2026-11-23 09:00 Europe/Berlin");
  }

  // --- lint --------------------------------------------------------------------------------------

  @Test
  void anUnwaivedLintErrorFailsNamingRuleAndFile() {
    String reason =
        onlyFailure(
            with(
                passing(),
                b -> {
                  b.lint.add(finding("ban-drop-column", Severity.ERROR, FILE));
                  return b;
                }),
            StopCondition.UNWAIVED_LINT_ERRORS);
    assertThat(reason)
        .contains("1 unwaived lint error")
        .contains("[ban-drop-column]")
        .contains(FILE);
  }

  @Test
  void aWaiverForAnotherFileDoesNotWaive() {
    WorkOrder wo = workOrder();
    WorkOrder elsewhere =
        new WorkOrder(
            wo.id(),
            wo.environment(),
            wo.author(),
            wo.created(),
            wo.migration(),
            wo.intent(),
            wo.rollback(),
            wo.verification(),
            null,
            null,
            List.of(new LintWaiver("require-timeout", "migrations/other.sql", "empty table")),
            wo.evidence(),
            List.of());
    assertThat(onlyFailure(passing(elsewhere), StopCondition.UNWAIVED_LINT_ERRORS))
        .contains("[require-timeout]");
    WorkOrder sameFile =
        new WorkOrder(
            wo.id(),
            wo.environment(),
            wo.author(),
            wo.created(),
            wo.migration(),
            wo.intent(),
            wo.rollback(),
            wo.verification(),
            null,
            null,
            List.of(new LintWaiver("require-timeout", FILE, "empty table")),
            wo.evidence(),
            List.of());
    assertThat(StopConditions.evaluate(passing(sameFile)).passed()).isTrue();
  }

  // --- worker execution ------------------------------------------------------------------------

  @Test
  void aWorkerExecutingAgainstAGovernedEnvironmentFailsNamingThem() {
    String reason =
        onlyFailure(
            with(
                passing(),
                b -> {
                  b.actor = "wendy";
                  return b;
                }),
            StopCondition.WORKER_EXECUTION);
    assertThat(reason).contains("wendy is a worker").contains("production");
  }

  @Test
  void anExecutorWhoIsNotConfiguredFailsNamingThem() {
    String reason =
        onlyFailure(
            with(
                passing(),
                b -> {
                  b.actor = "ci-bot";
                  return b;
                }),
            StopCondition.WORKER_EXECUTION);
    assertThat(reason).contains("'ci-bot' is not a configured person");
  }

  @Test
  void aCheckExecutesNothingSoNoActorIsNeeded() {
    GateReport report =
        StopConditions.evaluate(
            with(
                passing(),
                b -> {
                  b.command = GateCommand.CHECK;
                  b.actor = null;
                  b.env = null;
                  return b;
                }));
    assertThat(report.failures()).as(report.render()).isEmpty();
  }

  // --- robustness ------------------------------------------------------------------------------

  @Test
  void withoutAWorkOrderEveryConditionStillReportsAndNothingPasses() {
    GateReport report =
        StopConditions.evaluate(
            with(
                passing(),
                b -> {
                  b.wo = null;
                  return b;
                }));
    assertThat(report.results()).hasSize(StopCondition.values().length);
    assertThat(report.failures())
        .extracting(ConditionResult::condition)
        .contains(
            StopCondition.APPROVALS,
            StopCondition.ROLLBACK_PLAN,
            StopCondition.EVIDENCE,
            StopCondition.CHANGED_SINCE_APPROVAL);
    assertThat(report.render())
        .contains("gate: BLOCKED by")
        .contains("no work order could be read");
  }

  @Test
  void anUnreadableApprovalBlocksInsteadOfCrashing() {
    String reason =
        onlyFailure(
            with(
                passing(),
                b -> {
                  b.approvalProblems = List.of("approvals[2]: signature is missing");
                  return b;
                }),
            StopCondition.APPROVALS);
    assertThat(reason).contains("approvals[2]: signature is missing");
  }

  @Test
  void aWorkOrderWithoutAnEnvironmentIsReportedNotCrashedOn() {
    WorkOrder wo = workOrder();
    WorkOrder nowhere =
        new WorkOrder(
            wo.id(),
            null,
            wo.author(),
            wo.created(),
            wo.migration(),
            wo.intent(),
            wo.rollback(),
            wo.verification(),
            null,
            null,
            wo.lintWaivers(),
            wo.evidence(),
            List.of());
    for (GateCommand command : GateCommand.values()) {
      GateReport report =
          StopConditions.evaluate(
              with(
                  passing(),
                  b -> {
                    b.wo = nowhere;
                    b.command = command;
                    b.env = command.executes() ? "production" : null;
                    return b;
                  }));
      assertThat(report.results()).hasSize(StopCondition.values().length);
      assertThat(report.result(StopCondition.ENVIRONMENT).pass()).isFalse();
      assertThat(report.render()).doesNotContain("could not be checked");
    }
  }

  @Test
  void aConfiguredKeyThatDoesNotParseFailsApprovalsNamingThePerson() {
    GateInput in = passing();
    Map<String, Person> people = new LinkedHashMap<>(in.people());
    people.put("pat", new Person("pat", Role.PLANNING_AND_GOVERNANCE, "ed25519:not-base64!"));
    String reason =
        onlyFailure(
            with(
                in,
                b -> {
                  b.people = people;
                  return b;
                }),
            StopCondition.APPROVALS);
    assertThat(reason).contains("people.pat");
  }
}

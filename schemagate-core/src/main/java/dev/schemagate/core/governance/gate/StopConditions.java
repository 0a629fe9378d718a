package dev.schemagate.core.governance.gate;

import dev.schemagate.core.SchemagateException;
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
import dev.schemagate.core.governance.approval.Verification;
import dev.schemagate.core.governance.approval.Verification.Outcome;
import dev.schemagate.core.governance.guard.GuardFinding;
import dev.schemagate.core.governance.guard.GuardScan;
import dev.schemagate.core.governance.workorder.WorkOrder;
import dev.schemagate.core.governance.workorder.WorkOrder.DeclaredRevision;
import dev.schemagate.core.governance.workorder.WorkOrder.HealthCheck;
import dev.schemagate.core.governance.workorder.WorkOrder.LintWaiver;
import dev.schemagate.core.governance.workorder.WorkOrderFile;
import dev.schemagate.core.lint.Finding;
import dev.schemagate.core.lint.Severity;
import java.security.PublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates every hard stop condition of the governance gate from a {@link GateInput}, in memory,
 * with no I/O: the same input always gives the same report.
 *
 * <p>Every condition is evaluated, whatever the others found, so that one run of {@code wo check}
 * shows everything that must be fixed. A condition that cannot be checked (its input is missing, or
 * evaluating it failed unexpectedly) fails; nothing passes by default.
 *
 * <p>The trap: approvals are verified here against the <em>current</em> canonical work order and
 * the configured keys, and roles are taken from the configuration, never from the role an approval
 * claims. An approval's authenticity says nothing about sufficiency; that is what these conditions
 * decide.
 */
public final class StopConditions {
  /** The evidence every work order must carry, as {@code wo new} names it. */
  public static final List<String> EXPECTED_EVIDENCE =
      List.of("dry_run_sql", "lint", "diff", "drill", "backup_plan");

  /** Environment names that need the final authority even when their policy names no one. */
  public static final Set<String> PRODUCTION_NAMES = Set.of("production", "prod");

  /** How many culprits a reason lists before it says "and N more". */
  private static final int LIST_LIMIT = 10;

  private StopConditions() {}

  /** Evaluates every {@link StopCondition}, in declaration order. */
  public static GateReport evaluate(GateInput input) {
    Context c = new Context(input);
    List<ConditionResult> results = new ArrayList<>();
    for (StopCondition condition : StopCondition.values()) {
      ConditionResult r;
      try {
        r = evaluate(condition, c);
      } catch (RuntimeException e) {
        // One condition's unexpected failure must neither hide the others nor let execution pass.
        r =
            ConditionResult.fail(
                condition,
                "could not be checked ("
                    + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + safe(e.getMessage()))
                    + "); fix the input it names and check again");
      }
      results.add(r);
    }
    return new GateReport(results);
  }

  private static ConditionResult evaluate(StopCondition condition, Context c) {
    return switch (condition) {
      case APPROVALS -> approvals(c);
      case ENVIRONMENT -> environment(c);
      case UNCOMMITTED_MIGRATION -> uncommitted(c);
      case STARTUP_MIGRATION -> startup(c);
      case ROLLBACK_PLAN -> rollback(c);
      case INTENT_INCOMPLETE -> intent(c);
      case EVIDENCE -> evidence(c);
      case CHANGED_SINCE_APPROVAL -> changed(c);
      case IRREVERSIBLE_UNJUSTIFIED -> irreversible(c);
      case FINAL_AUTHORITY -> finalAuthority(c);
      case SELF_APPROVAL -> selfApproval(c);
      case OUTSIDE_WINDOW -> window(c);
      case UNWAIVED_LINT_ERRORS -> lint(c);
      case WORKER_EXECUTION -> worker(c);
    };
  }

  // --- approvals -------------------------------------------------------------------------------

  private static ConditionResult approvals(Context c) {
    StopCondition me = StopCondition.APPROVALS;
    if (c.wo == null) {
      return ConditionResult.fail(me, NO_WORK_ORDER);
    }
    if (c.env == null) {
      return ConditionResult.fail(
          me, "no configured environment to take the approval policy from (see environment)");
    }
    ApprovalPolicy policy = c.env.approvals();
    if (policy == null) {
      return c.env.governed()
          ? ConditionResult.fail(
              me,
              c.envName
                  + " is governed but has no approval policy, so nothing can approve for it: add"
                  + " approvals (required, roles) to it in schemagate.yaml")
          : ConditionResult.pass(me, c.envName + " is not governed and has no approval policy");
    }
    List<String> problems = new ArrayList<>();
    c.in.approvalProblems().forEach(p -> problems.add("unreadable approval: " + safe(p)));
    c.keyProblems.forEach(p -> problems.add(safe(p)));
    for (Checked k : c.checked) {
      Outcome o = k.verification().outcome();
      if (o != Outcome.VALID && o != Outcome.CONTENT_CHANGED) {
        // Forged or edited entries are tampering: they block until removed, even when enough
        // genuine approvals are present, so that nobody gets used to ignoring them.
        problems.add(o.name().toLowerCase(Locale.ROOT) + ": " + k.verification().reason());
      } else if (o == Outcome.VALID && k.approval().decision() == Decision.REJECTED) {
        problems.add(
            "rejected by "
                + who(c, k.approval().approver())
                + ": "
                + safe(k.approval().reason())
                + " (a valid rejection blocks; address it and have the work order approved again)");
      }
    }
    Map<String, String> counted = new LinkedHashMap<>();
    Set<String> notCounted = new LinkedHashSet<>();
    for (Checked k : c.checked) {
      Approval a = k.approval();
      if (!k.verification().valid() || a.decision() != Decision.APPROVED) {
        continue;
      }
      Person p = c.in.people().get(a.approver());
      if (p == null || counted.containsKey(a.approver())) {
        continue;
      }
      if (isAuthor(c, a.approver())) {
        notCounted.add(safe(a.approver()) + " (the author)");
      } else if (p.role() == null || !p.role().mayApprove() || !policy.roles().contains(p.role())) {
        notCounted.add(
            who(c, a.approver())
                + (p.role() != null && !p.role().mayApprove()
                    ? ": workers never approve"
                    : ": role not among " + roles(policy)));
      } else {
        counted.put(a.approver(), who(c, a.approver()));
      }
    }
    long stale = c.checked.stream().filter(k -> k.is(Outcome.CONTENT_CHANGED)).count();
    String tally =
        counted.size()
            + " valid approval"
            + (counted.size() == 1 ? "" : "s")
            + (counted.isEmpty() ? "" : " from " + String.join(", ", counted.values()))
            + "; "
            + c.envName
            + " needs "
            + policy.required()
            + " from "
            + roles(policy)
            + (notCounted.isEmpty() ? "" : "; not counted: " + String.join(", ", notCounted))
            + (stale == 0
                ? ""
                : "; "
                    + stale
                    + " approval"
                    + (stale == 1 ? "" : "s")
                    + " over earlier content not counted (see changed-since-approval)");
    if (counted.size() < policy.required()) {
      problems.add(
          0,
          tally
              + ": ask "
              + (policy.required() - counted.size())
              + " more approver(s) to run `schemagate wo approve`");
      return ConditionResult.fail(me, String.join("; ", problems));
    }
    if (!problems.isEmpty()) {
      return ConditionResult.fail(me, String.join("; ", problems));
    }
    return ConditionResult.pass(me, tally);
  }

  // --- environment -----------------------------------------------------------------------------

  private static ConditionResult environment(Context c) {
    StopCondition me = StopCondition.ENVIRONMENT;
    String requested = c.in.requestedEnvironment();
    String known =
        c.in.environments().isEmpty()
            ? "no environments are configured"
            : "configured: " + String.join(", ", new TreeSet<>(c.in.environments().keySet()));
    if (requested == null || requested.isBlank()) {
      if (c.in.command().executes()) {
        return ConditionResult.fail(
            me,
            "no environment given: "
                + c.in.command().commandName()
                + " against a governed database needs --env"
                + (c.wo == null ? "" : " " + safe(c.wo.environment()) + " (the work order's)"));
      }
      if (c.wo == null) {
        return ConditionResult.fail(me, NO_WORK_ORDER);
      }
      if (c.wo.environment() == null || !c.in.environments().containsKey(c.wo.environment())) {
        return ConditionResult.fail(
            me,
            "the work order is for '"
                + safe(c.wo.environment())
                + "', which is not configured ("
                + known
                + ")");
      }
      return ConditionResult.pass(
          me,
          "checked against the work order's environment "
              + c.wo.environment()
              + " (no --env given; pass it to check the one you will run)");
    }
    if (!c.in.environments().containsKey(requested)) {
      return ConditionResult.fail(
          me, "unknown environment '" + safe(requested) + "' (" + known + ")");
    }
    if (c.wo == null) {
      return ConditionResult.fail(me, NO_WORK_ORDER);
    }
    if (!requested.equals(c.wo.environment())) {
      return ConditionResult.fail(
          me,
          "ambiguous: --env "
              + safe(requested)
              + " but "
              + safe(c.wo.id())
              + " is for "
              + safe(c.wo.environment())
              + "; a work order is for exactly one environment: write one for "
              + safe(requested));
    }
    ProjectConfig.Environment env = c.in.environments().get(requested);
    return ConditionResult.pass(
        me,
        requested
            + " is configured"
            + (env.governed() ? " and governed" : " (not governed)")
            + ", and is the work order's environment");
  }

  // --- git -------------------------------------------------------------------------------------

  private static ConditionResult uncommitted(Context c) {
    StopCondition me = StopCondition.UNCOMMITTED_MIGRATION;
    if (c.wo == null) {
      return ConditionResult.fail(me, NO_WORK_ORDER);
    }
    List<DeclaredRevision> revs = c.wo.migration().revisions();
    if (revs.isEmpty()) {
      return ConditionResult.pass(me, "the work order declares no migration files");
    }
    List<String> bad = new ArrayList<>();
    for (DeclaredRevision r : revs) {
      GitState s = c.in.gitStates().get(r.id());
      if (s == GitState.COMMITTED_CLEAN) {
        continue;
      }
      String what =
          s == null
              ? "its git state was not checked"
              : switch (s) {
                case MODIFIED -> "modified since the last commit";
                case UNTRACKED -> "not committed (untracked)";
                case NOT_A_REPOSITORY -> "not in a git repository";
                case COMMITTED_CLEAN -> throw new AssertionError();
              };
      bad.add(label(r) + ": " + what);
    }
    if (!bad.isEmpty()) {
      return ConditionResult.fail(
          me,
          list(bad) + "; commit the migrations as reviewed (git add, git commit) and check again");
    }
    return ConditionResult.pass(
        me,
        revs.size()
            + " declared migration file"
            + (revs.size() == 1 ? " is" : "s are")
            + " committed and clean: "
            + list(revs.stream().map(StopConditions::label).toList()));
  }

  // --- start-up guard --------------------------------------------------------------------------

  private static ConditionResult startup(Context c) {
    StopCondition me = StopCondition.STARTUP_MIGRATION;
    GuardScan g = c.in.guard();
    if (g == null) {
      return ConditionResult.fail(
          me, "the start-up guard was not run; run `schemagate guard scan <application>`");
    }
    List<GuardFinding> blocking = g.blocking();
    if (!blocking.isEmpty()) {
      return ConditionResult.fail(
          me,
          "implicit start-up migration"
              + (blocking.size() == 1 ? "" : "s")
              + " under "
              + g.root()
              + ": "
              + list(blocking.stream().map(f -> safe(f.toString())).toList())
              + "; "
              + safe(blocking.get(0).fix()));
    }
    int inTests = g.findings().size();
    return ConditionResult.pass(
        me,
        "no implicit start-up migration in "
            + g.filesScanned()
            + " file"
            + (g.filesScanned() == 1 ? "" : "s")
            + " under "
            + g.root()
            + (inTests == 0 ? "" : " (" + inTests + " in test code, which does not start)")
            + (g.skipped().isEmpty() ? "" : "; " + g.skipped().size() + " file(s) unreadable"));
  }

  // --- rollback plan and intent ----------------------------------------------------------------

  private static ConditionResult rollback(Context c) {
    StopCondition me = StopCondition.ROLLBACK_PLAN;
    if (c.wo == null) {
      return ConditionResult.fail(me, NO_WORK_ORDER);
    }
    WorkOrder.RollbackPlan plan = c.wo.rollback();
    if (plan == null) {
      return ConditionResult.fail(me, "the work order has no rollback plan");
    }
    List<String> bad = new ArrayList<>();
    if (plan.steps().isEmpty()) {
      bad.add("rollback.steps is empty");
    }
    placeholders(plan.steps(), "rollback.steps", bad);
    if (plan.triggers().isEmpty()) {
      bad.add("rollback.triggers is empty");
    }
    placeholders(plan.triggers(), "rollback.triggers", bad);
    if (plan.verification().isEmpty()) {
      bad.add("rollback.verification is empty");
    }
    for (int i = 0; i < plan.verification().size(); i++) {
      HealthCheck h = plan.verification().get(i);
      if (WorkOrderFile.isPlaceholder(h.sql())) {
        bad.add("rollback.verification[" + i + "].sql is a placeholder");
      }
      if (WorkOrderFile.isPlaceholder(h.expect())) {
        bad.add("rollback.verification[" + i + "].expect is a placeholder");
      }
    }
    if (c.in.command() == GateCommand.DOWNGRADE) {
      String fired = c.in.rollbackTrigger();
      if (fired == null || fired.isBlank()) {
        bad.add(
            "a downgrade must say which rollback trigger fired (one of: " + triggers(plan) + ")");
      } else if (plan.triggers().stream().noneMatch(t -> sameText(t, fired))) {
        bad.add(
            "the trigger '"
                + safe(fired)
                + "' is not in this work order's rollback plan (its triggers: "
                + triggers(plan)
                + ")");
      }
    }
    if (!bad.isEmpty()) {
      return ConditionResult.fail(
          me, list(bad) + "; write the rollback plan, then have the work order approved again");
    }
    return ConditionResult.pass(
        me,
        plan.steps().size()
            + " step(s), "
            + plan.triggers().size()
            + " trigger(s), "
            + plan.verification().size()
            + " verification check(s)"
            + (c.in.command() == GateCommand.DOWNGRADE
                ? "; trigger fired: " + safe(c.in.rollbackTrigger())
                : ""));
  }

  private static ConditionResult intent(Context c) {
    StopCondition me = StopCondition.INTENT_INCOMPLETE;
    if (c.wo == null) {
      return ConditionResult.fail(me, NO_WORK_ORDER);
    }
    WorkOrder.Intent in = c.wo.intent();
    List<String> missing = new ArrayList<>();
    if (in == null || WorkOrderFile.isPlaceholder(in.what())) {
      missing.add("intent.what");
    }
    if (in == null || WorkOrderFile.isPlaceholder(in.why())) {
      missing.add("intent.why");
    }
    if (in == null || WorkOrderFile.isPlaceholder(in.impactIfNotDone())) {
      missing.add("intent.impact_if_not_done");
    }
    if (in == null || WorkOrderFile.isPlaceholder(in.alternativesRejected())) {
      missing.add("intent.alternatives_rejected");
    }
    List<HealthCheck> after = c.wo.verification();
    for (int i = 0; i < after.size(); i++) {
      if (WorkOrderFile.isPlaceholder(after.get(i).sql())
          || WorkOrderFile.isPlaceholder(after.get(i).expect())) {
        missing.add("verification[" + i + "]");
      }
    }
    if (!missing.isEmpty()) {
      return ConditionResult.fail(
          me,
          String.join(", ", missing)
              + (missing.size() == 1 ? " is" : " are")
              + " still a placeholder; write "
              + (missing.size() == 1 ? "it" : "them")
              + ", then have the work order approved again");
    }
    return ConditionResult.pass(
        me,
        "what, why, impact if not done and alternatives are written"
            + (after.isEmpty() ? "" : "; " + after.size() + " verification check(s) written"));
  }

  // --- evidence --------------------------------------------------------------------------------

  private static ConditionResult evidence(Context c) {
    StopCondition me = StopCondition.EVIDENCE;
    if (c.wo == null) {
      return ConditionResult.fail(me, NO_WORK_ORDER);
    }
    List<String> bad = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>(EXPECTED_EVIDENCE);
    names.addAll(new TreeSet<>(c.wo.evidence().keySet()));
    for (String name : names) {
      if (!c.wo.evidence().containsKey(name)) {
        bad.add(name + ": not declared in the work order");
        continue;
      }
      EvidenceCheck check = c.in.evidence().get(name);
      if (check == null) {
        bad.add(name + ": " + safe(c.wo.evidence().get(name).file()) + " was not checked");
      } else if (!check.ok()) {
        bad.add(
            name
                + ": "
                + (check.status() == EvidenceCheck.Status.MISSING ? "missing, " : "changed, ")
                + safe(check.detail()));
      }
    }
    if (!bad.isEmpty()) {
      return ConditionResult.fail(
          me,
          list(bad)
              + "; regenerate the evidence with `schemagate wo new` (or restore the files), then"
              + " have the work order approved again");
    }
    return ConditionResult.pass(
        me, "present with the declared SHA-256: " + String.join(", ", names));
  }

  // --- changed since approval ------------------------------------------------------------------

  private static ConditionResult changed(Context c) {
    StopCondition me = StopCondition.CHANGED_SINCE_APPROVAL;
    if (c.wo == null) {
      return ConditionResult.fail(me, NO_WORK_ORDER);
    }
    List<String> bad = new ArrayList<>();
    Set<String> declared = new LinkedHashSet<>();
    for (DeclaredRevision r : c.wo.migration().revisions()) {
      declared.add(r.id());
      String now = c.in.currentChecksums().get(r.id());
      if (now == null) {
        bad.add(label(r) + ": the file is gone or was not read");
      } else if (!now.equalsIgnoreCase(r.checksum())) {
        bad.add(
            label(r)
                + ": checksum is now "
                + shortHash(now)
                + ", the work order declares "
                + shortHash(r.checksum()));
      }
    }
    String direction = c.wo.migration().direction();
    GateCommand cmd = c.in.command();
    if ((cmd == GateCommand.UPGRADE || cmd == GateCommand.DOWNGRADE)
        && !cmd.commandName().equals(direction)) {
      bad.add(
          "the work order approves "
              + (direction == null ? "no direction" : "an " + safe(direction))
              + ", the command is "
              + cmd.commandName());
    }
    List<String> undeclared =
        c.in.plannedRevisions().stream().filter(r -> !declared.contains(r)).toList();
    if (!undeclared.isEmpty()) {
      bad.add(
          "the plan would also run "
              + list(undeclared.stream().map(StopConditions::safe).toList())
              + ", which the work order does not declare");
    }
    Set<String> planned = new LinkedHashSet<>(c.in.plannedRevisions());
    List<String> skipped = declared.stream().filter(r -> !planned.contains(r)).toList();
    if (!skipped.isEmpty()) {
      bad.add(
          "the plan would not run declared "
              + list(skipped.stream().map(StopConditions::safe).toList())
              + " (already applied, or the target moved)");
    }
    for (Checked k : c.checked) {
      if (k.is(Outcome.CONTENT_CHANGED)) {
        bad.add(k.verification().reason());
      }
    }
    if (!bad.isEmpty()) {
      return ConditionResult.fail(
          me,
          list(bad)
              + "; what runs must be what was approved: regenerate the work order for the current"
              + " migrations and have it approved again");
    }
    return ConditionResult.pass(
        me,
        declared.isEmpty()
            ? "the work order declares no revisions and the plan runs none"
            : declared.size()
                + " declared revision(s) match their files and the plan: "
                + list(declared.stream().toList()));
  }

  // --- irreversible ----------------------------------------------------------------------------

  private static ConditionResult irreversible(Context c) {
    StopCondition me = StopCondition.IRREVERSIBLE_UNJUSTIFIED;
    if (c.wo == null) {
      return ConditionResult.fail(me, NO_WORK_ORDER);
    }
    List<String> irreversible =
        c.wo.migration().revisions().stream()
            .filter(r -> r.irreversible() != null && !r.irreversible().isBlank())
            .map(r -> label(r) + " (" + safe(r.irreversible()) + ")")
            .toList();
    if (irreversible.isEmpty()) {
      return ConditionResult.pass(me, "no declared revision is irreversible");
    }
    List<String> missing = new ArrayList<>();
    if (WorkOrderFile.isPlaceholder(c.wo.irreversibleJustification())) {
      missing.add("irreversible_justification");
    }
    if (WorkOrderFile.isPlaceholder(c.wo.compensatingControls())) {
      missing.add("compensating_controls");
    }
    String which =
        list(irreversible) + (irreversible.size() == 1 ? " is" : " are") + " irreversible";
    if (!missing.isEmpty()) {
      return ConditionResult.fail(
          me,
          which
              + " and the work order lacks "
              + String.join(" and ", missing)
              + ": write "
              + (missing.size() == 1 ? "it" : "them")
              + ", then have the work order approved again");
    }
    return ConditionResult.pass(me, which + "; justified, with compensating controls");
  }

  // --- final authority -------------------------------------------------------------------------

  private static ConditionResult finalAuthority(Context c) {
    StopCondition me = StopCondition.FINAL_AUTHORITY;
    if (c.wo == null) {
      return ConditionResult.fail(me, NO_WORK_ORDER);
    }
    if (c.env == null) {
      return ConditionResult.fail(me, "no configured environment to decide it for");
    }
    String named = c.env.approvals() == null ? null : c.env.approvals().finalApprover();
    boolean production = PRODUCTION_NAMES.contains(c.envName.toLowerCase(Locale.ROOT));
    if (named == null && !production) {
      return ConditionResult.pass(
          me, "not required: " + c.envName + " is not production and names no final approver");
    }
    if (named != null) {
      Person p = c.in.people().get(named);
      if (p == null || p.role() != Role.FINAL_AUTHORITY) {
        return ConditionResult.fail(
            me,
            c.envName
                + " names "
                + safe(named)
                + " as final approver, but "
                + (p == null ? "no such person is configured" : "their role is " + roleName(p))
                + ": fix schemagate.yaml");
      }
    }
    List<String> valid = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (Checked k : c.checked) {
      Approval a = k.approval();
      if (!k.verification().valid() || a.decision() != Decision.APPROVED) {
        continue;
      }
      Person p = c.in.people().get(a.approver());
      boolean ok =
          p != null
              && p.role() == Role.FINAL_AUTHORITY
              && (named == null || named.equals(a.approver()));
      (ok ? valid : others).add(who(c, a.approver()));
    }
    String why = named != null ? c.envName + " names " + named : c.envName + " is production";
    if (valid.isEmpty()) {
      return ConditionResult.fail(
          me,
          why
              + ", so it needs a valid approval from "
              + (named != null ? named + " (final_authority)" : "the final authority")
              + "; valid approvals are from "
              + (others.isEmpty() ? "nobody" : String.join(", ", new LinkedHashSet<>(others)))
              + ": ask "
              + (named != null ? named : "the final authority")
              + " to run `schemagate wo approve`");
    }
    return ConditionResult.pass(
        me, why + "; approved by " + String.join(", ", new LinkedHashSet<>(valid)));
  }

  // --- self approval ---------------------------------------------------------------------------

  private static ConditionResult selfApproval(Context c) {
    StopCondition me = StopCondition.SELF_APPROVAL;
    if (c.wo == null) {
      return ConditionResult.fail(me, NO_WORK_ORDER);
    }
    // Any approval naming the author counts here, verified or not: claiming it is already wrong.
    List<Approval> own =
        c.in.approvals().stream()
            .filter(a -> a.decision() == Decision.APPROVED && isAuthor(c, a.approver()))
            .toList();
    if (!own.isEmpty()) {
      return ConditionResult.fail(
          me,
          "the author "
              + safe(c.wo.author())
              + " approved their own work order (at "
              + own.get(0).atText()
              + "): remove that approval; someone else must approve");
    }
    Set<String> approvers = new LinkedHashSet<>();
    c.in.approvals().stream()
        .filter(a -> a.decision() == Decision.APPROVED)
        .forEach(a -> approvers.add(safe(a.approver())));
    return ConditionResult.pass(
        me,
        "the author "
            + safe(c.wo.author())
            + " is not among the approvers"
            + (approvers.isEmpty() ? "" : " (" + String.join(", ", approvers) + ")"));
  }

  // --- execution window ------------------------------------------------------------------------

  private static ConditionResult window(Context c) {
    StopCondition me = StopCondition.OUTSIDE_WINDOW;
    if (c.env == null) {
      return ConditionResult.fail(me, "no configured environment to take the windows from");
    }
    List<ExecutionWindow> windows = c.env.windows();
    if (windows.isEmpty()) {
      return ConditionResult.pass(me, c.envName + " has no execution windows: any time");
    }
    Instant now = c.in.now();
    for (ExecutionWindow w : windows) {
      if (w.contains(now)) {
        return ConditionResult.pass(
            me, "now (" + local(now, w) + ") is inside " + c.envName + "'s window " + w.describe());
      }
    }
    ExecutionWindow nextWindow = null;
    ZonedDateTime next = null;
    for (ExecutionWindow w : windows) {
      ZonedDateTime opens = nextOpening(w, now);
      if (opens != null && (next == null || opens.toInstant().isBefore(next.toInstant()))) {
        next = opens;
        nextWindow = w;
      }
    }
    return ConditionResult.fail(
        me,
        "now ("
            + now
            + ", "
            + local(now, windows.get(0))
            + " "
            + windows.get(0).zone().getId()
            + ") is outside every window of "
            + c.envName
            + ": "
            + String.join("; ", windows.stream().map(ExecutionWindow::describe).toList())
            + (next == null
                ? ""
                : "; the next opens "
                    + next.format(DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT))
                    + " "
                    + nextWindow.zone().getId())
            + ": run it then");
  }

  /** The next start of {@code w} after {@code now}, or null when it has no days. */
  private static ZonedDateTime nextOpening(ExecutionWindow w, Instant now) {
    LocalDate today = now.atZone(w.zone()).toLocalDate();
    for (int d = 0; d <= 7; d++) {
      LocalDate day = today.plusDays(d);
      if (w.days().contains(day.getDayOfWeek())) {
        ZonedDateTime start = ZonedDateTime.of(day, w.from(), w.zone());
        if (start.toInstant().isAfter(now)) {
          return start;
        }
      }
    }
    return null;
  }

  private static String local(Instant now, ExecutionWindow w) {
    return now.atZone(w.zone())
        .format(DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ROOT))
        .toLowerCase(Locale.ROOT);
  }

  // --- lint ------------------------------------------------------------------------------------

  private static ConditionResult lint(Context c) {
    StopCondition me = StopCondition.UNWAIVED_LINT_ERRORS;
    if (c.wo == null) {
      return ConditionResult.fail(me, NO_WORK_ORDER);
    }
    List<Finding> errors =
        c.in.lintFindings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    List<LintWaiver> usable =
        c.wo.lintWaivers().stream().filter(w -> !WorkOrderFile.isPlaceholder(w.reason())).toList();
    List<String> unwaived = new ArrayList<>();
    Set<String> waivedRules = new TreeSet<>();
    for (Finding f : errors) {
      if (usable.stream().anyMatch(w -> waives(w, f))) {
        waivedRules.add(f.rule());
      } else {
        unwaived.add(safe(f.toString()));
      }
    }
    long placeholders = c.wo.lintWaivers().size() - usable.size();
    if (!unwaived.isEmpty()) {
      return ConditionResult.fail(
          me,
          unwaived.size()
              + " unwaived lint error"
              + (unwaived.size() == 1 ? "" : "s")
              + ": "
              + list(unwaived)
              + (placeholders == 0
                  ? ""
                  : " (" + placeholders + " waiver(s) with a placeholder reason do not count)")
              + "; fix the migration, or add a lint_waivers entry (rule, file, reason) and have"
              + " the work order approved again");
    }
    return ConditionResult.pass(
        me,
        errors.isEmpty()
            ? "no lint errors in the work order's migrations"
            : errors.size() + " lint error(s), all waived in the work order: " + waivedRules);
  }

  /** Same rule, and the waiver's file (when it names one) is the finding's file. */
  private static boolean waives(LintWaiver w, Finding f) {
    if (!w.rule().equals(f.rule())) {
      return false;
    }
    if (w.file() == null || w.file().isBlank()) {
      return true;
    }
    if (f.file() == null) {
      return false;
    }
    // Work orders name files relative to the project; findings may carry longer paths.
    String found = f.file().toString().replace('\\', '/');
    String waived = w.file().strip().replace('\\', '/');
    while (waived.startsWith("./")) {
      waived = waived.substring(2);
    }
    return found.equals(waived) || found.endsWith("/" + waived);
  }

  // --- worker execution ------------------------------------------------------------------------

  private static ConditionResult worker(Context c) {
    StopCondition me = StopCondition.WORKER_EXECUTION;
    if (!c.in.command().executes()) {
      return ConditionResult.pass(me, c.in.command().commandName() + " executes nothing");
    }
    if (c.env == null) {
      return ConditionResult.fail(
          me, "no configured environment, so whether it is governed is unknown");
    }
    if (!c.env.governed()) {
      return ConditionResult.pass(me, c.envName + " is not governed");
    }
    String actor = c.in.actor();
    if (actor == null || actor.isBlank()) {
      return ConditionResult.fail(
          me,
          "who executes is not proven; against governed "
              + c.envName
              + " the executing person must be configured above worker and prove it with --key"
              + " <their private key>");
    }
    Person p = c.in.people().get(actor);
    if (p == null) {
      return ConditionResult.fail(
          me,
          "'"
              + safe(actor)
              + "' is not a configured person; only configured people above worker execute"
              + " against governed "
              + c.envName);
    }
    if (p.role() == null || p.role() == Role.WORKER) {
      return ConditionResult.fail(
          me,
          safe(actor)
              + " is a worker; workers never execute against governed "
              + c.envName
              + ": a manager or above runs it");
    }
    return ConditionResult.pass(
        me, safe(actor) + " (" + roleName(p) + ") may execute against governed " + c.envName);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static final String NO_WORK_ORDER =
      "no work order could be read; fix the file (see the error above) or pass --work-order";

  /** An approval and what verifying it against the current work order found. */
  private record Checked(Approval approval, Verification verification) {
    boolean is(Outcome o) {
      return verification.outcome() == o;
    }
  }

  /** What several conditions share, computed once from the input. */
  private static final class Context {
    final GateInput in;
    final WorkOrder wo;
    final String envName;
    final ProjectConfig.Environment env;
    final List<Checked> checked = new ArrayList<>();

    /** Problems that void every approval: a configured key that does not parse, no content. */
    final List<String> keyProblems = new ArrayList<>();

    Context(GateInput in) {
      this.in = in;
      this.wo = in.workOrder();
      // The work order's environment is what approvers signed; the requested one only when there
      // is no usable work order. A mismatch between the two is the environment condition's to say.
      String name = null;
      if (wo != null
          && wo.environment() != null
          && in.environments().containsKey(wo.environment())) {
        name = wo.environment();
      } else if (in.requestedEnvironment() != null
          && in.environments().containsKey(in.requestedEnvironment())) {
        name = in.requestedEnvironment();
      }
      this.envName = name;
      this.env = name == null ? null : in.environments().get(name);
      if (wo == null) {
        return;
      }
      Map<String, PublicKey> keys = new HashMap<>();
      for (Person p : in.people().values()) {
        PublicKey key = null;
        if (p.publicKey() != null) {
          try {
            key = Keys.parseInline(p.publicKey(), "schemagate.yaml people." + p.name());
          } catch (SchemagateException e) {
            keyProblems.add(e.getMessage());
          }
        }
        // A null value makes verification say "has no public key configured".
        keys.put(p.name(), key);
      }
      byte[] canonical;
      try {
        canonical = CanonicalForm.encode(WorkOrderFile.canonicalFields(wo));
      } catch (RuntimeException e) {
        // No canonical form, so no approval can verify: say why instead of crashing the report.
        keyProblems.add(
            "the work order's canonical form cannot be built ("
                + e.getClass().getSimpleName()
                + "), so no approval can be verified");
        return;
      }
      for (Approval a : in.approvals()) {
        Verification v;
        try {
          v = Approvals.verify(canonical, a, keys);
        } catch (SchemagateException e) {
          v = new Verification(Outcome.BAD_SIGNATURE, safe(a.approver()) + ": " + e.getMessage());
        }
        checked.add(new Checked(a, v));
      }
    }
  }

  private static boolean isAuthor(Context c, String name) {
    return c.wo != null
        && c.wo.author() != null
        && name != null
        && c.wo.author().strip().equalsIgnoreCase(name.strip());
  }

  /** {@code max (manager)}, with the configured role. */
  private static String who(Context c, String name) {
    Person p = c.in.people().get(name);
    return safe(name) + (p == null ? "" : " (" + roleName(p) + ")");
  }

  private static String roleName(Person p) {
    return p.role() == null ? "no role" : p.role().configName();
  }

  private static String roles(ApprovalPolicy policy) {
    return policy.roles().stream()
        .sorted()
        .map(Role::configName)
        .reduce((a, b) -> a + "/" + b)
        .orElse("no role");
  }

  private static String label(DeclaredRevision r) {
    return safe(r.id()) + (r.file() == null ? "" : " (" + safe(r.file()) + ")");
  }

  private static void placeholders(List<String> items, String field, List<String> bad) {
    for (int i = 0; i < items.size(); i++) {
      if (WorkOrderFile.isPlaceholder(items.get(i))) {
        bad.add(field + "[" + i + "] is a placeholder");
      }
    }
  }

  private static String triggers(WorkOrder.RollbackPlan plan) {
    return plan.triggers().isEmpty()
        ? "none"
        : String.join(" | ", plan.triggers().stream().map(StopConditions::safe).toList());
  }

  private static boolean sameText(String a, String b) {
    return a.strip().replaceAll("\\s+", " ").equalsIgnoreCase(b.strip().replaceAll("\\s+", " "));
  }

  private static String list(Collection<String> items) {
    List<String> all = List.copyOf(items);
    if (all.size() <= LIST_LIMIT) {
      return String.join(", ", all);
    }
    return String.join(", ", all.subList(0, LIST_LIMIT))
        + " and "
        + (all.size() - LIST_LIMIT)
        + " more";
  }

  private static String shortHash(String hex) {
    String h = safe(hex);
    return h.length() > 12 ? h.substring(0, 12) + "..." : h;
  }

  /** Values come from files anyone can edit: keep control characters out of terminals. */
  private static String safe(String s) {
    if (s == null) {
      return "(none)";
    }
    return s.codePoints()
        .map(ch -> Character.isISOControl(ch) ? '?' : ch)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}

package dev.schemagate.core.governance.gate;

import dev.schemagate.core.config.Person;
import dev.schemagate.core.config.ProjectConfig;
import dev.schemagate.core.governance.approval.Approval;
import dev.schemagate.core.governance.guard.GuardScan;
import dev.schemagate.core.governance.workorder.WorkOrder;
import dev.schemagate.core.lint.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the stop conditions look at, gathered beforehand by the caller (files read, git asked,
 * the plan computed, the guard run, evidence hashed), so that {@link StopConditions#evaluate} is a
 * pure function of this record and can be tested in memory.
 *
 * <p>The trap: the evaluation trusts these inputs to describe the files that will actually run. The
 * checksums, git states and plan must come from the same migration directory the command executes,
 * read once, or a file could change between the check and the run.
 *
 * <p>Null collections are read as empty. What is missing from a map fails the condition that needs
 * it ("not checked"), never passes it.
 *
 * @param workOrder the work order, or null when it could not be read (every condition that needs it
 *     then fails)
 * @param requestedEnvironment the environment the user asked for ({@code --env}), or null
 * @param environments the configured environments by name
 * @param people the configured people by name; the trust root for signatures and roles
 * @param approvals the approvals and rejections stored in the work order, parsed; the work order's
 *     own raw {@link WorkOrder#approvals()} maps are not read, only this list
 * @param approvalProblems stored approvals that could not even be parsed, one message each (a
 *     tampered entry must fail the gate, not crash it)
 * @param currentChecksums each declared revision's checksum as its file reads now, by revision id;
 *     a revision whose file is gone is absent
 * @param plannedRevisions the revisions the command would run (or stamp) now, in order; empty for
 *     nothing
 * @param gitStates each declared revision's file state in git, by revision id
 * @param guard the start-up guard scan of the application, or null when it was not run
 * @param lintFindings the lint findings for the work order's migrations (all severities)
 * @param evidence what was found for each piece of evidence the work order declares, by evidence
 *     name ({@code dry_run_sql}, {@code lint}...)
 * @param now the current time, for execution windows
 * @param command what is about to happen
 * @param rollbackTrigger for a downgrade, the trigger of the rollback plan the operator says fired;
 *     otherwise null
 * @param actor who executes (a configured person or agent name), or null when unknown; ignored for
 *     {@link GateCommand#CHECK}
 */
public record GateInput(
    WorkOrder workOrder,
    String requestedEnvironment,
    Map<String, ProjectConfig.Environment> environments,
    Map<String, Person> people,
    List<Approval> approvals,
    List<String> approvalProblems,
    Map<String, String> currentChecksums,
    List<String> plannedRevisions,
    Map<String, GitState> gitStates,
    GuardScan guard,
    List<Finding> lintFindings,
    Map<String, EvidenceCheck> evidence,
    Instant now,
    GateCommand command,
    String rollbackTrigger,
    String actor) {

  public GateInput {
    environments = environments == null ? Map.of() : Map.copyOf(environments);
    people = people == null ? Map.of() : Map.copyOf(people);
    approvals = approvals == null ? List.of() : List.copyOf(approvals);
    approvalProblems = approvalProblems == null ? List.of() : List.copyOf(approvalProblems);
    currentChecksums = currentChecksums == null ? Map.of() : Map.copyOf(currentChecksums);
    plannedRevisions = plannedRevisions == null ? List.of() : List.copyOf(plannedRevisions);
    gitStates = gitStates == null ? Map.of() : Map.copyOf(gitStates);
    lintFindings = lintFindings == null ? List.of() : List.copyOf(lintFindings);
    evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(command, "command");
  }
}

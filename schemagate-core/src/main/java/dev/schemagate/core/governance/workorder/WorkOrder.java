package dev.schemagate.core.governance.workorder;

import java.util.List;
import java.util.Map;

/**
 * A work order: one change to exactly one environment, as the team's template asks for it. Stored
 * as {@code workorders/WO-MIGRATION-NNN.md}: YAML front matter (this record) and a readable body
 * rendered from it.
 *
 * <p>The trap: everything here except {@link #approvals()} is what approvers sign (see {@link
 * WorkOrderFile#canonicalFields}); a field added to this record and left out of the canonical
 * fields would be changeable after approval.
 *
 * @param id {@code WO-MIGRATION-NNN}
 * @param environment the one environment it is for
 * @param author who drafted it (a person of the configuration)
 * @param created ISO-8601 UTC
 * @param migration what runs: direction, target, heads before and after, every revision with its
 *     checksum
 * @param intent what changes, why, impact if not done, alternatives rejected
 * @param rollback steps, triggers and post-rollback verification
 * @param verification the health checks the gate runs after the change (for a downgrade, the
 *     rollback plan's own verification runs instead)
 * @param irreversibleJustification why an irreversible migration is acceptable, or null
 * @param compensatingControls what makes up for it, or null
 * @param lintWaivers lint findings accepted for this change, each with a reason
 * @param evidence the files the tool produced for it, by name ({@code dry_run_sql}, {@code lint},
 *     {@code diff}, {@code drill}, {@code backup_plan}), each with its SHA-256
 * @param approvals the signed approvals and rejections, as stored (verified elsewhere)
 */
public record WorkOrder(
    String id,
    String environment,
    String author,
    String created,
    MigrationDeclaration migration,
    Intent intent,
    RollbackPlan rollback,
    List<HealthCheck> verification,
    String irreversibleJustification,
    String compensatingControls,
    List<LintWaiver> lintWaivers,
    Map<String, EvidenceRef> evidence,
    List<Map<String, String>> approvals) {

  public WorkOrder {
    verification = verification == null ? List.of() : List.copyOf(verification);
    lintWaivers = List.copyOf(lintWaivers);
    evidence = Map.copyOf(evidence);
    approvals = approvals.stream().map(Map::copyOf).toList();
  }

  /** What runs. */
  public record MigrationDeclaration(
      String direction,
      String target,
      List<String> from,
      List<String> to,
      List<DeclaredRevision> revisions) {
    public MigrationDeclaration {
      from = List.copyOf(from);
      to = List.copyOf(to);
      revisions = List.copyOf(revisions);
    }
  }

  /**
   * One migration of the change.
   *
   * @param checksum SHA-256 of the migration's whole file (both directions), so that a changed
   *     downgrade voids the approval as a changed upgrade does
   * @param irreversible the migration's own reason when it has no downgrade, else null
   */
  public record DeclaredRevision(
      String id,
      String file,
      String checksum,
      List<String> downRevisions,
      List<String> branchLabels,
      String irreversible) {
    public DeclaredRevision {
      downRevisions = List.copyOf(downRevisions);
      branchLabels = List.copyOf(branchLabels);
    }
  }

  /** Why the change is made. */
  public record Intent(
      String what, String why, String impactIfNotDone, String alternativesRejected) {}

  /** How to go back. */
  public record RollbackPlan(
      List<String> steps, List<String> triggers, List<HealthCheck> verification) {
    public RollbackPlan {
      steps = List.copyOf(steps);
      triggers = List.copyOf(triggers);
      verification = List.copyOf(verification);
    }
  }

  /**
   * A health-check query and the result it must give: the rows as text, one line per row, columns
   * separated by {@code |}, NULL as {@code NULL} (e.g. {@code 0}, or {@code t|active}).
   */
  public record HealthCheck(String sql, String expect) {}

  /** A lint finding accepted for this change. */
  public record LintWaiver(String rule, String file, String reason) {}

  /** The checks to run after this work order's change: its own, or for a rollback the plan's. */
  public List<HealthCheck> postChecks() {
    return "downgrade".equals(migration.direction()) ? rollback.verification() : verification;
  }

  /** The same work order with other approvals. */
  public WorkOrder withApprovals(List<Map<String, String>> newApprovals) {
    return new WorkOrder(
        id,
        environment,
        author,
        created,
        migration,
        intent,
        rollback,
        verification,
        irreversibleJustification,
        compensatingControls,
        lintWaivers,
        evidence,
        newApprovals);
  }

  /** A file of evidence and its SHA-256. */
  public record EvidenceRef(String file, String sha256) {}
}

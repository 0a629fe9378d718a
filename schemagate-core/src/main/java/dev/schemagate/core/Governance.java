package dev.schemagate.core;

import dev.schemagate.core.api.SchemaRequest;
import dev.schemagate.core.api.WorkOrderResult;
import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.config.Workspace;
import dev.schemagate.core.governance.approval.Decision;
import dev.schemagate.core.governance.approval.KeyFiles;
import dev.schemagate.core.governance.approval.Keys;
import dev.schemagate.core.governance.auditlog.AuditAnchor;
import dev.schemagate.core.governance.auditlog.AuditLog;
import dev.schemagate.core.governance.auditlog.AuditVerification;
import dev.schemagate.core.governance.gate.GateCommand;
import dev.schemagate.core.governance.gate.GateReport;
import dev.schemagate.core.governance.guard.GuardScan;
import dev.schemagate.core.governance.guard.StartupGuard;
import dev.schemagate.core.history.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The governance entry points that exist so far, beside {@link Migrator} so that neither grows into
 * one large facade: key generation, the start-up guard and the audit log's verification. Work
 * orders, approvals and the gate will join them.
 */
public final class Governance {
  private final Workspace workspace;
  private final WorkOrderService workOrders;

  Governance(Workspace workspace, RunIdentity identity, Migrator migrator) {
    this.workspace = workspace;
    this.workOrders = new WorkOrderService(workspace, identity, migrator);
  }

  /**
   * Drafts {@code workorders/WO-MIGRATION-NNN.md} for the environment: the migration declaration
   * with every checksum, the evidence (dry-run SQL, lint, diff and drill on scratch, backup plan),
   * and placeholders for intent and rollback.
   *
   * @param from the heads it starts from, comma-separated; null to read them from the database
   * @param author who drafts it (a person of the configuration); null for the run's actor
   */
  public WorkOrderResult newWorkOrder(
      String target, String from, String author, SchemaRequest schema) {
    return workOrders.draft(target, from, author, schema);
  }

  /** A work order's readable body. */
  public String showWorkOrder(String idOrPath) {
    return workOrders.show(idOrPath);
  }

  /**
   * Lists every hard stop condition for a work order with PASS or FAIL and the reason, for the
   * environment given with {@code --env}. Changes nothing.
   */
  public GateReport checkWorkOrder(String idOrPath) {
    return workOrders.check(idOrPath, GateCommand.CHECK, null);
  }

  /** Signs a work order as approved. Workers and the author are refused (exit 3). */
  public WorkOrderResult approve(String idOrPath, Path privateKey) {
    return workOrders.sign(idOrPath, privateKey, Decision.APPROVED, null);
  }

  /** Signs a refusal with its reason. */
  public WorkOrderResult reject(String idOrPath, Path privateKey, String reason) {
    return workOrders.sign(idOrPath, privateKey, Decision.REJECTED, reason);
  }

  /**
   * Writes a new Ed25519 key pair, {@code <name>.key} (owner-only) and {@code <name>.pub}, into the
   * folder; never overwrites.
   */
  public KeyFiles newKeys(Path folder, String name) {
    return Keys.generate(folder, name);
  }

  /** Scans a source tree for migrations that would run implicitly at start-up. */
  public GuardScan guardScan(Path root) {
    return StartupGuard.scan(root);
  }

  /**
   * Verifies the target database's hash-chained audit log.
   *
   * @param anchor a head cited elsewhere ({@code seq:hash}, e.g. from an evidence pack), or null;
   *     with it, a truncated or rewritten log is found too
   */
  public AuditVerification verifyAuditLog(String anchor) {
    ConnectionSpec spec = workspace.requireConnection();
    AuditAnchor cited = anchor == null ? null : AuditAnchor.parse(anchor);
    try (Connection c = Database.open(spec, "schemagate audit-log verify")) {
      AuditLog log = new AuditLog(c, spec.dialect());
      return cited == null ? log.verify() : log.verify(cited);
    } catch (SQLException e) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "cannot read the audit log of " + spec.redacted() + ": " + e.getMessage(),
          "check that the database is reachable",
          e);
    }
  }
}

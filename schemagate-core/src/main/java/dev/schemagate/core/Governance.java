package dev.schemagate.core;

import dev.schemagate.core.api.WorkOrderRequest;
import dev.schemagate.core.api.WorkOrderResult;
import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.config.Person;
import dev.schemagate.core.config.Workspace;
import dev.schemagate.core.governance.approval.Decision;
import dev.schemagate.core.governance.approval.KeyFiles;
import dev.schemagate.core.governance.approval.Keys;
import dev.schemagate.core.governance.auditlog.AuditAnchor;
import dev.schemagate.core.governance.auditlog.AuditEntry;
import dev.schemagate.core.governance.auditlog.AuditEvent;
import dev.schemagate.core.governance.auditlog.AuditLog;
import dev.schemagate.core.governance.auditlog.AuditVerification;
import dev.schemagate.core.governance.evidence.EvidenceVerification;
import dev.schemagate.core.governance.evidence.EvidenceVerifier;
import dev.schemagate.core.governance.gate.GateCommand;
import dev.schemagate.core.governance.gate.GateReport;
import dev.schemagate.core.governance.guard.GuardScan;
import dev.schemagate.core.governance.guard.StartupGuard;
import dev.schemagate.core.history.Database;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The governance entry points, beside {@link Migrator} so that neither grows into one large facade:
 * work orders, approvals, key generation, the start-up guard, the audit log's and evidence packs'
 * verification. The gate itself runs inside {@link Migrator#upgrade}, {@link Migrator#downgrade}
 * and {@link Migrator#stamp}, so that no caller can go around it.
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
   * and placeholders for intent, verification and rollback. A rollback ({@code downgrade} with
   * {@code rollbackOf}) carries the reverted work order's rollback plan.
   */
  public WorkOrderResult newWorkOrder(WorkOrderRequest request) {
    return workOrders.draft(request);
  }

  WorkOrderService workOrders() {
    return workOrders;
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

  /**
   * Checks an evidence pack (folder or zip): manifest hashes, missing or added files, and the
   * approvals' signatures against the configured people's keys; without a configuration, against
   * the pack's own {@code people.json} (noted in the result).
   */
  public EvidenceVerification verifyEvidence(Path pack) {
    Map<String, PublicKey> trusted = null;
    if (workspace.config() != null) {
      trusted = new HashMap<>();
      for (Person p : workspace.config().people().values()) {
        if (p.publicKey() != null) {
          trusted.put(
              p.name(),
              Keys.parseInline(p.publicKey(), workspace.config().file() + ": people: " + p.name()));
        }
      }
    }
    EvidenceVerification v = EvidenceVerifier.verify(pack, trusted);
    ConnectionSpec spec = workspace.connection();
    if (spec == null || v.manifestSha256().isEmpty()) {
      return v;
    }
    return anchored(v, spec);
  }

  /**
   * The pack's manifest checked against the audit log of the database it was written for: a pack
   * rewritten whole, manifest and all, still verifies on its own, but its manifest's SHA-256 is no
   * longer the one the log recorded when the run wrote it.
   */
  private EvidenceVerification anchored(EvidenceVerification v, ConnectionSpec spec) {
    List<String> problems = new ArrayList<>(v.problems());
    List<String> notes = new ArrayList<>(v.notes());
    String where = "the audit log of " + spec.redacted();
    try (Connection c = Database.open(spec, "schemagate evidence verify")) {
      AuditLog log = new AuditLog(c, spec.dialect());
      AuditEntry found = null;
      for (AuditEntry e : log.read()) {
        if (e.event() == AuditEvent.EVIDENCE_RECORDED && e.detail().contains(v.manifestSha256())) {
          found = e;
        }
      }
      if (found == null) {
        problems.add(
            where
                + " records no evidence pack with manifest sha256 "
                + v.manifestSha256()
                + ": the pack was not written by a gated run on this database, or its manifest"
                + " was rewritten");
      } else {
        notes.add(where + " recorded this manifest at entry " + found.seq());
      }
      AuditVerification chain = log.verify();
      if (!chain.intact()) {
        problems.add(where + " is not intact: " + chain.describe());
      }
    } catch (SQLException | SchemagateException e) {
      problems.add(where + " cannot be read: " + ConnectionSpec.redact(e.getMessage()));
    }
    return new EvidenceVerification(
        v.path(),
        problems.isEmpty(),
        v.manifestSha256(),
        v.filesChecked(),
        v.signaturesValid(),
        problems,
        notes);
  }
}

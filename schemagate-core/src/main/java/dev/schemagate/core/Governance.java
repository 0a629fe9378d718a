package dev.schemagate.core;

import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.config.Workspace;
import dev.schemagate.core.governance.approval.KeyFiles;
import dev.schemagate.core.governance.approval.Keys;
import dev.schemagate.core.governance.auditlog.AuditAnchor;
import dev.schemagate.core.governance.auditlog.AuditLog;
import dev.schemagate.core.governance.auditlog.AuditVerification;
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

  Governance(Workspace workspace) {
    this.workspace = workspace;
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

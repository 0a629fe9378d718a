package dev.schemagate.core.api;

import dev.schemagate.core.governance.verify.CheckResult;
import java.util.List;

/**
 * What the governance gate did around a run.
 *
 * @param workOrder the work order's id
 * @param trigger the rollback trigger that fired, for a downgrade; else null
 * @param gate the stop conditions' report, one line each
 * @param backupFile the verified backup taken before execution
 * @param backupSha256 its SHA-256
 * @param evidenceDir the evidence pack's folder
 * @param evidenceZip the pack as one file
 * @param manifestSha256 the SHA-256 of the pack's manifest, also in the audit log
 * @param verification the post-change health checks, in order
 * @param auditHead the audit log's head after the run ({@code seq:hash}), to cite elsewhere
 */
public record GovernedRun(
    String workOrder,
    String trigger,
    String gate,
    String backupFile,
    String backupSha256,
    String evidenceDir,
    String evidenceZip,
    String manifestSha256,
    List<CheckResult> verification,
    String auditHead) {
  public GovernedRun {
    verification = List.copyOf(verification);
  }

  /** True when every health check passed (or none was declared). */
  public boolean verified() {
    return verification.stream().allMatch(CheckResult::pass);
  }
}

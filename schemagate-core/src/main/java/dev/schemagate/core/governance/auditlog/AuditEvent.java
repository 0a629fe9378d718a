package dev.schemagate.core.governance.auditlog;

/**
 * The fixed vocabulary of state transitions the audit log records. The stored text is the
 * constant's name; it is part of the hashed content, so a constant must never be renamed, only
 * added.
 */
public enum AuditEvent {
  /** A work order was drafted ({@code wo new}); work_order names it. */
  WORK_ORDER_CREATED,
  /** A signed approval was appended to a work order; detail names the approver and role. */
  APPROVED,
  /** A refusal was recorded on a work order; detail carries the reason. */
  REJECTED,
  /** Every stop condition passed for a gated command. */
  GATE_PASSED,
  /**
   * A stop condition blocked a gated command; detail names the failed conditions. Often the only
   * row a blocked run leaves behind.
   */
  GATE_FAILED,
  /** A gated upgrade, downgrade or stamp began executing; detail names the command and range. */
  APPLY_STARTED,
  /** The gated execution finished and committed; detail carries steps and timing. */
  APPLY_FINISHED,
  /** The gated execution failed; detail carries the redacted error and the steps completed. */
  APPLY_FAILED,
  /** A downgrade under a rollback plan ran; detail names the trigger that fired. */
  ROLLBACK,
  /**
   * Added: the post-migration verification declared in the work order passed after an apply. Kept
   * apart from APPLY_FINISHED because the schema change can commit while its checks still fail.
   */
  VERIFICATION_PASSED,
  /** Added: the post-migration verification failed; detail names the failing check. */
  VERIFICATION_FAILED,
  /**
   * Added: an evidence pack was written for an execution; detail carries its path and manifest
   * SHA-256, which ties the pack and the log to each other.
   */
  EVIDENCE_RECORDED,
  /** Added: the backup taken before a gated execution was restored on scratch and matched. */
  BACKUP_VERIFIED,
  /**
   * Added: the backup before a gated execution could not be taken or verified, so execution did not
   * start; detail carries the redacted error.
   */
  BACKUP_FAILED
}

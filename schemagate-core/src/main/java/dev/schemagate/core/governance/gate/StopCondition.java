package dev.schemagate.core.governance.gate;

import java.util.Locale;

/**
 * The hard stop conditions of the governance gate, in the order they are reported. Any one that
 * fails blocks execution (exit code 3) with nothing changed.
 */
public enum StopCondition {
  /** Enough valid approvals from permitted roles for the environment's policy, and no rejection. */
  APPROVALS,
  /** The environment is named, configured, and the one the work order is for. */
  ENVIRONMENT,
  /** Every declared migration file is committed to git and unmodified. */
  UNCOMMITTED_MIGRATION,
  /** Nothing in the application runs migrations implicitly at start-up (the start-up guard). */
  STARTUP_MIGRATION,
  /** The rollback plan has steps, triggers and verification, none left as a placeholder. */
  ROLLBACK_PLAN,
  /**
   * The author's part is written, not TODO: intent (what, why, impact if not done, alternatives
   * rejected) and any post-change verification check.
   */
  INTENT_INCOMPLETE,
  /** Every expected piece of evidence is declared, present, and has its declared SHA-256. */
  EVIDENCE,
  /** Migrations, target and content are what was approved (checksums, plan, direction). */
  CHANGED_SINCE_APPROVAL,
  /** Irreversible migrations come with a justification and compensating controls. */
  IRREVERSIBLE_UNJUSTIFIED,
  /** Production, or a policy naming a final approver, has a valid final-authority approval. */
  FINAL_AUTHORITY,
  /** The work order's author has not approved it. */
  SELF_APPROVAL,
  /** Now is inside one of the environment's execution windows, when it has any. */
  OUTSIDE_WINDOW,
  /** Every lint error in the migrations is waived in the work order, with a reason. */
  UNWAIVED_LINT_ERRORS,
  /** No worker executes against a governed environment. */
  WORKER_EXECUTION;

  /** The stable id used in reports and JSON: {@code changed-since-approval}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

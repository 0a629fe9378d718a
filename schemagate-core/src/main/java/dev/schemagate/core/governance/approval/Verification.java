package dev.schemagate.core.governance.approval;

import java.util.Objects;

/**
 * The result of checking one approval: an outcome and, always, a sentence saying why and what to
 * do. Only {@link Outcome#VALID} means the approval counts.
 *
 * <p>A valid approval is authentic, not sufficient: it proves that the configured person with that
 * key signed this decision about these exact bytes. Whether their role may approve this
 * environment, whether they authored the work order, and whether enough approvals are present are
 * the policy's checks.
 *
 * @param outcome what was found
 * @param reason the explanation for a person, naming the approver and the next step
 */
public record Verification(Outcome outcome, String reason) {

  /** What verifying an approval found, checked in the order listed. */
  public enum Outcome {
    /** Signed by the approver's configured key, over these exact bytes, and unedited. */
    VALID,
    /** The approver is not among the configured people, or has no public key configured. */
    UNKNOWN_APPROVER,
    /**
     * Signed with a key that is not the approver's configured key: a forgery from another key, or
     * the approver's key was replaced after signing.
     */
    KEY_MISMATCH,
    /**
     * The approval's own fields (decision, approver, role, time, reason, content hash) or its
     * signature were edited after signing, or the signature is malformed.
     */
    BAD_SIGNATURE,
    /**
     * The approval is authentic but approved other content: the work order or a migration's
     * checksum changed after approval.
     */
    CONTENT_CHANGED
  }

  public Verification {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
  }

  /** Whether the approval counts. */
  public boolean valid() {
    return outcome == Outcome.VALID;
  }
}

package dev.schemagate.core.governance.auditlog;

/**
 * What {@link AuditLog#verify()} found: an intact chain with its size and head, or the first place
 * it breaks and why.
 *
 * @param entries how many rows the table holds
 * @param head the last stored row as an anchor ({@link AuditAnchor#GENESIS} when empty); cite it in
 *     evidence so a later anchored verify can catch a truncated tail. When the log is broken it is
 *     the stored last row, not a trustworthy head.
 * @param problem the first break, or null when intact
 */
public record AuditVerification(long entries, AuditAnchor head, Problem problem) {

  /** The chain checks out (and matches the anchor, when one was given). */
  public boolean intact() {
    return problem == null;
  }

  /** One line for a terminal: "intact: N entries, head seq:hash" or the break. */
  public String describe() {
    return intact()
        ? "audit log intact: " + entries + " entries, head " + head
        : "audit log broken at seq "
            + problem.seq()
            + " ("
            + problem.kind()
            + "): "
            + problem.reason();
  }

  /**
   * The first break found, walking the rows in seq order.
   *
   * @param kind what kind of tampering the evidence points to
   * @param seq the first seq concerned: the edited or moved row, the first missing seq, or the
   *     cited seq the log no longer reaches
   * @param reason a sentence naming the rows and hashes involved
   */
  public record Problem(Kind kind, long seq, String reason) {}

  /** The kinds of break. Each says what the stored rows prove, not who did it. */
  public enum Kind {
    /** A row's stored hash does not match its content: a field was changed after it was written. */
    EDITED,
    /**
     * Entries are missing: a seq gap, or a row whose prev_hash names no stored entry (a row deleted
     * and the later seqs renumbered, or the previous row rewritten with a recomputed hash).
     */
    DELETED,
    /**
     * A row sits at a seq other than the one it was written at, or chains after an entry other than
     * its predecessor: seq order and chain order disagree.
     */
    REORDERED,
    /** Anchored check only: the log ends before the cited seq; entries were cut from the end. */
    TRUNCATED,
    /**
     * Anchored check only: the entry at the cited seq has another hash, so the chain was rebuilt
     * with recomputed hashes at or before it. Undetectable without the anchor.
     */
    REWRITTEN
  }
}

package dev.schemagate.core.governance.auditlog;

import java.time.Instant;

/**
 * One stored row of {@code schemagate_audit_log}, exactly as stored: every text field is the text
 * that was hashed, so re-hashing it must give {@link #hash()}.
 *
 * @param seq 1, 2, 3, ... with no gaps in an intact log
 * @param recordedAt ISO-8601 UTC with microseconds, e.g. {@code 2026-11-22T01:30:00.000000Z}
 * @param actor who did it, redacted
 * @param host where it ran, redacted; may be empty
 * @param event what happened
 * @param workOrder the work order id, or null
 * @param environment the environment name, or null
 * @param detail a JSON object as compact text, redacted; at least {@code {}}
 * @param prevHash the previous entry's hash, or {@link AuditAnchor#GENESIS_HASH} for seq 1
 * @param hash SHA-256 over the canonical encoding of all the fields above (see {@link AuditLog})
 */
public record AuditEntry(
    long seq,
    String recordedAt,
    String actor,
    String host,
    AuditEvent event,
    String workOrder,
    String environment,
    String detail,
    String prevHash,
    String hash) {

  public Instant recordedInstant() {
    return Instant.parse(recordedAt);
  }

  /** This entry as an anchor to cite. */
  public AuditAnchor anchor() {
    return new AuditAnchor(seq, hash);
  }
}

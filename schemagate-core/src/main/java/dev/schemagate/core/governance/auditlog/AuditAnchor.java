package dev.schemagate.core.governance.auditlog;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A point in the chain, (seq, hash), cited outside the database (an evidence pack, a work order, a
 * ticket) so that a later {@link AuditLog#verify(AuditAnchor)} can prove nothing was removed from
 * the end of the log or rewritten before it.
 *
 * @param seq the entry's sequence number; 0 for the empty log
 * @param hash its hash, 64 lower-case hex digits; {@link #GENESIS_HASH} for the empty log
 */
public record AuditAnchor(long seq, String hash) {
  // First: GENESIS below is built by the constructor, which uses it.
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  /** The prev_hash of entry 1, and the hash of the empty log: 64 zeros. */
  public static final String GENESIS_HASH = "0".repeat(64);

  /** The head of an empty log. */
  public static final AuditAnchor GENESIS = new AuditAnchor(0, GENESIS_HASH);

  public AuditAnchor {
    Objects.requireNonNull(hash, "hash");
    hash = hash.toLowerCase(Locale.ROOT);
    if (seq < 0 || !HEX64.matcher(hash).matches()) {
      throw new IllegalArgumentException(
          "an audit-log anchor is a seq >= 0 and a 64-digit hex SHA-256, got " + seq + " " + hash);
    }
  }

  /** Reads the {@code seq:hash} form of {@link #toString()}. */
  public static AuditAnchor parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException(
          "an audit-log anchor reads <seq>:<sha256 hex>, got " + text);
    }
    try {
      return new AuditAnchor(
          Long.parseLong(text.substring(0, colon).trim()), text.substring(colon + 1).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "an audit-log anchor reads <seq>:<sha256 hex>, got " + text, e);
    }
  }

  /** {@code seq:hash}, the form evidence packs cite. */
  @Override
  public String toString() {
    return seq + ":" + hash;
  }
}

package dev.schemagate.core.governance.approval;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One signed decision about one canonical work order, as it is stored next to the work order.
 *
 * <p>The signature covers the content hash and every other field here (decision, approver, role,
 * key fingerprint, time, reason), so editing any of them voids it; see {@link
 * Approvals#verify(byte[], Approval, Map)}. Create approvals with {@link Approvals#sign}; the
 * constructor is for reading stored ones back.
 *
 * <p>The constructor checks only that the fields are present: a tampered or half-edited approval
 * must still be representable, so that verification can say what is wrong with it instead of a
 * parser failing on it.
 *
 * <p>Trap: store {@link #at()} as {@link #atText()} (ISO-8601, UTC). A rendering that drops or
 * rounds part of the instant changes the signed text and voids the approval; {@link Approvals#sign}
 * truncates to whole seconds so that common renderings keep it exact.
 *
 * @param decision approved or rejected
 * @param approver the person's name as configured in {@code schemagate.yaml}
 * @param role the role the approver held when signing, as they claimed it; whether that role may
 *     approve is the policy's question, not the signature's
 * @param keyFingerprint {@link Keys#fingerprint} of the key that signed
 * @param at when it was signed
 * @param reason why; required for a rejection, empty (never null) when none was given
 * @param contentSha256 lower-case hex SHA-256 of the canonical bytes that were approved
 * @param signature base64 Ed25519 signature over {@link #signedText()}
 */
public record Approval(
    Decision decision,
    String approver,
    String role,
    String keyFingerprint,
    Instant at,
    String reason,
    String contentSha256,
    String signature) {

  /** Separates approval signatures from any other use of the same key. */
  static final String PURPOSE = "schemagate work order approval";

  public Approval {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(approver, "approver");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(keyFingerprint, "keyFingerprint");
    Objects.requireNonNull(at, "at");
    reason = reason == null ? "" : reason;
    Objects.requireNonNull(contentSha256, "contentSha256");
    Objects.requireNonNull(signature, "signature");
  }

  /** Whether a reason was given. */
  public boolean hasReason() {
    return !reason.isBlank();
  }

  /** {@link #at()} as ISO-8601 in UTC, e.g. {@code 2026-11-22T01:30:00Z}: the signed form. */
  public String atText() {
    return DateTimeFormatter.ISO_INSTANT.format(at);
  }

  /**
   * The exact text the signature covers: the {@link CanonicalForm} of every field except the
   * signature itself, plus a purpose line so that a signature made for something else with the same
   * key can never pass for an approval.
   */
  public String signedText() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("purpose", PURPOSE);
    fields.put("decision", decision.name());
    fields.put("approver", approver);
    fields.put("role", role);
    fields.put("key_fingerprint", keyFingerprint);
    fields.put("at", atText());
    fields.put("reason", reason);
    fields.put("content_sha256", contentSha256);
    return CanonicalForm.render(fields);
  }

  /**
   * The approval as a work order stores it: string fields in a fixed order, {@code reason} only
   * when one was given.
   */
  public Map<String, String> toStored() {
    Map<String, String> stored = new LinkedHashMap<>();
    stored.put("decision", decision.name().toLowerCase(Locale.ROOT));
    stored.put("approver", approver);
    stored.put("role", role);
    stored.put("key_fingerprint", keyFingerprint);
    stored.put("at", atText());
    if (hasReason()) {
      stored.put("reason", reason);
    }
    stored.put("content_sha256", contentSha256);
    stored.put("signature", signature);
    return stored;
  }

  /**
   * An approval as a work order stores it, read back. The stored form comes from a file anyone can
   * edit: a missing field, an unknown decision or a malformed time throws {@link
   * IllegalArgumentException} naming it, for the caller to report as a problem of that entry.
   */
  public static Approval fromStored(Map<String, String> stored) {
    for (String field :
        List.of(
            "decision",
            "approver",
            "role",
            "key_fingerprint",
            "at",
            "content_sha256",
            "signature")) {
      if (stored.get(field) == null) {
        throw new IllegalArgumentException("the field '" + field + "' is missing");
      }
    }
    Decision decision;
    try {
      decision = Decision.valueOf(stored.get("decision").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "decision '" + printable(stored.get("decision")) + "' is neither approved nor rejected");
    }
    Instant at;
    try {
      at = Instant.parse(stored.get("at"));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "at '" + printable(stored.get("at")) + "' is not an ISO-8601 UTC time");
    }
    return new Approval(
        decision,
        stored.get("approver"),
        stored.get("role"),
        stored.get("key_fingerprint"),
        at,
        stored.get("reason"),
        stored.get("content_sha256"),
        stored.get("signature"));
  }

  /** A one-line summary for messages: decision, who, role and when. */
  String describe() {
    return decision.name().toLowerCase(Locale.ROOT)
        + " by "
        + printable(approver)
        + " ("
        + printable(role)
        + ") at "
        + atText();
  }

  /** The fields come from a file anyone could edit: keep control characters out of terminals. */
  static String printable(String s) {
    return s.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}

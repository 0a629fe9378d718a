package dev.schemagate.core.governance.approval;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.governance.approval.Verification.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.TreeSet;

/**
 * Signs and verifies approvals of canonical work orders with Ed25519.
 *
 * <p>What is signed: {@link Approval#signedText()}, which holds the SHA-256 of the canonical bytes
 * and every field of the approval. So a valid signature binds the decision, approver, role, key,
 * time and reason to exactly those bytes; changing any of them, or one byte of the content, voids
 * it.
 *
 * <p>The trap: an approval protects the canonical bytes the caller passes in, and nothing else.
 * Build them with {@link CanonicalForm} from everything whose change must require a new approval
 * (the environment, the work order's id and text, every migration's revision and checksum).
 */
public final class Approvals {

  private Approvals() {}

  /**
   * Signs a decision about {@code canonical}.
   *
   * <p>The time comes from {@code clock}, truncated to whole seconds. The key's fingerprint is
   * recorded, derived from the private key ({@link Keys#publicKeyOf}), so that verification can
   * tell a signature from another key apart from an edited one.
   *
   * @param canonical the canonical bytes, from {@link CanonicalForm#encode}; not empty
   * @param approver the person's name as configured
   * @param role the role the approver acts in
   * @param reason why; required (not blank) for {@link Decision#REJECTED}, may be null otherwise
   * @throws SchemagateException bad input for an empty approver or role, a rejection without a
   *     reason, or a key that is not Ed25519
   */
  public static Approval sign(
      byte[] canonical,
      String approver,
      String role,
      Decision decision,
      String reason,
      PrivateKey key,
      Clock clock) {
    if (canonical == null || canonical.length == 0) {
      throw new IllegalArgumentException("nothing to sign: the canonical bytes are empty");
    }
    if (decision == null) {
      throw new IllegalArgumentException("decision is null");
    }
    if (approver == null || approver.isBlank()) {
      throw SchemagateException.badInput(
          "the approver's name is empty", "sign as one of the people in schemagate.yaml");
    }
    if (role == null || role.isBlank()) {
      throw SchemagateException.badInput(
          "the approver's role is empty", "sign in the role schemagate.yaml gives " + approver);
    }
    if (decision == Decision.REJECTED && (reason == null || reason.isBlank())) {
      throw SchemagateException.badInput(
          "a rejection needs a reason", "say why with --reason \"...\" and reject again");
    }
    String fingerprint = Keys.fingerprint(Keys.publicKeyOf(key));
    Approval unsigned =
        new Approval(
            decision,
            approver,
            role,
            fingerprint,
            Instant.now(clock).truncatedTo(ChronoUnit.SECONDS),
            reason,
            CanonicalForm.sha256Hex(canonical),
            "");
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(unsigned.signedText().getBytes(StandardCharsets.UTF_8));
      String signature = Base64.getEncoder().encodeToString(signer.sign());
      return new Approval(
          unsigned.decision(),
          unsigned.approver(),
          unsigned.role(),
          unsigned.keyFingerprint(),
          unsigned.at(),
          unsigned.reason(),
          unsigned.contentSha256(),
          signature);
    } catch (GeneralSecurityException e) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "signing failed (" + e.getClass().getSimpleName() + ")",
          "check that the key file is one written by `schemagate keys new`",
          e);
    }
  }

  /**
   * Checks one approval of {@code canonical} against the configured public keys, and says why it
   * does or does not count. Checks, in order, the first failure deciding the outcome:
   *
   * <ol>
   *   <li>the approver is configured with a key ({@link Outcome#UNKNOWN_APPROVER});
   *   <li>the recorded key fingerprint is that key's ({@link Outcome#KEY_MISMATCH});
   *   <li>the signature verifies over the approval's fields with that key ({@link
   *       Outcome#BAD_SIGNATURE});
   *   <li>the approved content hash is the hash of {@code canonical} ({@link
   *       Outcome#CONTENT_CHANGED}).
   * </ol>
   *
   * The signature is checked before the content so that "content changed" is only ever said of an
   * authentic approval; an approval whose hash was edited to match new content is a bad signature.
   *
   * <p>Names are matched exactly (case-sensitive). A valid result says nothing about whether the
   * approver's role may approve; see {@link Verification}.
   *
   * @param trustedKeysByPerson each configured person's name and public key
   * @throws SchemagateException bad input if the approver's configured key is not Ed25519 (a
   *     configuration error, not a property of the approval)
   */
  public static Verification verify(
      byte[] canonical, Approval approval, Map<String, PublicKey> trustedKeysByPerson) {
    String who = approval.describe();
    PublicKey trusted = trustedKeysByPerson.get(approval.approver());
    if (trusted == null) {
      String configured =
          trustedKeysByPerson.isEmpty()
              ? "nobody is configured"
              : "configured: " + String.join(", ", new TreeSet<>(trustedKeysByPerson.keySet()));
      String what =
          trustedKeysByPerson.containsKey(approval.approver())
              ? " has no public key configured"
              : " is not among the configured people (" + configured + ")";
      return new Verification(
          Outcome.UNKNOWN_APPROVER,
          who
              + ": '"
              + Approval.printable(approval.approver())
              + "'"
              + what
              + "; add them with their public key to schemagate.yaml, or remove this approval");
    }
    String trustedFingerprint = Keys.fingerprint(trusted);
    if (!MessageDigest.isEqual(bytes(trustedFingerprint), bytes(approval.keyFingerprint()))) {
      return new Verification(
          Outcome.KEY_MISMATCH,
          who
              + ": signed with key "
              + Approval.printable(approval.keyFingerprint())
              + ", not "
              + Approval.printable(approval.approver())
              + "'s configured key "
              + trustedFingerprint
              + "; a signature from any other key is not theirs (forged, or made before their key"
              + " was replaced): ask "
              + Approval.printable(approval.approver())
              + " to approve again");
    }
    String broken = signatureProblem(approval, trusted);
    if (broken != null) {
      return new Verification(
          Outcome.BAD_SIGNATURE,
          who
              + ": "
              + broken
              + "; the approval was edited after signing (decision, approver, role, time, reason or"
              + " content hash): discard it and ask "
              + Approval.printable(approval.approver())
              + " to approve again");
    }
    String actual = CanonicalForm.sha256Hex(canonical);
    if (!MessageDigest.isEqual(bytes(actual), bytes(approval.contentSha256()))) {
      return new Verification(
          Outcome.CONTENT_CHANGED,
          who
              + ": approved content "
              + shortHash(Approval.printable(approval.contentSha256()))
              + " but the work order now reads "
              + shortHash(actual)
              + "; the work order or a migration changed after approval: review the change and"
              + " approve again");
    }
    return new Verification(
        Outcome.VALID,
        who
            + ": valid, signed with "
            + Approval.printable(approval.approver())
            + "'s key "
            + trustedFingerprint);
  }

  /** Why the signature does not verify with {@code key}, or null when it does. */
  private static String signatureProblem(Approval approval, PublicKey key) {
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(approval.signature().strip());
    } catch (IllegalArgumentException e) {
      return "the signature is not valid base64";
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(approval.signedText().getBytes(StandardCharsets.UTF_8));
      return verifier.verify(signature) ? null : "the signature does not match the approval";
    } catch (InvalidKeyException e) {
      throw SchemagateException.badInput(
          "the configured public key of "
              + Approval.printable(approval.approver())
              + " is not an Ed25519 key",
          "configure the key `schemagate keys new` printed for them (ed25519:...)");
    } catch (SignatureException e) {
      // A signature of the wrong length or shape: malformed, hence not valid.
      return "the signature is malformed";
    } catch (GeneralSecurityException e) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "Ed25519 is not available in this JDK (" + e.getClass().getSimpleName() + ")",
          "run schemagate on Java 17 or later with the standard security providers",
          e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String shortHash(String hex) {
    return hex.length() > 12 ? hex.substring(0, 12) + "..." : hex;
  }
}

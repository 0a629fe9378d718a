package dev.schemagate.core.governance.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.governance.approval.Verification.Outcome;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ApprovalsTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T01:30:15.123456Z"), ZoneOffset.UTC);

  // Shared and never changed: key generation costs milliseconds each on a busy machine.
  private static final KeyPair alice = Keys.newKeyPair();
  private static final KeyPair bob = Keys.newKeyPair();
  private static final Map<String, PublicKey> people =
      Map.of("alice", alice.getPublic(), "bob", bob.getPublic());

  private static Map<String, Object> workOrder(String secondChecksum) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("work_order", "WO-MIGRATION-007");
    fields.put("environment", "staging");
    fields.put(
        "migrations",
        List.of(
            Map.of("revision", "0003_add_email", "checksum", "a1b2c3d4"),
            Map.of("revision", "0004_index_email", "checksum", secondChecksum)));
    return fields;
  }

  private static byte[] canonical() {
    return CanonicalForm.encode(workOrder("e5f6a7b8"));
  }

  private Approval approvedByAlice() {
    return Approvals.sign(
        canonical(), "alice", "manager", Decision.APPROVED, null, alice.getPrivate(), CLOCK);
  }

  @Test
  void aSignedApprovalVerifiesAgainstTheConfiguredKey() {
    Approval a = approvedByAlice();

    Verification v = Approvals.verify(canonical(), a, people);

    assertThat(v.outcome()).isEqualTo(Outcome.VALID);
    assertThat(v.valid()).isTrue();
    assertThat(v.reason()).contains("alice", Keys.fingerprint(alice.getPublic()));
    assertThat(a.decision()).isEqualTo(Decision.APPROVED);
    assertThat(a.keyFingerprint()).isEqualTo(Keys.fingerprint(alice.getPublic()));
    assertThat(a.contentSha256()).isEqualTo(CanonicalForm.sha256Hex(canonical()));
    assertThat(a.reason()).isEmpty();
    assertThat(a.hasReason()).isFalse();
    // Whole seconds, so that the stored ISO-8601 text reads back as the same instant.
    assertThat(a.atText()).isEqualTo("2026-11-22T01:30:15Z");
    assertThat(Instant.parse(a.atText())).isEqualTo(a.at());
  }

  @Test
  void oneByteChangedInAMigrationChecksumAfterApprovalIsContentChanged() {
    Approval a = approvedByAlice();
    byte[] changed = CanonicalForm.encode(workOrder("e5f6a7b9"));

    Verification v = Approvals.verify(changed, a, people);

    assertThat(v.outcome()).isEqualTo(Outcome.CONTENT_CHANGED);
    assertThat(v.reason()).contains("alice", "changed after approval", "approve again");
  }

  @Test
  void aFlippedByteAnywhereInTheCanonicalContentVoidsTheApproval() {
    Approval a = approvedByAlice();
    byte[] original = canonical();

    // Every 17th byte and the last: header, keys, values and line ends, at a few ms per verify.
    List<Integer> positions = new java.util.ArrayList<>();
    for (int i = 0; i < original.length; i += 17) {
      positions.add(i);
    }
    positions.add(original.length - 1);
    for (int i : positions) {
      byte[] changed = original.clone();
      changed[i] ^= 0x01;
      assertThat(Approvals.verify(changed, a, people).outcome())
          .as("byte %d", i)
          .isEqualTo(Outcome.CONTENT_CHANGED);
    }
  }

  @Test
  void aForgedSignatureFromAnUnlistedKeyClaimingTheApproverIsKeyMismatch() {
    KeyPair mallory = Keys.newKeyPair();
    Approval forged =
        Approvals.sign(
            canonical(), "alice", "manager", Decision.APPROVED, null, mallory.getPrivate(), CLOCK);

    Verification v = Approvals.verify(canonical(), forged, people);

    assertThat(v.outcome()).isEqualTo(Outcome.KEY_MISMATCH);
    assertThat(v.reason())
        .contains(Keys.fingerprint(mallory.getPublic()), Keys.fingerprint(alice.getPublic()));
  }

  @Test
  void aForgedSignatureThatCopiesTheApproversFingerprintIsBadSignature() {
    KeyPair mallory = Keys.newKeyPair();
    Approval forged =
        Approvals.sign(
            canonical(), "alice", "manager", Decision.APPROVED, null, mallory.getPrivate(), CLOCK);
    Approval disguised =
        with(forged, b -> b.fingerprint(Keys.fingerprint(alice.getPublic())))
            .resign(mallory); // signed over the copied fingerprint, still with mallory's key

    assertThat(Approvals.verify(canonical(), disguised, people).outcome())
        .isEqualTo(Outcome.BAD_SIGNATURE);
  }

  @Test
  void editingAnyFieldOfTheApprovalIsBadSignature() {
    Approval a = approvedByAlice();
    Map<String, Approval> edits = new LinkedHashMap<>();
    edits.put("decision", with(a, b -> b.decision(Decision.REJECTED).reason("no")).build());
    edits.put("reason", with(a, b -> b.reason("looks fine")).build());
    edits.put("time", with(a, b -> b.at(a.at().plusSeconds(3600))).build());
    edits.put("role", with(a, b -> b.role("final_authority")).build());
    edits.put("signature", with(a, b -> b.signature(flipLastByte(a.signature()))).build());
    edits.put("signature base64", with(a, b -> b.signature("%%%")).build());
    edits.put("signature length", with(a, b -> b.signature("AAAA")).build());

    for (Map.Entry<String, Approval> edit : edits.entrySet()) {
      Verification v = Approvals.verify(canonical(), edit.getValue(), people);
      assertThat(v.outcome()).as(edit.getKey()).isEqualTo(Outcome.BAD_SIGNATURE);
      assertThat(v.reason()).as(edit.getKey()).contains("alice", "approve again");
    }
  }

  @Test
  void anApprovalWhoseHashWasEditedToMatchNewContentIsBadSignatureNotContentChanged() {
    Approval a = approvedByAlice();
    byte[] changed = CanonicalForm.encode(workOrder("ffffffff"));
    Approval edited = with(a, b -> b.hash(CanonicalForm.sha256Hex(changed))).build();

    assertThat(Approvals.verify(changed, edited, people).outcome())
        .isEqualTo(Outcome.BAD_SIGNATURE);
  }

  @Test
  void anApprovalRenamedToAnotherConfiguredPersonIsNotTheirs() {
    Approval a = approvedByAlice();

    Approval renamed = with(a, b -> b.approver("bob")).build();
    Approval renamedWithKey =
        with(a, b -> b.approver("bob").fingerprint(Keys.fingerprint(bob.getPublic()))).build();

    assertThat(Approvals.verify(canonical(), renamed, people).outcome())
        .isEqualTo(Outcome.KEY_MISMATCH);
    assertThat(Approvals.verify(canonical(), renamedWithKey, people).outcome())
        .isEqualTo(Outcome.BAD_SIGNATURE);
  }

  @Test
  void anApproverWhoIsNotConfiguredIsUnknown() {
    KeyPair carol = Keys.newKeyPair();
    Approval a =
        Approvals.sign(
            canonical(), "carol", "manager", Decision.APPROVED, null, carol.getPrivate(), CLOCK);

    Verification v = Approvals.verify(canonical(), a, people);

    assertThat(v.outcome()).isEqualTo(Outcome.UNKNOWN_APPROVER);
    assertThat(v.reason()).contains("carol", "alice, bob", "schemagate.yaml");
    assertThat(Approvals.verify(canonical(), approvedByAlice(), Map.of()).outcome())
        .isEqualTo(Outcome.UNKNOWN_APPROVER);
  }

  @Test
  void aRejectionWithoutAReasonIsRefused() {
    for (String reason : new String[] {null, "", "   "}) {
      SchemagateException e =
          catchThrowableOfType(
              () ->
                  Approvals.sign(
                      canonical(),
                      "alice",
                      "manager",
                      Decision.REJECTED,
                      reason,
                      alice.getPrivate(),
                      CLOCK),
              SchemagateException.class);
      assertThat(e).as("reason %s", reason).isNotNull();
      assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(e.getMessage()).contains("rejection needs a reason");
    }
  }

  @Test
  void aRejectionWithItsReasonVerifiesAndStaysARejection() {
    Approval r =
        Approvals.sign(
            canonical(),
            "bob",
            "planning",
            Decision.REJECTED,
            "rollback plan has no\nhealth check",
            bob.getPrivate(),
            CLOCK);

    Verification v = Approvals.verify(canonical(), r, people);

    assertThat(v.outcome()).isEqualTo(Outcome.VALID);
    assertThat(r.decision()).isEqualTo(Decision.REJECTED);
    assertThat(r.reason()).isEqualTo("rollback plan has no\nhealth check");
  }

  @Test
  void emptyApproverOrRoleIsRefused() {
    for (String[] who : new String[][] {{"", "manager"}, {"alice", " "}}) {
      SchemagateException e =
          catchThrowableOfType(
              () ->
                  Approvals.sign(
                      canonical(),
                      who[0],
                      who[1],
                      Decision.APPROVED,
                      null,
                      alice.getPrivate(),
                      CLOCK),
              SchemagateException.class);
      assertThat(e).isNotNull();
      assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    }
  }

  @Test
  void aSignatureMadeForOneApprovalDoesNotFitAnother() {
    Approval a = approvedByAlice();
    Approval later =
        Approvals.sign(
            canonical(),
            "alice",
            "manager",
            Decision.APPROVED,
            "second look",
            alice.getPrivate(),
            Clock.offset(CLOCK, java.time.Duration.ofDays(1)));

    Approval spliced = with(a, b -> b.signature(later.signature())).build();

    assertThat(Approvals.verify(canonical(), later, people).valid()).isTrue();
    assertThat(Approvals.verify(canonical(), spliced, people).outcome())
        .isEqualTo(Outcome.BAD_SIGNATURE);
  }

  @Test
  void controlCharactersInAStoredApprovalDoNotReachTheReason() {
    Approval a = with(approvedByAlice(), b -> b.approver("eve\u001b[2J\nroot")).build();

    Verification v = Approvals.verify(canonical(), a, people);

    assertThat(v.outcome()).isEqualTo(Outcome.UNKNOWN_APPROVER);
    assertThat(v.reason()).doesNotContain("\u001b").doesNotContain("\n");
  }

  private static String flipLastByte(String base64) {
    byte[] raw = Base64.getDecoder().decode(base64);
    raw[raw.length - 1] ^= 0x01;
    return Base64.getEncoder().encodeToString(raw);
  }

  private static Edit with(Approval a, UnaryOperator<Edit> change) {
    return change.apply(new Edit(a));
  }

  /** What someone editing the stored approval by hand could do. */
  private static final class Edit {
    private Decision decision;
    private String approver;
    private String role;
    private String fingerprint;
    private Instant at;
    private String reason;
    private String hash;
    private String signature;

    Edit(Approval a) {
      decision = a.decision();
      approver = a.approver();
      role = a.role();
      fingerprint = a.keyFingerprint();
      at = a.at();
      reason = a.reason();
      hash = a.contentSha256();
      signature = a.signature();
    }

    Edit decision(Decision d) {
      decision = d;
      return this;
    }

    Edit approver(String s) {
      approver = s;
      return this;
    }

    Edit role(String s) {
      role = s;
      return this;
    }

    Edit fingerprint(String s) {
      fingerprint = s;
      return this;
    }

    Edit at(Instant i) {
      at = i;
      return this;
    }

    Edit reason(String s) {
      reason = s;
      return this;
    }

    Edit hash(String s) {
      hash = s;
      return this;
    }

    Edit signature(String s) {
      signature = s;
      return this;
    }

    Approval build() {
      return new Approval(decision, approver, role, fingerprint, at, reason, hash, signature);
    }

    /** Signs the edited fields with {@code key}, as a forger holding only their own key could. */
    Approval resign(KeyPair key) {
      Approval unsigned = build();
      try {
        java.security.Signature s = java.security.Signature.getInstance("Ed25519");
        s.initSign(key.getPrivate());
        s.update(unsigned.signedText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return signature(Base64.getEncoder().encodeToString(s.sign())).build();
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}

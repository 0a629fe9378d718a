package dev.schemagate.core.governance.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.governance.approval.CanonicalForm;
import dev.schemagate.core.governance.approval.Keys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceVerifierTest {
  @TempDir Path tmp;
  private final Packs packs = new Packs();

  private WrittenPack signedPack() {
    return Packs.write(
        tmp.resolve("evidence/WO-MIGRATION-007/20261122T014000Z"), packs.signedFiles());
  }

  @Test
  void aFreshPackIsIntactWithItsSignatureValid() {
    WrittenPack pack = signedPack();

    EvidenceVerification v = EvidenceVerifier.verify(pack.dir(), packs.trusted);

    assertThat(v.problems()).isEmpty();
    assertThat(v.intact()).isTrue();
    assertThat(v.filesChecked()).isEqualTo(pack.fileCount());
    assertThat(v.signaturesValid()).isEqualTo(1);
    assertThat(v.manifestSha256()).isEqualTo(pack.manifestSha256());
    assertThat(v.describe()).endsWith("evidence pack intact");
  }

  @Test
  void theZipOfAFreshPackIsIntactToo() {
    WrittenPack pack = signedPack();

    EvidenceVerification v = EvidenceVerifier.verify(pack.zip(), packs.trusted);

    assertThat(v.problems()).isEmpty();
    assertThat(v.filesChecked()).isEqualTo(pack.fileCount());
    assertThat(v.signaturesValid()).isEqualTo(1);
    assertThat(v.manifestSha256()).isEqualTo(pack.manifestSha256());
  }

  @Test
  void oneChangedByteInAFileIsNamedWithBothHashes() throws Exception {
    WrittenPack pack = signedPack();
    Path lint = pack.dir().resolve("lint.txt");
    byte[] original = Files.readAllBytes(lint);
    Files.write(lint, Packs.flipFirstByte(original));

    EvidenceVerification v = EvidenceVerifier.verify(pack.dir(), packs.trusted);

    assertThat(v.intact()).isFalse();
    assertThat(v.problems())
        .singleElement()
        .asString()
        .startsWith("lint.txt: changed")
        .contains(CanonicalForm.sha256Hex(original).substring(0, 12))
        .contains(CanonicalForm.sha256Hex(Packs.flipFirstByte(original)).substring(0, 12));
    assertThat(v.describe()).endsWith("evidence pack NOT intact: 1 problem(s)");
  }

  @Test
  void oneChangedByteInsideTheZipIsNamed() throws Exception {
    WrittenPack pack = signedPack();
    String top = pack.dir().getFileName() + "/";
    Packs.rezip(
        pack.zip(),
        e ->
            e.put(
                top + "statements/0001.sql",
                Packs.flipFirstByte(e.get(top + "statements/0001.sql"))));

    EvidenceVerification v = EvidenceVerifier.verify(pack.zip(), packs.trusted);

    assertThat(v.problems()).singleElement().asString().startsWith("statements/0001.sql: changed");
  }

  @Test
  void aDeletedFileIsNamed() throws Exception {
    WrittenPack pack = signedPack();
    Files.delete(pack.dir().resolve("dry-run.sql"));

    EvidenceVerification v = EvidenceVerifier.verify(pack.dir(), packs.trusted);

    assertThat(v.problems())
        .singleElement()
        .asString()
        .isEqualTo("dry-run.sql: listed in the manifest but missing from the pack");
  }

  @Test
  void anAddedFileIsNamed() throws Exception {
    WrittenPack pack = signedPack();
    Files.writeString(pack.dir().resolve("statements/0002.sql"), "DROP TABLE users;\n");

    EvidenceVerification v = EvidenceVerifier.verify(pack.dir(), packs.trusted);

    assertThat(v.problems())
        .singleElement()
        .asString()
        .startsWith("statements/0002.sql: present but not listed in the manifest");
  }

  @Test
  void anEditedManifestIsCaughtByTheFileItNoLongerMatches() throws Exception {
    WrittenPack pack = signedPack();
    Path manifest = pack.dir().resolve("manifest.json");
    ObjectNode root = (ObjectNode) new ObjectMapper().readTree(manifest.toFile());
    ((ObjectNode) root.get("files").get(0)).put("size", 1);
    String edited = root.get("files").get(0).get("name").asText();
    Files.write(manifest, Json.pretty(root));

    EvidenceVerification v = EvidenceVerifier.verify(pack.dir(), packs.trusted);

    assertThat(v.problems())
        .singleElement()
        .asString()
        .startsWith(edited + ": changed")
        .contains("size expected 1");
    assertThat(v.manifestSha256()).isNotEqualTo(pack.manifestSha256());
  }

  @Test
  void aWrongFormatAndBrokenJsonAreManifestProblems() throws Exception {
    WrittenPack pack = signedPack();
    Path manifest = pack.dir().resolve("manifest.json");
    String text = Files.readString(manifest);
    Files.writeString(manifest, text.replace("schemagate-evidence/1", "schemagate-evidence/9"));

    assertThat(EvidenceVerifier.verify(pack.dir(), packs.trusted).problems())
        .singleElement()
        .asString()
        .contains("manifest.json: format is 'schemagate-evidence/9'");

    Files.writeString(manifest, text.replace("\"files\" :", "\"files\" "));
    assertThat(EvidenceVerifier.verify(pack.dir(), packs.trusted).problems())
        .singleElement()
        .asString()
        .startsWith("manifest.json: line ")
        .contains("not valid JSON");

    Files.delete(manifest);
    assertThat(EvidenceVerifier.verify(pack.dir(), packs.trusted).problems())
        .singleElement()
        .asString()
        .startsWith("manifest.json: missing");
  }

  @Test
  void anApprovalForgedWithAnUntrustedKeyIsAProblem() {
    KeyPair mallory = Keys.newKeyPair();
    WrittenPack pack =
        Packs.write(
            tmp.resolve("forged"),
            packs.files(Packs.signedWorkOrder("alice", mallory.getPrivate())));

    EvidenceVerification v = EvidenceVerifier.verify(pack.dir(), packs.trusted);

    assertThat(v.signaturesValid()).isZero();
    assertThat(v.filesChecked()).isEqualTo(pack.fileCount());
    assertThat(v.problems())
        .singleElement()
        .asString()
        .startsWith("work-order.md: approval 1: key mismatch:")
        .contains(Keys.fingerprint(mallory.getPublic()));
  }

  @Test
  void aWorkOrderByteChangedAfterSigningIsCaughtByTheSignatureAlone() throws Exception {
    WrittenPack pack = signedPack();
    Path wo = pack.dir().resolve("work-order.md");
    String text = Files.readString(wo);
    assertThat(text).contains("Add payment methods");
    Files.writeString(wo, text.replaceFirst("Add payment methods", "Add paymenT methods"));
    // The forger also fixes the manifest, so only the approval can tell.
    Path manifest = pack.dir().resolve("manifest.json");
    ObjectNode root = (ObjectNode) new ObjectMapper().readTree(manifest.toFile());
    for (var entry : root.get("files")) {
      if (entry.get("name").asText().equals("work-order.md")) {
        ((ObjectNode) entry).put("sha256", CanonicalForm.sha256Hex(Files.readAllBytes(wo)));
      }
    }
    Files.write(manifest, Json.pretty(root));

    EvidenceVerification v = EvidenceVerifier.verify(pack.dir(), packs.trusted);

    assertThat(v.filesChecked()).isEqualTo(pack.fileCount());
    assertThat(v.signaturesValid()).isZero();
    assertThat(v.problems())
        .singleElement()
        .asString()
        .startsWith("work-order.md: approval 1: content changed:");
  }

  @Test
  void withoutTrustedKeysThePacksPeopleFileIsUsedAndSaidSo() {
    List<EvidenceFile> files = new ArrayList<>(packs.signedFiles());
    files.add(Packs.file("people.json", packs.people()));
    WrittenPack pack = Packs.write(tmp.resolve("with-people"), files);

    EvidenceVerification v = EvidenceVerifier.verify(pack.zip(), null);

    assertThat(v.problems()).isEmpty();
    assertThat(v.signaturesValid()).isEqualTo(1);
    assertThat(v.notes()).anySatisfy(n -> assertThat(n).contains("people.json", "own"));
  }

  @Test
  void withoutTrustedKeysOrPeopleFileTheApprovalsCannotBeChecked() {
    WrittenPack pack = signedPack();

    EvidenceVerification v = EvidenceVerifier.verify(pack.dir(), null);

    assertThat(v.problems())
        .singleElement()
        .asString()
        .contains("work-order.md", "no trusted keys", "people.json");
  }

  @Test
  void aWorkOrderWithoutApprovalsIsANoteNotAProblem() {
    String unsigned =
        dev.schemagate.core.governance.workorder.WorkOrderFile.write(Packs.workOrder(List.of()));
    WrittenPack pack = Packs.write(tmp.resolve("unsigned"), packs.files(unsigned));

    EvidenceVerification v = EvidenceVerifier.verify(pack.dir(), packs.trusted);

    assertThat(v.intact()).isTrue();
    assertThat(v.notes()).anySatisfy(n -> assertThat(n).contains("no approvals"));
  }

  @Test
  void aStoredApprovalMissingAFieldIsAProblemNotACrash() {
    String broken =
        dev.schemagate.core.governance.workorder.WorkOrderFile.write(
            Packs.workOrder(List.of(Map.of("decision", "approved", "approver", "alice"))));
    WrittenPack pack = Packs.write(tmp.resolve("broken"), packs.files(broken));

    EvidenceVerification v = EvidenceVerifier.verify(pack.dir(), packs.trusted);

    assertThat(v.problems())
        .singleElement()
        .asString()
        .startsWith("work-order.md: approval 1: the field");
  }

  @Test
  void aWorkOrderThatDoesNotParseIsOneProblemNamingItsLine() {
    WrittenPack pack =
        Packs.write(tmp.resolve("garbled"), packs.files("---\nid: [unclosed\n---\n# body\n"));

    EvidenceVerification v = EvidenceVerifier.verify(pack.dir(), packs.trusted);

    assertThat(v.problems())
        .singleElement()
        .asString()
        .startsWith("work-order.md: cannot be read as a work order")
        .contains("line")
        .doesNotContain("\n");
    assertThat(v.describe().lines().filter(l -> l.contains("PROBLEM")).count()).isEqualTo(1);
  }

  @Test
  void aZipEntryClimbingOutOfThePackIsAProblemAndNothingIsWritten() throws Exception {
    WrittenPack pack = signedPack();
    String top = pack.dir().getFileName() + "/";
    Packs.rezip(
        pack.zip(),
        e -> {
          e.put(top + "../../evil.txt", "pwned".getBytes(StandardCharsets.UTF_8));
          e.put("/tmp/absolute.txt", "pwned".getBytes(StandardCharsets.UTF_8));
        });
    List<Path> before = listAll(tmp);

    EvidenceVerification v = EvidenceVerifier.verify(pack.zip(), packs.trusted);

    assertThat(v.intact()).isFalse();
    assertThat(v.problems())
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("../../evil.txt", "'..'", "nothing was extracted"))
        .anySatisfy(p -> assertThat(p).contains("/tmp/absolute.txt", "absolute"));
    assertThat(v.filesChecked()).isEqualTo(pack.fileCount());
    assertThat(listAll(tmp)).isEqualTo(before);
    assertThat(tmp.resolve("evidence/evil.txt")).doesNotExist();
  }

  @Test
  void aPackLargerThanTheReadLimitIsAProblemNotAnOutOfMemory() {
    WrittenPack pack = signedPack();

    EvidenceVerification dir = EvidenceVerifier.verify(pack.dir(), packs.trusted, 100);
    EvidenceVerification zip = EvidenceVerifier.verify(pack.zip(), packs.trusted, 100);

    assertThat(dir.problems()).singleElement().asString().contains("more than 100 bytes");
    assertThat(zip.problems()).singleElement().asString().contains("more than 100 bytes");
  }

  @Test
  void aFileThatIsNotAZipIsAProblem() throws Exception {
    Path notZip = tmp.resolve("pack.zip");
    Files.writeString(notZip, "hello");

    EvidenceVerification v = EvidenceVerifier.verify(notZip, packs.trusted);

    assertThat(v.intact()).isFalse();
    assertThat(v.problems()).anySatisfy(p -> assertThat(p).contains("not a zip"));
  }

  @Test
  void nothingAtThePathIsBadInput() {
    SchemagateException e =
        catchThrowableOfType(
            () -> EvidenceVerifier.verify(tmp.resolve("nope"), packs.trusted),
            SchemagateException.class);

    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage()).contains("nope", "no evidence pack");
    assertThat(e.nextStep()).contains(".zip");
  }

  private static List<Path> listAll(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.sorted().toList();
    }
  }
}

package dev.schemagate.core.governance.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysTest {

  @TempDir Path tmp;

  @Test
  void generatedKeyFilesReadBackAsTheSamePair() throws IOException {
    KeyFiles files = Keys.generate(tmp.resolve("keys"), "alice");

    assertThat(files.privateKey()).isEqualTo(tmp.resolve("keys/alice.key"));
    assertThat(files.publicKey()).isEqualTo(tmp.resolve("keys/alice.pub"));
    assertThat(Files.readString(files.privateKey())).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(Files.readString(files.publicKey())).startsWith("-----BEGIN PUBLIC KEY-----\n");

    PrivateKey privateKey = Keys.readPrivate(files.privateKey());
    PublicKey publicKey = Keys.readPublic(files.publicKey());
    assertThat(Keys.fingerprint(publicKey)).isEqualTo(files.fingerprint());
    assertThat(Keys.inline(publicKey)).isEqualTo(files.inlinePublicKey());
    // The pair belongs together: the public key derived from the private file is the .pub file's.
    assertThat(Keys.publicKeyOf(privateKey).getEncoded()).isEqualTo(publicKey.getEncoded());
    assertThat(Keys.readKeyPair(files.privateKey()).getPublic().getEncoded())
        .isEqualTo(publicKey.getEncoded());
  }

  @Test
  void privateKeyFileIsOwnerOnly() throws IOException {
    // JUnit's assumption, not AssertJ's: the latter builds proxy classes, seconds on a cold JVM.
    assumeTrue(
        tmp.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "no POSIX permissions on this file system");

    KeyFiles files = Keys.generate(tmp, "alice");

    assertThat(files.ownerOnly()).isTrue();
    assertThat(Files.getPosixFilePermissions(files.privateKey()))
        .isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
  }

  @Test
  void refusesToOverwriteEitherExistingFile() throws IOException {
    Files.writeString(tmp.resolve("alice.key"), "old private");
    Files.writeString(tmp.resolve("bob.pub"), "old public");

    assertBadInput(() -> Keys.generate(tmp, "alice"), "alice.key", "already exists");
    assertBadInput(() -> Keys.generate(tmp, "bob"), "bob.pub", "already exists");

    assertThat(Files.readString(tmp.resolve("alice.key"))).isEqualTo("old private");
    assertThat(tmp.resolve("alice.pub")).doesNotExist();
    assertThat(Files.readString(tmp.resolve("bob.pub"))).isEqualTo("old public");
    assertThat(tmp.resolve("bob.key")).doesNotExist();
  }

  @Test
  void refusesAFileWhereTheKeyFolderBelongs() throws IOException {
    Path file = Files.writeString(tmp.resolve("keys"), "not a folder");

    assertBadInput(() -> Keys.generate(file, "alice"), "keys", "not a folder");
  }

  @Test
  void refusesKeyNamesThatAreNotPlainFileNames() {
    for (String name : List.of("", "../alice", "a/b", ".hidden", "x".repeat(65))) {
      assertBadInput(() -> Keys.generate(tmp, name), "not a plain file name");
    }
    assertThat(tmp).isEmptyDirectory();
  }

  @Test
  void malformedKeyFilesAreNamedWithTheLineAndTheNextStep() throws IOException {
    KeyFiles good = Keys.generate(tmp, "good");
    List<String> lines = Files.readAllLines(good.privateKey());

    Path damagedLine = tmp.resolve("damaged.key");
    Files.writeString(damagedLine, lines.get(0) + "\n" + lines.get(1) + "\n%%%%\n" + lines.get(2));
    assertBadInput(() -> Keys.readPrivate(damagedLine), "damaged.key", "line 3", "not base64");

    Path noEnd = tmp.resolve("cut.key");
    Files.writeString(noEnd, lines.get(0) + "\n" + lines.get(1) + "\n");
    assertBadInput(() -> Keys.readPrivate(noEnd), "cut.key", "line 1", "no END line");

    Path notPem = tmp.resolve("notes.key");
    Files.writeString(notPem, "just some text\n");
    assertBadInput(() -> Keys.readPrivate(notPem), "notes.key", "BEGIN PRIVATE KEY");

    Path truncated = tmp.resolve("short.key");
    Files.writeString(
        truncated,
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI\n-----END PRIVATE KEY-----\n");
    assertBadInput(() -> Keys.readPrivate(truncated), "short.key", "damaged");

    Path binary = tmp.resolve("binary.key");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
    assertBadInput(() -> Keys.readPrivate(binary), "binary.key", "binary");

    Path huge = tmp.resolve("huge.key");
    Files.write(huge, new byte[(int) Keys.MAX_KEY_FILE_BYTES + 1]);
    assertBadInput(() -> Keys.readPrivate(huge), "huge.key", "too large");

    assertBadInput(() -> Keys.readPrivate(tmp.resolve("missing.key")), "missing.key", "no such");
    assertBadInput(() -> Keys.readPrivate(tmp), tmp.toString(), "folder");
  }

  @Test
  void keysOfAnotherAlgorithmAreNamed() throws Exception {
    KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
    KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
    Path ecKey = pemFile("ec.key", "PRIVATE KEY", ec.getPrivate().getEncoded());
    Path ecPub = pemFile("ec.pub", "PUBLIC KEY", ec.getPublic().getEncoded());
    Path edKey = pemFile("ed448.key", "PRIVATE KEY", ed448.getPrivate().getEncoded());
    Path openssh = pemFile("id_ed25519", "OPENSSH PRIVATE KEY", new byte[] {1, 2, 3});
    Path rsa = pemFile("old.pem", "RSA PRIVATE KEY", new byte[] {1, 2, 3});

    assertBadInput(() -> Keys.readPrivate(ecKey), "ec.key", "is EC", "need Ed25519");
    assertBadInput(() -> Keys.readPublic(ecPub), "ec.pub", "is EC", "need Ed25519");
    assertBadInput(() -> Keys.readPrivate(edKey), "ed448.key", "is Ed448", "need Ed25519");
    assertBadInput(() -> Keys.readPrivate(openssh), "id_ed25519", "OpenSSH");
    assertBadInput(() -> Keys.readPrivate(rsa), "old.pem", "RSA");
    assertBadInput(
        () -> Keys.parseInline(Keys.INLINE_PREFIX + b64(ec.getPublic().getEncoded()), "cfg"),
        "cfg",
        "is EC");
  }

  @Test
  void aPublicKeyWhereThePrivateOneBelongsAndTheReverseAreExplained() {
    KeyFiles files = Keys.generate(tmp, "alice");

    assertBadInput(() -> Keys.readPrivate(files.publicKey()), "alice.pub", "holds a public key");
    assertBadInput(() -> Keys.readPublic(files.privateKey()), "alice.key", "PRIVATE key");
  }

  @Test
  void inlineFormRoundTripsAndIsReadFromAPubFileToo() throws IOException {
    KeyPair pair = Keys.newKeyPair();
    String inline = Keys.inline(pair.getPublic());

    assertThat(inline).startsWith("ed25519:").doesNotContain("\n");
    assertThat(Keys.parseInline("  " + inline + "\n", "cfg").getEncoded())
        .isEqualTo(pair.getPublic().getEncoded());
    Path oneLine = Files.writeString(tmp.resolve("carol.pub"), inline + "\n");
    assertThat(Keys.readPublic(oneLine).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    Path pem = Files.writeString(tmp.resolve("carol-pem.pub"), Keys.publicPem(pair.getPublic()));
    assertThat(Keys.readPublic(pem).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
  }

  @Test
  void malformedInlineKeysNameWhereTheyWereFound() {
    String where = "schemagate.yaml line 12 (people.alice.public_key)";

    assertBadInput(() -> Keys.parseInline("ssh-ed25519 AAAA", where), where, "ed25519:<base64>");
    assertBadInput(() -> Keys.parseInline("ed25519:***", where), where, "not valid base64");
    assertBadInput(() -> Keys.parseInline("ed25519:AAAA", where), where, "damaged");
    assertBadInput(() -> Keys.parseInline(null, where), where);
  }

  @Test
  void fingerprintIsStableAcrossFormsAndDiffersBetweenKeys() {
    KeyFiles files = Keys.generate(tmp, "alice");
    KeyPair other = Keys.newKeyPair();

    String fromFile = Keys.fingerprint(Keys.readPublic(files.publicKey()));
    String fromInline = Keys.fingerprint(Keys.parseInline(files.inlinePublicKey(), "cfg"));
    String fromPrivate = Keys.fingerprint(Keys.readKeyPair(files.privateKey()).getPublic());

    assertThat(fromFile)
        .matches("SHA256:[0-9a-f]{32}")
        .isEqualTo(fromInline)
        .isEqualTo(fromPrivate);
    assertThat(Keys.fingerprint(other.getPublic())).isNotEqualTo(fromFile);
  }

  @Test
  void noMessageOrPrintedValueCarriesPrivateKeyMaterial() throws IOException {
    KeyFiles files = Keys.generate(tmp, "alice");
    String privateBody = privateBase64(files.privateKey());
    KeyPair pair = Keys.readKeyPair(files.privateKey());

    // A private key pasted where a public key belongs: refused, and not repeated.
    SchemagateException pasted =
        catchBadInput(() -> Keys.parseInline(Keys.INLINE_PREFIX + privateBody, "cfg"));
    assertThat(pasted.getMessage()).contains("PRIVATE key");
    // A private key file passed as a public key, and a damaged private key file.
    SchemagateException swapped = catchBadInput(() -> Keys.readPublic(files.privateKey()));
    Path damaged = Files.writeString(tmp.resolve("damaged.key"), damage(files.privateKey()));
    SchemagateException broken = catchBadInput(() -> Keys.readPrivate(damaged));

    for (String printed :
        List.of(
            pasted.getMessage() + pasted.nextStep(),
            swapped.getMessage() + swapped.nextStep(),
            broken.getMessage() + broken.nextStep(),
            files.toString(),
            pair.getPrivate().toString())) {
      assertThat(printed).doesNotContain(privateBody.substring(0, 24));
      assertThat(printed).doesNotContain(privateBody.substring(privateBody.length() - 24));
    }
  }

  private static String privateBase64(Path keyFile) throws IOException {
    List<String> lines = Files.readAllLines(keyFile);
    return String.join("", lines.subList(1, lines.size() - 1));
  }

  /** The key file with its last base64 line corrupted. */
  private static String damage(Path keyFile) throws IOException {
    List<String> lines = Files.readAllLines(keyFile);
    return lines.get(0) + "\n" + lines.get(1) + "\n#" + lines.get(2) + "\n";
  }

  private Path pemFile(String name, String label, byte[] der) throws IOException {
    String pem =
        "-----BEGIN "
            + label
            + "-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
            + "\n-----END "
            + label
            + "-----\n";
    return Files.writeString(tmp.resolve(name), pem, StandardCharsets.US_ASCII);
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static void assertBadInput(ThrowingCallable call, String... fragments) {
    SchemagateException e = catchBadInput(call);
    assertThat(e.getMessage()).contains(fragments);
    assertThat(e.nextStep()).isNotBlank();
  }

  private static SchemagateException catchBadInput(ThrowingCallable call) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(thrown).isInstanceOf(SchemagateException.class);
    SchemagateException e = (SchemagateException) thrown;
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    return e;
  }

  @Test
  void assertBadInputFailsWhenNothingIsThrown() {
    // Guards the helper above: a call that succeeds must not pass as a refusal.
    assertThatThrownBy(() -> assertBadInput(() -> {}, "x")).isInstanceOf(AssertionError.class);
  }
}

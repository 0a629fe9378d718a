package dev.schemagate.core.governance.approval;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Ed25519 keys for approvals: generating them, their files, their inline form and fingerprints.
 * Only the JDK's own provider is used.
 *
 * <h2>Formats</h2>
 *
 * <ul>
 *   <li>{@code <name>.key}: the private key, PKCS#8, unencrypted, as PEM ({@code -----BEGIN PRIVATE
 *       KEY-----}). Created readable and writable by its owner only where the file system has POSIX
 *       permissions.
 *   <li>{@code <name>.pub}: the public key, X.509 SubjectPublicKeyInfo, as PEM ({@code -----BEGIN
 *       PUBLIC KEY-----}). {@link #readPublic} also accepts the inline form in that file.
 *   <li>Inline: {@code ed25519:<base64 of the X.509 encoding>}, one line, for {@code
 *       schemagate.yaml}.
 *   <li>Fingerprint: {@code SHA256:} and the first 16 bytes, in hex, of the SHA-256 of the X.509
 *       encoding. Stable for a key whatever form it was read from.
 * </ul>
 *
 * <h2>Errors</h2>
 *
 * A missing, malformed or wrong-kind key file is a {@link SchemagateException#badInput} (exit 2)
 * that names the file, the line where there is one, and what to do. Messages never quote the file's
 * content: a private key handed to the wrong option must not end up in a terminal or a log. No type
 * here holds private key material in a field or prints it.
 */
public final class Keys {

  /** The prefix of the inline form. */
  public static final String INLINE_PREFIX = "ed25519:";

  /** A key file is a few hundred bytes; anything larger is not one, and is not read whole. */
  static final long MAX_KEY_FILE_BYTES = 64 * 1024;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern BASE64_LINE = Pattern.compile("[A-Za-z0-9+/]*={0,2}");
  private static final String PRIVATE_LABEL = "PRIVATE KEY";
  private static final String PUBLIC_LABEL = "PUBLIC KEY";
  private static final String ED25519_OID = "1.3.101.112";
  private static final Map<String, String> KNOWN_ALGORITHMS =
      Map.of(
          ED25519_OID,
          "Ed25519",
          "1.3.101.113",
          "Ed448",
          "1.3.101.110",
          "X25519",
          "1.3.101.111",
          "X448",
          "1.2.840.113549.1.1.1",
          "RSA",
          "1.2.840.10045.2.1",
          "EC",
          "1.2.840.10040.4.1",
          "DSA");
  private static final String NEW_KEY = "generate an Ed25519 pair with `schemagate keys new`";

  private Keys() {}

  /** A fresh Ed25519 key pair from the JDK's strong default randomness. */
  public static KeyPair newKeyPair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw missingEd25519(e);
    }
  }

  /**
   * Generates a key pair and writes {@code <name>.key} and {@code <name>.pub} into {@code
   * directory} (created if missing).
   *
   * <p>Never overwrites: if either file exists, nothing is written and a bad-input error says so.
   * Replacing a key is a deliberate act (approvals signed with the old key stop verifying once its
   * public key leaves the configuration), so it is left to the person.
   *
   * @param name a plain file name stem: letters, digits, '.', '_' and '-', starting with a letter
   *     or digit, at most 64 characters
   */
  public static KeyFiles generate(Path directory, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw SchemagateException.badInput(
          "key name '"
              + (name == null ? "" : name)
              + "' is not a plain file name (letters, digits, '.', '_', '-'; at most 64)",
          "pass a name such as 'alice' or 'ci-agent'");
    }
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw SchemagateException.badInput(
          directory + ": is a file, not a folder for the key files", "pass a folder");
    }
    Path privateFile = directory.resolve(name + ".key");
    Path publicFile = directory.resolve(name + ".pub");
    for (Path p : List.of(privateFile, publicFile)) {
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        throw alreadyExists(p);
      }
    }
    KeyPair pair = newKeyPair();
    boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    Path created = null;
    try {
      Files.createDirectories(directory);
      byte[] pem = pem(PRIVATE_LABEL, pair.getPrivate().getEncoded());
      try {
        if (posix) {
          // Created with its permissions in one step: never readable by others, not even briefly.
          Files.createFile(
              privateFile,
              PosixFilePermissions.asFileAttribute(
                  EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        } else {
          Files.createFile(privateFile);
        }
        created = privateFile;
        Files.write(privateFile, pem, StandardOpenOption.WRITE);
      } finally {
        Arrays.fill(pem, (byte) 0);
      }
      Files.write(
          publicFile,
          pem(PUBLIC_LABEL, pair.getPublic().getEncoded()),
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      boolean ownerOnly =
          posix
              && Files.getPosixFilePermissions(privateFile)
                  .equals(
                      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
      return new KeyFiles(
          privateFile,
          publicFile,
          fingerprint(pair.getPublic()),
          inline(pair.getPublic()),
          ownerOnly);
    } catch (FileAlreadyExistsException e) {
      // Another process created one of them since the check above.
      deleteQuietly(created);
      throw alreadyExists(e.getFile() == null ? privateFile : Path.of(e.getFile()));
    } catch (IOException e) {
      deleteQuietly(created);
      throw new SchemagateException(
          ExitCode.FAILED,
          directory + ": could not write the key files (" + e + ")",
          "check that the folder exists and is writable, then run the command again",
          e);
    }
  }

  /**
   * Reads a private key written by {@link #generate}.
   *
   * @throws SchemagateException bad input naming the file: missing, not PEM, damaged, a public key,
   *     or a key of another algorithm
   */
  public static PrivateKey readPrivate(Path file) {
    String text = readText(file);
    Pem pem = parsePem(file, text);
    if (pem == null) {
      String t = text.strip();
      if (t.startsWith(INLINE_PREFIX) || t.startsWith("ssh-")) {
        throw SchemagateException.badInput(
            file + ": holds a public key; signing needs the private key",
            "pass the .key file written by `schemagate keys new` next to this one");
      }
      throw SchemagateException.badInput(
          file + ": not a private key file (no '-----BEGIN PRIVATE KEY-----' line)",
          "pass the .key file written by `schemagate keys new`");
    }
    if (pem.label().equals(PUBLIC_LABEL)) {
      throw SchemagateException.badInput(
          file + ": holds a public key; signing needs the private key",
          "pass the .key file written by `schemagate keys new` next to this one");
    }
    if (!pem.label().equals(PRIVATE_LABEL)) {
      throw foreignPem(file, pem.label());
    }
    requireEd25519(file, "private", algorithmOf(pem.der(), true));
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pem.der()));
    } catch (GeneralSecurityException e) {
      throw damaged(file);
    } finally {
      Arrays.fill(pem.der(), (byte) 0);
    }
  }

  /** Reads a private key and derives its public key, see {@link #publicKeyOf(PrivateKey)}. */
  public static KeyPair readKeyPair(Path privateKeyFile) {
    PrivateKey privateKey = readPrivate(privateKeyFile);
    return new KeyPair(publicKeyOf(privateKey), privateKey);
  }

  /**
   * Reads a public key file: PEM as written by {@link #generate}, or one line in the inline form.
   *
   * @throws SchemagateException bad input naming the file: missing, malformed, a private key, or a
   *     key of another algorithm
   */
  public static PublicKey readPublic(Path file) {
    String text = readText(file);
    Pem pem = parsePem(file, text);
    if (pem == null) {
      String t = text.strip();
      if (t.startsWith(INLINE_PREFIX)) {
        return parseInline(t, file.toString());
      }
      if (t.startsWith("ssh-")) {
        throw SchemagateException.badInput(
            file + ": is an OpenSSH public key; schemagate approvals use their own key files",
            NEW_KEY);
      }
      throw SchemagateException.badInput(
          file + ": not a public key file (no '-----BEGIN PUBLIC KEY-----' line, no 'ed25519:')",
          "pass the .pub file written by `schemagate keys new`");
    }
    if (pem.label().equals(PRIVATE_LABEL)) {
      throw SchemagateException.badInput(
          file + ": holds a PRIVATE key where a public key belongs",
          "use the .pub file next to it, and keep this one secret: never put it in configuration");
    }
    if (!pem.label().equals(PUBLIC_LABEL)) {
      throw foreignPem(file, pem.label());
    }
    requireEd25519(file.toString(), "public", algorithmOf(pem.der(), false));
    return decodePublic(pem.der(), file.toString());
  }

  /**
   * Parses the inline form {@code ed25519:<base64 of the X.509 encoding>} found at {@code where}
   * (for messages, e.g. {@code "schemagate.yaml line 12 (people.alice.public_key)"}). Surrounding
   * whitespace is ignored.
   *
   * @throws SchemagateException bad input naming {@code where}; the message never repeats the value
   */
  public static PublicKey parseInline(String text, String where) {
    String t = text == null ? "" : text.strip();
    if (!t.startsWith(INLINE_PREFIX)) {
      throw SchemagateException.badInput(
          where + ": a public key must read 'ed25519:<base64>'",
          "copy the inline key that `schemagate keys new` printed, or the .pub file's one line");
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(t.substring(INLINE_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw SchemagateException.badInput(
          where + ": the public key after 'ed25519:' is not valid base64",
          "copy the inline key again, whole and on one line");
    }
    if (algorithmOf(der, true).isPresent()) {
      Arrays.fill(der, (byte) 0);
      throw SchemagateException.badInput(
          where + ": holds a PRIVATE key where a public key belongs",
          "remove it now and put the public key there instead; anyone who saw this file could sign"
              + " as its owner, so "
              + NEW_KEY
              + " and configure the new public key");
    }
    requireEd25519(where, "public", algorithmOf(der, false));
    return decodePublic(der, where);
  }

  /** {@code key} in the inline form, {@code ed25519:<base64 of the X.509 encoding>}. */
  public static String inline(PublicKey key) {
    requireEd25519Key(key);
    return INLINE_PREFIX + Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /** {@code key} as PEM text, as in a {@code .pub} file. */
  public static String publicPem(PublicKey key) {
    requireEd25519Key(key);
    return new String(pem(PUBLIC_LABEL, key.getEncoded()), StandardCharsets.US_ASCII);
  }

  /**
   * {@code SHA256:} and the first 16 bytes, in hex, of the SHA-256 of the key's X.509 encoding. The
   * same key always gives the same fingerprint, whichever form it was read from.
   */
  public static String fingerprint(PublicKey key) {
    String full = CanonicalForm.sha256Hex(key.getEncoded());
    return "SHA256:" + full.substring(0, 32);
  }

  /**
   * The public key that belongs to an Ed25519 private key, so that a signer needs only the private
   * key file and its owner can be found by fingerprint.
   *
   * <p>The JDK has no call for this; the key pair generator is fed the private key's seed as its
   * randomness, which gives the same pair. That relies on how the JDK generator uses its
   * randomness, so the result is checked by signing and verifying a test message before it is
   * returned.
   *
   * @throws SchemagateException if the key is not an Ed25519 key with extractable bytes, or the
   *     derived key does not match
   */
  public static PublicKey publicKeyOf(PrivateKey privateKey) {
    if (!(privateKey instanceof java.security.interfaces.EdECPrivateKey ed) || !isEd25519(ed)) {
      throw SchemagateException.badInput(
          "the signing key is not an Ed25519 private key", "sign with a key from " + NEW_KEY);
    }
    byte[] seed =
        ed.getBytes()
            .orElseThrow(
                () ->
                    SchemagateException.badInput(
                        "the signing key's bytes cannot be read (a hardware or non-exportable key)",
                        "sign with a key file from " + NEW_KEY));
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
      PublicKey derived = generator.generateKeyPair().getPublic();
      byte[] probe = "schemagate public key derivation check".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(privateKey);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(derived);
      verifier.update(probe);
      if (!verifier.verify(signature)) {
        throw new SchemagateException(
            ExitCode.FAILED,
            "cannot derive the public key of an Ed25519 private key on this JDK ("
                + System.getProperty("java.vendor")
                + " "
                + System.getProperty("java.version")
                + ")",
            "run schemagate on an OpenJDK 17 or later build");
      }
      return derived;
    } catch (GeneralSecurityException | IllegalStateException e) {
      throw missingEd25519(e);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** A PEM block: its label and the decoded bytes between BEGIN and END. */
  private record Pem(String label, byte[] der) {}

  /** Hands the generator the seed once; a second request means the generator changed. */
  private static final class SeedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private transient byte[] seed;

    SeedRandom(byte[] seed) {
      this.seed = seed;
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (seed == null || bytes.length != seed.length) {
        throw new IllegalStateException("unexpected use of randomness while deriving a public key");
      }
      System.arraycopy(seed, 0, bytes, 0, bytes.length);
      seed = null;
    }
  }

  private static String readText(Path file) {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw SchemagateException.badInput(
            file + ": is a folder, not a key file", "pass the key file itself");
      }
      long size = Files.size(file);
      if (size > MAX_KEY_FILE_BYTES) {
        throw SchemagateException.badInput(
            file + ": is " + size + " bytes, too large for a key file", "pass the key file itself");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw SchemagateException.badInput(
          file + ": no such key file", "check the path, or " + NEW_KEY);
    } catch (IOException e) {
      throw SchemagateException.badInput(
          file + ": cannot be read (" + e.getClass().getSimpleName() + ")",
          "check the path and the file's permissions");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw SchemagateException.badInput(
          file + ": is a binary file, not a PEM key file",
          "pass the file `schemagate keys new` wrote");
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The first PEM block in {@code text}, or null when there is no BEGIN line. */
  private static Pem parsePem(Path file, String text) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    int begin = -1;
    String label = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.startsWith("-----BEGIN ") && line.endsWith("-----") && line.length() > 16) {
        begin = i;
        label = line.substring("-----BEGIN ".length(), line.length() - "-----".length());
        break;
      }
    }
    if (begin < 0) {
      return null;
    }
    String end = "-----END " + label + "-----";
    StringBuilder body = new StringBuilder();
    for (int i = begin + 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.equals(end)) {
        try {
          return new Pem(label, Base64.getDecoder().decode(body.toString()));
        } catch (IllegalArgumentException e) {
          throw SchemagateException.badInput(
              file + ": lines " + (begin + 2) + "-" + i + ": the key's base64 is damaged",
              "restore the file from where it came, or " + NEW_KEY);
        }
      }
      if (!BASE64_LINE.matcher(line).matches()) {
        // Headers such as 'Proc-Type: 4,ENCRYPTED' land here too: this format has none.
        throw SchemagateException.badInput(
            file + ": line " + (i + 1) + ": not base64 inside the " + label + " block",
            "restore the file from where it came, or " + NEW_KEY);
      }
      body.append(line);
    }
    throw SchemagateException.badInput(
        file + ": line " + (begin + 1) + ": '-----BEGIN " + label + "-----' has no END line",
        "the file is cut short: restore it from where it came, or " + NEW_KEY);
  }

  private static SchemagateException foreignPem(Path file, String label) {
    String what =
        switch (label) {
          case "OPENSSH PRIVATE KEY" -> "an OpenSSH private key";
          case "ENCRYPTED PRIVATE KEY" -> "a password-protected private key";
          case "RSA PRIVATE KEY", "RSA PUBLIC KEY" -> "an RSA key";
          case "EC PRIVATE KEY" -> "an EC key";
          case "DSA PRIVATE KEY" -> "a DSA key";
          case "CERTIFICATE" -> "a certificate";
          default -> "a '" + label + "' block";
        };
    return SchemagateException.badInput(
        file + ": is " + what + ", not an Ed25519 key in schemagate's format", NEW_KEY);
  }

  private static void requireEd25519(Path file, String kind, Optional<String> oid) {
    requireEd25519(file.toString(), kind, oid);
  }

  private static void requireEd25519(String where, String kind, Optional<String> oid) {
    if (oid.isEmpty()) {
      throw SchemagateException.badInput(
          where + ": the " + kind + " key's encoding is damaged",
          "restore it from where it came, or " + NEW_KEY);
    }
    if (!oid.get().equals(ED25519_OID)) {
      String name = KNOWN_ALGORITHMS.getOrDefault(oid.get(), "algorithm " + oid.get());
      throw SchemagateException.badInput(
          where + ": the " + kind + " key is " + name + ", but approvals need Ed25519", NEW_KEY);
    }
  }

  private static PublicKey decodePublic(byte[] der, String where) {
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw SchemagateException.badInput(
          where + ": the public key's encoding is damaged",
          "copy it again from the owner's .pub file");
    }
  }

  private static void requireEd25519Key(PublicKey key) {
    if (!(key instanceof EdECKey ed) || !isEd25519(ed)) {
      throw new IllegalArgumentException(
          "not an Ed25519 public key: " + (key == null ? "null" : key.getAlgorithm()));
    }
  }

  private static boolean isEd25519(EdECKey key) {
    return "Ed25519".equalsIgnoreCase(key.getParams().getName());
  }

  /**
   * The algorithm OID (dotted) of a PKCS#8 ({@code pkcs8}) or X.509 SubjectPublicKeyInfo encoding,
   * or empty when the bytes do not have that shape.
   */
  static Optional<String> algorithmOf(byte[] der, boolean pkcs8) {
    try {
      Der d = new Der(der);
      d.enter(0x30);
      if (pkcs8) {
        d.skip(d.enter(0x02));
      }
      d.enter(0x30);
      return Optional.of(d.oid());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Just enough DER reading to find an algorithm identifier; every read is bounds-checked. */
  private static final class Der {
    private final byte[] bytes;
    private int pos;

    Der(byte[] bytes) {
      this.bytes = bytes;
    }

    /** Reads a tag and a length; returns the length. */
    int enter(int tag) {
      if (next() != tag) {
        throw new IllegalArgumentException("unexpected tag");
      }
      int first = next();
      int length;
      if (first < 0x80) {
        length = first;
      } else {
        int n = first & 0x7f;
        if (n == 0 || n > 3) {
          throw new IllegalArgumentException("unsupported length");
        }
        length = 0;
        for (int i = 0; i < n; i++) {
          length = (length << 8) | next();
        }
      }
      if (length > bytes.length - pos) {
        throw new IllegalArgumentException("length past the end");
      }
      return length;
    }

    void skip(int n) {
      pos += n;
    }

    String oid() {
      int length = enter(0x06);
      if (length == 0) {
        throw new IllegalArgumentException("empty OID");
      }
      int end = pos + length;
      int first = next();
      StringBuilder out = new StringBuilder();
      out.append(Math.min(first / 40, 2)).append('.').append(first - 40 * Math.min(first / 40, 2));
      long arc = 0;
      while (pos < end) {
        int b = next();
        arc = (arc << 7) | (b & 0x7f);
        if (arc > Integer.MAX_VALUE) {
          throw new IllegalArgumentException("OID arc too large");
        }
        if ((b & 0x80) == 0) {
          out.append('.').append(arc);
          arc = 0;
        }
      }
      return out.toString();
    }

    private int next() {
      if (pos >= bytes.length) {
        throw new IllegalArgumentException("truncated");
      }
      return bytes[pos++] & 0xff;
    }
  }

  private static byte[] pem(String label, byte[] der) {
    byte[] base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encode(der);
    ByteArrayOutputStream out = new ByteArrayOutputStream(base64.length + 64);
    out.writeBytes(("-----BEGIN " + label + "-----\n").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(base64);
    out.writeBytes(("\n-----END " + label + "-----\n").getBytes(StandardCharsets.US_ASCII));
    Arrays.fill(base64, (byte) 0);
    return out.toByteArray();
  }

  private static SchemagateException alreadyExists(Path p) {
    return SchemagateException.badInput(
        p + ": already exists; schemagate never overwrites a key file",
        "choose another name, or move the old pair away first if you mean to replace it"
            + " (approvals signed with the old key stop verifying once its public key leaves the"
            + " configuration)");
  }

  private static SchemagateException damaged(Path file) {
    return SchemagateException.badInput(
        file + ": the private key's encoding is damaged", "restore it, or " + NEW_KEY);
  }

  private static SchemagateException missingEd25519(Exception e) {
    return new SchemagateException(
        ExitCode.FAILED,
        "Ed25519 is not available in this JDK (" + e.getClass().getSimpleName() + ")",
        "run schemagate on Java 17 or later with the standard security providers",
        e);
  }

  private static void deleteQuietly(Path p) {
    if (p == null) {
      return;
    }
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // The original error is the one to report; a leftover empty file is refused next time.
    }
  }
}

package dev.schemagate.core.governance.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.governance.approval.Approval;
import dev.schemagate.core.governance.approval.Approvals;
import dev.schemagate.core.governance.approval.CanonicalForm;
import dev.schemagate.core.governance.approval.Verification;
import dev.schemagate.core.governance.workorder.WorkOrder;
import dev.schemagate.core.governance.workorder.WorkOrderFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks an evidence pack written by {@link EvidencePack#write}, as a directory or as its zip.
 *
 * <p>What is checked, each defect reported as one problem line naming the file:
 *
 * <ol>
 *   <li>{@code manifest.json} is present, is JSON and has format {@value EvidencePack#FORMAT};
 *   <li>every file it lists is present with the listed size and SHA-256;
 *   <li>no file is present that it does not list;
 *   <li>if the pack holds {@code work-order.md}, every approval stored in it verifies ({@link
 *       Approvals#verify}) against the canonical form of that work order and the trusted keys.
 * </ol>
 *
 * <p>The verifier never throws for a damaged or tampered pack; only a path with no pack at all is
 * an error. A zip is streamed entry by entry and never extracted: an entry named with {@code ..},
 * an absolute path or a backslash is a problem, not a file. Every file is hashed as it streams;
 * only the manifest, {@code work-order.md} and {@code people.json} are kept in memory to be parsed.
 * Reading stops with a problem once {@value #MAX_BYTES_TEXT} of content has been read, so a zip
 * bomb costs bounded time; the trap is that a genuine pack above that size cannot be verified
 * either.
 *
 * <h2>Traps</h2>
 *
 * <ul>
 *   <li>The manifest is not signed. A pack whose files and manifest were rewritten together is
 *       "intact"; only comparing {@link EvidenceVerification#manifestSha256()} with the value
 *       recorded at execution time (the audit log) catches that. The approvals protect the work
 *       order's canonical content, not the execution evidence.
 *   <li>With {@code trustedKeys == null} the keys come from the pack's own {@code people.json}, so
 *       a forger who rewrote that file too would pass; the result says so in a note. Pass the
 *       configured keys whenever they are at hand.
 *   <li>A zip is read through its local entry headers in order (as {@link ZipInputStream} does),
 *       not through its central directory; a crafted zip that shows other tools different content
 *       is checked for what this reader sees.
 * </ul>
 */
public final class EvidenceVerifier {

  /** The most content read from one pack, 512 MiB. */
  public static final long MAX_BYTES = 512L << 20;

  private static final String MAX_BYTES_TEXT = "512 MiB";

  /** The work order's name inside a pack. */
  public static final String WORK_ORDER = "work-order.md";

  private static final int SHORT_HASH = 12;

  /** The files whose bytes are parsed after reading; all others are only hashed. */
  private static final Set<String> KEPT =
      Set.of(EvidencePack.MANIFEST, WORK_ORDER, PeopleFile.NAME);

  private EvidenceVerifier() {}

  /**
   * Verifies the pack at {@code dirOrZip}.
   *
   * @param dirOrZip the pack's directory or its {@code .zip}
   * @param trustedKeys each person's public key, by name, to verify approvals with; null to take
   *     them from the pack's {@code people.json} (noted in the result)
   * @throws SchemagateException bad input when nothing is at {@code dirOrZip}, or it is neither a
   *     directory nor a file
   */
  public static EvidenceVerification verify(Path dirOrZip, Map<String, PublicKey> trustedKeys) {
    return verify(dirOrZip, trustedKeys, MAX_BYTES);
  }

  /** {@link #verify(Path, Map)} with another read limit, for tests. */
  static EvidenceVerification verify(
      Path dirOrZip, Map<String, PublicKey> trustedKeys, long maxBytes) {
    if (dirOrZip == null || !Files.exists(dirOrZip)) {
      throw SchemagateException.badInput(
          dirOrZip + ": no evidence pack there",
          "give the pack's directory (evidence/<WO>/<timestamp>) or its .zip");
    }
    Check check = new Check(dirOrZip, maxBytes);
    if (Files.isDirectory(dirOrZip)) {
      check.readDirectory();
    } else if (Files.isRegularFile(dirOrZip)) {
      check.readZip();
    } else {
      throw SchemagateException.badInput(
          dirOrZip + ": is neither a directory nor a file",
          "give the pack's directory (evidence/<WO>/<timestamp>) or its .zip");
    }
    if (check.overLimit) {
      check.problems.add(
          "the pack holds more than "
              + (maxBytes == MAX_BYTES ? MAX_BYTES_TEXT : maxBytes + " bytes")
              + " of content; stopped reading, nothing else was checked");
    } else {
      check.compareWithManifest();
      check.verifySignatures(trustedKeys);
    }
    return check.result();
  }

  /** The state of one verification; lives for one call only. */
  private static final class Check {
    private final Path pack;
    private final long maxBytes;
    private long bytesRead;
    private boolean overLimit;

    /** Every file read, by name inside the pack: its hash and size. */
    private final Map<String, Digest> files = new TreeMap<>(CanonicalForm.CODE_POINT_ORDER);

    /** The bytes of the few files that are parsed; every other file is hashed as it streams. */
    private final Map<String, byte[]> kept = new TreeMap<>();

    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String manifestSha256 = "";
    private int filesChecked;
    private int signaturesValid;

    Check(Path pack, long maxBytes) {
      this.pack = pack;
      this.maxBytes = maxBytes;
    }

    EvidenceVerification result() {
      return new EvidenceVerification(
          pack,
          problems.isEmpty(),
          manifestSha256,
          filesChecked,
          signaturesValid,
          oneLineEach(problems),
          oneLineEach(notes));
    }

    /** A problem is one line: messages quoted from parsers must not break the report's layout. */
    private static List<String> oneLineEach(List<String> lines) {
      return lines.stream().map(l -> show(l.replace("\r\n", " ").replace('\n', ' '))).toList();
    }

    void readDirectory() {
      List<Path> paths;
      try (Stream<Path> walk = Files.walk(pack)) {
        paths = walk.sorted().toList();
      } catch (IOException | java.io.UncheckedIOException e) {
        problems.add(pack + ": cannot list the pack's files: " + e.getMessage());
        return;
      }
      for (Path p : paths) {
        if (p.equals(pack)) {
          continue;
        }
        String name = relativeName(p);
        if (Files.isSymbolicLink(p)) {
          problems.add(show(name) + ": is a symbolic link; a pack holds regular files only");
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        } else if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          problems.add(show(name) + ": is not a regular file");
        } else {
          try (InputStream in = Files.newInputStream(p)) {
            if (!read(name, in)) {
              return;
            }
          } catch (IOException e) {
            problems.add(show(name) + ": cannot be read: " + e.getMessage());
          }
        }
      }
    }

    private String relativeName(Path p) {
      List<String> parts = new ArrayList<>();
      for (Path part : pack.relativize(p)) {
        parts.add(part.toString());
      }
      return String.join("/", parts);
    }

    void readZip() {
      String top = null;
      Set<String> seen = new HashSet<>();
      int entries = 0;
      try (InputStream in = Files.newInputStream(pack);
          ZipInputStream zip = new ZipInputStream(in)) {
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
          entries++;
          String raw = entry.getName();
          String name = entry.isDirectory() ? raw.substring(0, raw.length() - 1) : raw;
          String bad = EvidenceFile.nameProblem(name);
          if (bad != null) {
            problems.add("zip entry " + bad + "; ignored, nothing was extracted");
            continue;
          }
          if (entry.isDirectory()) {
            continue;
          }
          int slash = name.indexOf('/');
          if (slash < 0) {
            problems.add(
                "zip entry '" + show(name) + "' is outside the pack's top folder; ignored");
            continue;
          }
          String folder = name.substring(0, slash);
          if (top == null) {
            top = folder;
          } else if (!top.equals(folder)) {
            problems.add(
                "zip entry '"
                    + show(name)
                    + "' is outside the pack's top folder '"
                    + show(top)
                    + "'; ignored");
            continue;
          }
          String inner = name.substring(slash + 1);
          if (!seen.add(inner)) {
            problems.add(show(inner) + ": appears twice in the zip; the first one was checked");
            continue;
          }
          if (!read(inner, zip)) {
            return;
          }
        }
      } catch (IOException e) {
        problems.add(pack + ": cannot be read as a zip: " + e.getMessage());
        return;
      } catch (IllegalArgumentException e) {
        // ZipInputStream's way of saying an entry's name is not valid in its encoding.
        problems.add(pack + ": cannot be read as a zip: an entry's name is malformed");
        return;
      }
      if (entries == 0) {
        problems.add(pack + ": is not a zip archive, or an empty one");
      }
    }

    /**
     * Hashes the rest of {@code in} as the file {@code name}, keeping the bytes of the files that
     * are parsed later. False, with {@link #overLimit} set, once the pack's read limit is passed.
     */
    private boolean read(String name, InputStream in) throws IOException {
      MessageDigest sha256 = sha256();
      boolean keep = KEPT.contains(name);
      ByteArrayOutputStream out = keep ? new ByteArrayOutputStream() : null;
      byte[] buffer = new byte[64 * 1024];
      long size = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (n > maxBytes - bytesRead) {
          overLimit = true;
          return false;
        }
        bytesRead += n;
        size += n;
        sha256.update(buffer, 0, n);
        if (keep) {
          out.write(buffer, 0, n);
        }
      }
      files.put(name, new Digest(HexFormat.of().formatHex(sha256.digest()), size));
      if (keep) {
        kept.put(name, out.toByteArray());
      }
      return true;
    }

    void compareWithManifest() {
      byte[] manifest = kept.get(EvidencePack.MANIFEST);
      files.remove(EvidencePack.MANIFEST);
      String unchecked = "; none of the " + files.size() + " file(s) can be checked";
      if (manifest == null) {
        problems.add(EvidencePack.MANIFEST + ": missing" + unchecked);
        return;
      }
      manifestSha256 = CanonicalForm.sha256Hex(manifest);
      JsonNode root;
      try {
        root = Json.MAPPER.readTree(manifest);
      } catch (IOException e) {
        String what = e instanceof JsonProcessingException j ? Json.describe(j) : e.getMessage();
        problems.add(EvidencePack.MANIFEST + ": " + what + " (not valid JSON)" + unchecked);
        return;
      }
      if (root == null || !root.isObject()) {
        problems.add(EvidencePack.MANIFEST + ": is not a JSON object" + unchecked);
        return;
      }
      JsonNode format = root.get("format");
      if (format == null || !EvidencePack.FORMAT.equals(format.asText())) {
        problems.add(
            EvidencePack.MANIFEST
                + ": format is "
                + (format == null ? "missing" : "'" + show(format.asText()) + "'")
                + ", expected '"
                + EvidencePack.FORMAT
                + "'");
      }
      if (root.path("created").isTextual()) {
        List<String> facts = new ArrayList<>();
        root.path("metadata")
            .fields()
            .forEachRemaining(e -> facts.add(e.getKey() + "=" + e.getValue().asText()));
        notes.add(
            "written "
                + show(root.get("created").asText())
                + (facts.isEmpty() ? "" : " (" + show(String.join(", ", facts)) + ")"));
      }
      JsonNode listed = root.get("files");
      if (listed == null || !listed.isArray()) {
        problems.add(EvidencePack.MANIFEST + ": has no \"files\" list" + unchecked);
        return;
      }
      Set<String> expected = new HashSet<>();
      int i = 0;
      for (JsonNode entry : listed) {
        String where = EvidencePack.MANIFEST + ": files[" + i++ + "]";
        String name = entry.path("name").isTextual() ? entry.get("name").asText() : null;
        String sha = entry.path("sha256").isTextual() ? entry.get("sha256").asText() : null;
        JsonNode size = entry.get("size");
        if (name == null || sha == null || size == null || !size.isIntegralNumber()) {
          problems.add(where + ": needs a name, a size and a sha256");
          continue;
        }
        String bad = EvidenceFile.nameProblem(name);
        if (bad != null) {
          problems.add(where + ": " + bad);
          continue;
        }
        if (!expected.add(name)) {
          problems.add(where + ": '" + show(name) + "' is listed twice");
          continue;
        }
        Digest actual = files.get(name);
        if (actual == null) {
          problems.add(show(name) + ": listed in the manifest but missing from the pack");
          continue;
        }
        filesChecked++;
        long expectedSize = size.asLong();
        if (!actual.sha256().equalsIgnoreCase(sha) || actual.size() != expectedSize) {
          problems.add(
              show(name)
                  + ": changed since the pack was written: sha256 expected "
                  + shortHash(sha)
                  + ", actual "
                  + shortHash(actual.sha256())
                  + "; size expected "
                  + expectedSize
                  + ", actual "
                  + actual.size());
        }
      }
      for (String name : files.keySet()) {
        if (!expected.contains(name)) {
          problems.add(
              show(name) + ": present but not listed in the manifest (added after writing?)");
        }
      }
    }

    void verifySignatures(Map<String, PublicKey> trustedKeys) {
      byte[] woBytes = kept.get(WORK_ORDER);
      if (woBytes == null) {
        notes.add("no " + WORK_ORDER + " in the pack: no signatures to check");
        return;
      }
      Path woPath = Path.of(pack.toString(), WORK_ORDER);
      WorkOrder wo;
      byte[] canonical;
      try {
        wo = WorkOrderFile.parse(utf8(woBytes), woPath);
        canonical = CanonicalForm.encode(WorkOrderFile.canonicalFields(wo));
      } catch (CharacterCodingException e) {
        problems.add(WORK_ORDER + ": is not UTF-8 text; its approvals cannot be checked");
        return;
      } catch (SchemagateException | IllegalArgumentException e) {
        problems.add(WORK_ORDER + ": cannot be read as a work order (" + e.getMessage() + ")");
        return;
      }
      if (wo.approvals().isEmpty()) {
        notes.add(WORK_ORDER + ": " + show(wo.id()) + " records no approvals; nothing to verify");
        return;
      }
      Map<String, PublicKey> keys = trustedKeys;
      if (keys == null) {
        keys = keysFromPack();
        if (keys == null) {
          return;
        }
      }
      int n = 0;
      for (Map<String, String> stored : wo.approvals()) {
        String where = WORK_ORDER + ": approval " + ++n;
        Approval approval;
        try {
          approval = Approval.fromStored(stored);
        } catch (IllegalArgumentException e) {
          problems.add(where + ": " + e.getMessage());
          continue;
        }
        Verification v;
        try {
          v = Approvals.verify(canonical, approval, keys);
        } catch (SchemagateException e) {
          problems.add(where + ": " + e.getMessage());
          continue;
        }
        if (v.valid()) {
          signaturesValid++;
        } else {
          problems.add(
              where
                  + ": "
                  + v.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                  + ": "
                  + v.reason());
        }
      }
    }

    /** The keys of the pack's own people.json, or null after reporting why there are none. */
    private Map<String, PublicKey> keysFromPack() {
      byte[] people = kept.get(PeopleFile.NAME);
      if (people == null) {
        problems.add(
            WORK_ORDER
                + ": its approvals cannot be checked: no trusted keys were given and the pack has"
                + " no "
                + PeopleFile.NAME);
        return null;
      }
      try {
        Map<String, PublicKey> keys = PeopleFile.parse(utf8(people));
        notes.add(
            "trusted keys came from the pack's own "
                + PeopleFile.NAME
                + ": the signatures prove no more than the manifest's SHA-256 is anchored"
                + " elsewhere (the audit log)");
        return keys;
      } catch (CharacterCodingException e) {
        problems.add(PeopleFile.NAME + ": is not UTF-8 text");
      } catch (SchemagateException e) {
        problems.add(e.getMessage());
      }
      return null;
    }
  }

  /** A file's hash and size as read. */
  private record Digest(String sha256, long size) {}

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static String utf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static String shortHash(String hex) {
    String h = show(hex);
    return h.length() > SHORT_HASH ? h.substring(0, SHORT_HASH) : h;
  }

  private static String show(String s) {
    return EvidenceFile.printable(s);
  }
}

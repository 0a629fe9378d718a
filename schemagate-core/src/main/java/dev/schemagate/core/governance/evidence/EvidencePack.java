package dev.schemagate.core.governance.evidence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.governance.approval.CanonicalForm;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an evidence pack: a directory holding the given files and a {@code manifest.json} with the
 * size and SHA-256 of each, plus the same content as a {@code .zip} next to it.
 *
 * <h2>Layout</h2>
 *
 * <pre>
 * evidence/WO-MIGRATION-007/20261122T014000Z/        the directory
 *   manifest.json
 *   work-order.md, people.json, lint.txt, ...        the caller's files
 * evidence/WO-MIGRATION-007/20261122T014000Z.zip     every file under one top folder
 *                                                    named like the directory
 * </pre>
 *
 * <h2>Manifest, format {@value #FORMAT}</h2>
 *
 * <pre>
 * {
 *   "format" : "schemagate-evidence/1",
 *   "created" : "2026-11-22T01:40:00Z",
 *   "metadata" : { "environment" : "staging", "work_order" : "WO-MIGRATION-007" },
 *   "files" : [ { "name" : "lint.txt", "size" : 120, "sha256" : "9f2c..." } ]
 * }
 * </pre>
 *
 * Keys in this order, metadata sorted by key, files sorted by name (Unicode code point order),
 * two-space indent, LF line ends: the same input and clock give the same bytes. The zip's entries
 * are sorted the same way and carry a fixed time, so two zips of the same pack are byte-identical.
 *
 * <h2>Traps</h2>
 *
 * <ul>
 *   <li>A pack is never overwritten: if the directory or the zip exists the write is refused, so an
 *       execution's evidence cannot be replaced by a later run under the same name.
 *   <li>Everything is written to hidden siblings ({@code .<name>.partial-*}) and renamed into place
 *       at the end, the directory first, then the zip. A crash therefore leaves either nothing
 *       under the final names, a complete directory without its zip, or both; never a half pack
 *       that would verify as "file missing" or, worse, as intact with evidence left out. A leftover
 *       {@code .partial-*} sibling after a crash is junk and may be deleted. A complete directory
 *       without its zip still blocks a re-run under that name: write under a new timestamp.
 *   <li>The manifest proves the files agree with it, not who wrote it: record {@link
 *       WrittenPack#manifestSha256()} somewhere the writer cannot rewrite (the audit log).
 * </ul>
 */
public final class EvidencePack {

  /** The format string every manifest starts with. */
  public static final String FORMAT = "schemagate-evidence/1";

  /** The manifest's name, at the top of the pack. */
  public static final String MANIFEST = "manifest.json";

  /**
   * Every zip entry's time. Set as a local date-time so that the DOS time in the entry does not
   * depend on the time zone of the machine that wrote it.
   */
  static final LocalDateTime ZIP_ENTRY_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

  private EvidencePack() {}

  /**
   * Writes the pack to {@code dir} and {@code dir + ".zip"}.
   *
   * @param dir the pack's directory; its parent is created if missing; its last name becomes the
   *     zip's top folder
   * @param files the pack's files, each name once
   * @param metadata short facts about the execution (work order, environment, ...), written sorted;
   *     a null value is written as an empty string
   * @param clock gives the manifest's {@code created} time
   * @throws SchemagateException {@link ExitCode#FAILED} when the directory or the zip exists, or
   *     writing fails (nothing is left under the final names then); bad input for two files with
   *     the same name
   */
  public static WrittenPack write(
      Path dir, List<EvidenceFile> files, Map<String, String> metadata, Clock clock) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(clock, "clock");
    Path target = dir.toAbsolutePath().normalize();
    if (target.getFileName() == null || target.getParent() == null) {
      throw SchemagateException.badInput(
          dir + ": is not a directory name a pack can be written to",
          "write packs under evidence/<WO>/<timestamp>");
    }
    String name = target.getFileName().toString();
    Path zip = target.resolveSibling(name + ".zip");
    refuseExisting(target);
    refuseExisting(zip);

    List<EvidenceFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(EvidenceFile::name, CanonicalForm.CODE_POINT_ORDER));
    Set<String> seen = new HashSet<>();
    for (EvidenceFile f : sorted) {
      if (!seen.add(f.name())) {
        throw SchemagateException.badInput(
            "evidence pack " + target + ": the file '" + f.name() + "' is given twice",
            "give each evidence file once");
      }
      // 'a' and 'a/b' cannot both exist on disk; catch it here rather than as an I/O error.
      int slash = f.name().lastIndexOf('/');
      while (slash > 0) {
        String folder = f.name().substring(0, slash);
        if (seen.contains(folder)) {
          throw SchemagateException.badInput(
              "evidence pack " + target + ": '" + folder + "' is both a file and a folder",
              "rename one of them");
        }
        slash = folder.lastIndexOf('/');
      }
    }

    byte[] manifest = manifest(sorted, metadata, clock);
    Path parent = target.getParent();
    Path tempDir = null;
    Path tempZip = null;
    try {
      Files.createDirectories(parent);
      // Not Files.createTempDirectory/createTempFile: they create owner-only (0700/0600) entries,
      // and the pack would keep those permissions after the rename, unreadable to the auditors
      // and CI jobs that read it with the umask's permissions of everything else.
      String partial = ".partial-" + UUID.randomUUID();
      tempDir = Files.createDirectory(parent.resolve("." + name + partial));
      for (EvidenceFile f : sorted) {
        Path p = tempDir.resolve(f.name());
        Files.createDirectories(p.getParent());
        Files.write(p, f.bytes());
      }
      Files.write(tempDir.resolve(MANIFEST), manifest);
      tempZip = parent.resolve("." + name + ".zip" + partial);
      try (OutputStream out = Files.newOutputStream(tempZip, StandardOpenOption.CREATE_NEW)) {
        writeZip(out, name, sorted, manifest);
      }
      // Without options, move refuses an existing target and renames within the same folder.
      Files.move(tempDir, target);
      tempDir = null;
      Files.move(tempZip, zip);
      tempZip = null;
    } catch (FileAlreadyExistsException e) {
      if (target.toString().equals(e.getFile()) || zip.toString().equals(e.getFile())) {
        // Someone else wrote a pack under this name between the check and the rename.
        throw exists(Path.of(e.getFile()));
      }
      throw failed(target, parent, e);
    } catch (IOException e) {
      throw failed(target, parent, e);
    } finally {
      deleteQuietly(tempDir);
      deleteQuietly(tempZip);
    }
    return new WrittenPack(target, zip, CanonicalForm.sha256Hex(manifest), sorted.size());
  }

  private static SchemagateException failed(Path target, Path parent, IOException e) {
    return new SchemagateException(
        ExitCode.FAILED,
        "cannot write evidence pack " + target + ": " + e,
        "check that " + parent + " is writable and has space; nothing was left under that name",
        e);
  }

  /** The manifest's bytes for these files, already sorted by name. */
  static byte[] manifest(List<EvidenceFile> sorted, Map<String, String> metadata, Clock clock) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("created", DateTimeFormatter.ISO_INSTANT.format(clock.instant()));
    ObjectNode meta = root.putObject("metadata");
    Map<String, String> sortedMeta = new TreeMap<>(CanonicalForm.CODE_POINT_ORDER);
    metadata.forEach(
        (k, v) -> sortedMeta.put(Objects.requireNonNull(k, "metadata key"), v == null ? "" : v));
    sortedMeta.forEach(meta::put);
    ArrayNode list = root.putArray("files");
    for (EvidenceFile f : sorted) {
      ObjectNode entry = list.addObject();
      entry.put("name", f.name());
      entry.put("size", f.size());
      entry.put("sha256", CanonicalForm.sha256Hex(f.bytes()));
    }
    return Json.pretty(root);
  }

  /** Every file and the manifest under {@code top/}, sorted by name, with the fixed time. */
  private static void writeZip(
      OutputStream out, String top, List<EvidenceFile> sorted, byte[] manifest) throws IOException {
    TreeMap<String, byte[]> entries = new TreeMap<>(CanonicalForm.CODE_POINT_ORDER);
    for (EvidenceFile f : sorted) {
      entries.put(f.name(), f.bytes());
    }
    entries.put(MANIFEST, manifest);
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(top + "/" + e.getKey());
        entry.setTimeLocal(ZIP_ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
  }

  private static void refuseExisting(Path p) {
    if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw exists(p);
    }
  }

  private static SchemagateException exists(Path p) {
    return new SchemagateException(
        ExitCode.FAILED,
        p + ": already exists; an evidence pack is never overwritten",
        "write the pack under a new timestamp; if the old one is junk from a failed run, move it"
            + " away yourself");
  }

  private static void deleteQuietly(Path p) {
    if (p == null || !Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    } catch (IOException | RuntimeException ignored) {
      // The original error is the one to report; a hidden .partial- leftover is harmless junk.
    }
  }
}

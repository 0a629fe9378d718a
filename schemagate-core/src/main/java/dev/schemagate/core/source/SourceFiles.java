package dev.schemagate.core.source;

import dev.schemagate.core.revision.Revision;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/** File helpers shared by the readers: strict UTF-8 reading, listing, linear chaining. */
final class SourceFiles {

  private SourceFiles() {}

  /**
   * Reads a file as strict UTF-8: a byte sequence that is not UTF-8 is an error naming the line of
   * the first bad byte (never a silent U+FFFD, which would change the SQL and its checksum). A
   * leading byte-order mark is dropped and CRLF becomes LF, so line numbers and checksums are the
   * same on every platform.
   */
  static String readUtf8(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new SourceException(
          file,
          0,
          "cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
          "check that the file exists and is readable by this user");
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int badOffset = in.position();
      int line = 1;
      for (int i = 0; i < badOffset; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new SourceException(
          file,
          line,
          String.format("not valid UTF-8 (byte 0x%02X at offset %d)", bytes[badOffset], badOffset),
          "re-save the file as UTF-8 (for example: iconv -f LATIN1 -t UTF-8)");
    }
    out.flip();
    String text = out.toString();
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    return text.replace("\r\n", "\n");
  }

  /**
   * The entries of a folder sorted by name, without hidden entries ({@code .gitkeep}, {@code
   * .DS_Store}, editor swap files): no tool reads those and reporting them would be noise.
   */
  static List<Path> list(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      // Sort on names computed once: a comparator that derives them calls getFileName n log n
      // times.
      return entries
          .map(p -> Map.entry(name(p), p))
          .filter(e -> !e.getKey().startsWith("."))
          .sorted(Map.Entry.comparingByKey())
          .map(Map.Entry::getValue)
          .toList();
    } catch (IOException e) {
      throw new SourceException(
          dir,
          0,
          "cannot list the folder (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
          "check that the folder exists and is readable by this user");
    }
  }

  /**
   * The first few kilobytes of a file, decoded leniently: only for guessing a folder's layout,
   * never for reading a migration (use {@link #readUtf8} for that). Empty when unreadable.
   */
  static String head(Path file) {
    try (var in = Files.newInputStream(file)) {
      return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * How many of {@code candidates} look like a layout's files, judged from the heads of at most
   * {@value #SAMPLE} of them and scaled to the whole list: layout detection must not read every
   * file of a 5,000-migration folder, which the real read does again anyway.
   */
  static int sampledScore(List<Path> candidates, java.util.function.Predicate<String> looksRight) {
    int sampled = Math.min(SAMPLE, candidates.size());
    int matches = 0;
    for (int i = 0; i < sampled; i++) {
      if (looksRight.test(head(candidates.get(i)))) {
        matches++;
      }
    }
    return sampled == 0 ? 0 : (int) ((long) matches * candidates.size() / sampled);
  }

  private static final int SAMPLE = 25;

  /**
   * Applies {@code work} to every item on all cores and returns the results in the order given. The
   * first {@link SourceException}, in list order, is thrown, so the error a user sees does not
   * depend on thread timing.
   */
  static <T, R> List<R> parallelMap(List<T> items, Function<T, R> work) {
    List<Object> results =
        items.parallelStream()
            .map(
                item -> {
                  try {
                    return (Object) work.apply(item);
                  } catch (SourceException e) {
                    return e;
                  }
                })
            .toList();
    List<R> out = new ArrayList<>(results.size());
    for (Object r : results) {
      if (r instanceof SourceException e) {
        throw e;
      }
      @SuppressWarnings("unchecked")
      R value = (R) r;
      out.add(value);
    }
    return out;
  }

  /**
   * The last element of a path. From the path's text, which the JDK caches, rather than {@code
   * getFileName()}, which builds a new path and decodes it again on every call: readers ask for
   * each name several times, for thousands of files.
   */
  static String name(Path p) {
    String s = p.toString();
    int slash = s.lastIndexOf(p.getFileSystem().getSeparator().charAt(0));
    return slash < 0 || slash == s.length() - 1 ? s : s.substring(slash + 1);
  }

  static boolean isDirectory(Path p) {
    return Files.isDirectory(p);
  }

  /**
   * One migration of a linear layout before it is chained to its predecessor.
   *
   * @param id the revision id, as the layout writes it
   * @param message one-line description
   * @param file the file (or directory) that declared it
   */
  record LinearEntry(
      String id,
      String message,
      Path file,
      SqlSection up,
      SqlSection down,
      boolean transactional,
      String irreversibleReason) {}

  /**
   * Chains entries already in the originating tool's order: each one's parent is the one before it,
   * the first is the root.
   */
  static List<MigrationScript> chain(List<LinearEntry> ordered) {
    List<MigrationScript> scripts = new ArrayList<>(ordered.size());
    // Hashing thousands of scripts is a good part of reading a folder, and it parallelises.
    List<String> checksums =
        ordered.parallelStream().map(e -> Checksums.sha256(e.up().sql())).toList();
    String previous = null;
    for (int i = 0; i < ordered.size(); i++) {
      LinearEntry e = ordered.get(i);
      scripts.add(
          new MigrationScript(
              Revision.linear(e.id(), previous, e.message(), e.file()),
              e.up(),
              e.down(),
              e.transactional(),
              e.irreversibleReason(),
              checksums.get(i),
              MigrationScript.Kind.VERSIONED));
      previous = e.id();
    }
    return scripts;
  }
}

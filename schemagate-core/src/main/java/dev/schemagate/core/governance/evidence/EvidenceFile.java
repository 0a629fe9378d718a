package dev.schemagate.core.governance.evidence;

import java.util.Arrays;
import java.util.Objects;

/**
 * One file of an evidence pack: its name inside the pack and its exact bytes.
 *
 * <p>The name is a relative path with {@code /} separators ({@code lint.txt}, {@code
 * statements/0001.sql}). It is refused, with an {@link IllegalArgumentException}, when it is empty,
 * absolute, holds a backslash, a drive prefix, a control character, an empty segment ({@code a//b},
 * a trailing {@code /}), a {@code .} or {@code ..} segment, or is {@value EvidencePack#MANIFEST}
 * (the writer produces that one). The same rule decides which entries of a zip the verifier
 * accepts, so a name that could be written can always be verified and the other way round.
 *
 * <p>The trap: a record's array component is shared by default. The bytes are copied on the way in
 * and on the way out, so a caller reusing its buffer cannot change a file after handing it over;
 * equality compares the contents.
 *
 * @param name the path inside the pack
 * @param content the exact bytes written and hashed
 */
public record EvidenceFile(String name, byte[] content) {

  public EvidenceFile {
    Objects.requireNonNull(content, "content");
    String problem = nameProblem(name);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    if (name.equals(EvidencePack.MANIFEST)) {
      throw new IllegalArgumentException(
          "'" + EvidencePack.MANIFEST + "' is reserved: the pack writes its own manifest");
    }
    content = content.clone();
  }

  /** A copy of the bytes. */
  @Override
  public byte[] content() {
    return content.clone();
  }

  /** The size in bytes, without copying them. */
  public int size() {
    return content.length;
  }

  /** The bytes, uncopied, for this package's writer; never handed out. */
  byte[] bytes() {
    return content;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EvidenceFile f && f.name.equals(name) && Arrays.equals(f.content, content);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "EvidenceFile[" + name + ", " + content.length + " bytes]";
  }

  /**
   * Why {@code name} cannot name a file inside a pack, or null when it can. Does not refuse the
   * manifest's name: the verifier meets that one legitimately.
   */
  static String nameProblem(String name) {
    if (name == null || name.isEmpty()) {
      return "an evidence file name is empty";
    }
    String shown = "'" + printable(name) + "'";
    if (name.startsWith("/")) {
      return shown + " is absolute; names are relative to the pack";
    }
    if (name.indexOf('\\') >= 0) {
      return shown + " holds a backslash; separate folders with '/'";
    }
    if (name.length() >= 2 && name.charAt(1) == ':') {
      return shown + " starts with a drive; names are relative to the pack";
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      return shown + " holds a control character";
    }
    for (String segment : name.split("/", -1)) {
      if (segment.isEmpty()) {
        return shown + " has an empty path segment";
      }
      if (segment.equals("..") || segment.equals(".")) {
        return shown + " has a '" + segment + "' segment; names stay inside the pack";
      }
    }
    return null;
  }

  /** Names come from files anyone could edit: keep control characters out of terminals. */
  static String printable(String s) {
    return s.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}

package dev.schemagate.core.source;

import java.nio.file.Path;

/**
 * A run of SQL inside a file.
 *
 * @param sql the text, line endings normalised to \n
 * @param file the file it came from
 * @param firstLine the 1-based line of {@code file} on which {@code sql}'s first line sits, so a
 *     statement at line k of {@code sql} is at line {@code firstLine + k - 1} of the file
 */
public record SqlSection(String sql, Path file, int firstLine) {

  /** The file line of a line within this section. */
  public int fileLine(int sectionLine) {
    return firstLine + sectionLine - 1;
  }
}

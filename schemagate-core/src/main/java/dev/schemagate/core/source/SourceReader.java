package dev.schemagate.core.source;

import java.nio.file.Path;
import java.util.List;

/** Reads one layout's folder. Implementations are stateless. */
public interface SourceReader {

  Layout layout();

  /**
   * How strongly this folder looks like this layout: 0 when not at all, else the number of files
   * that match the layout's naming. Auto-detection picks the highest.
   *
   * @param entries the folder's entries as {@link SourceFiles#list} gives them, listed once for
   *     every reader: listing a folder of thousands of files is most of what detection costs
   */
  int score(Path directory, List<Path> entries);

  /**
   * Reads the folder.
   *
   * @throws SourceException when a file is malformed (naming the file and line) or unreadable
   */
  MigrationSource read(Path directory);

  /**
   * Reads the folder whose entries were already listed (by {@link SourceFiles#list}) for detection,
   * so a large folder is listed once. Readers that look deeper than the top level may ignore {@code
   * entries}.
   */
  default MigrationSource read(Path directory, List<Path> entries) {
    return read(directory);
  }
}

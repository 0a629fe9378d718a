package dev.schemagate.core.source;

import java.nio.file.Path;

/** Reads one layout's folder. Implementations are stateless. */
public interface SourceReader {

  Layout layout();

  /**
   * How strongly this folder looks like this layout: 0 when not at all, else the number of files
   * that match the layout's naming. Auto-detection picks the highest.
   */
  int score(Path directory);

  /**
   * Reads the folder.
   *
   * @throws SourceException when a file is malformed (naming the file and line) or unreadable
   */
  MigrationSource read(Path directory);
}

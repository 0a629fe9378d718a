package dev.schemagate.core.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes synthetic migration folders for tests. */
final class TestFiles {

  private TestFiles() {}

  static Path write(Path dir, String relative, String content) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path writeBytes(Path dir, String relative, byte[] content) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

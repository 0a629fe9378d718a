package dev.schemagate.core.sql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared test corpora: the first {@code shared/corpora} directory found beside the
 * working directory or any of its parents. Surefire runs in the module directory, so from a
 * worktree this finds {@code ../../shared/corpora}; from a repository root, {@code
 * ../shared/corpora}.
 */
final class SharedCorpora {
  private SharedCorpora() {}

  static Optional<Path> find() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("corpora");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}

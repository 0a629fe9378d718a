package dev.schemagate.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code shared/corpora}, which CI places beside the repository. Tests that need it are
 * skipped, with a message, when it is missing: they never pass silently.
 */
public final class Corpora {
  private Corpora() {}

  /** The corpus folder (e.g. {@code crates-io}), or a skipped test. */
  public static Path require(String corpus) {
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 5 && dir != null; i++, dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("corpora").resolve(corpus);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    assumeTrue(
        false,
        "skipped: ../shared/corpora/"
            + corpus
            + " not found beside the repository (CI provides it)");
    throw new IllegalStateException("unreachable");
  }
}

package dev.schemagate.core.source;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared corpora: CI clones the repository next to {@code shared/}, and surefire runs in
 * the module folder, so walk up from the working directory looking for {@code shared/corpora}.
 * When it is absent the calling test is reported <em>skipped</em>, never passed.
 */
final class Corpora {

  private Corpora() {}

  static Path dir(String corpus) {
    Path start = Path.of("").toAbsolutePath();
    for (Path p = start; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("corpora");
      if (Files.isDirectory(candidate)) {
        Path dir = candidate.resolve(corpus);
        assumeTrue(Files.isDirectory(dir), "../shared/corpora/" + corpus + " not found: " + dir);
        return dir;
      }
    }
    assumeTrue(false, "../shared/corpora not found: searched upwards from " + start);
    throw new AssertionError("unreachable");
  }
}

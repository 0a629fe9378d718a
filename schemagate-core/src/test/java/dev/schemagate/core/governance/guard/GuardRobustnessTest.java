package dev.schemagate.core.governance.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed and hostile text in every candidate kind: the scan finishes and says what it read. */
class GuardRobustnessTest {

  @TempDir Path dir;

  /** Fragments that steer the readers into their edge cases when shuffled together. */
  private static final String[] PIECES = {
    "- ",
    "  ",
    "\t",
    ":",
    ": ",
    "#",
    "'",
    "\"",
    "\"\"\"",
    "'''",
    "\\",
    "\\\n",
    "|",
    ">-",
    "---\n",
    "{",
    "}",
    "[",
    "]",
    ",",
    "&&",
    ";",
    "<!--",
    "-->",
    "/*",
    "*/",
    "//",
    "${",
    "}",
    "=",
    "\n",
    "\r\n",
    "\r",
    "kind: Deployment\n",
    "initContainers:",
    "command:",
    "args:",
    "alembic",
    "upgrade",
    "flyway",
    "migrate",
    "schemagate",
    "ENTRYPOINT ",
    "CMD ",
    "FROM ",
    "spring.flyway.enabled",
    "ddl-auto",
    "<dependency>",
    "</dependency>",
    "<artifactId>",
    "flyway-core",
    "metadata.create_all(",
    "release:",
    "entrypoint.sh",
    "\u00e9",
    "\uFEFF"
  };

  private static final String[] NAMES = {
    "application.yml",
    "application.properties",
    "pom.xml",
    "build.gradle",
    "persistence.xml",
    "models.py",
    "Dockerfile",
    "docker-compose.yml",
    "Procfile",
    "deploy.yaml",
    "entrypoint.sh"
  };

  @Test
  void survivesRandomTextInEveryKindOfFile() throws IOException {
    Random random = new Random(20261122L);
    for (int round = 0; round < 40; round++) {
      Path tree = Files.createDirectory(dir.resolve("round" + round));
      for (String name : NAMES) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(400);
        for (int i = 0; i < pieces; i++) {
          text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        Files.writeString(tree.resolve(name), text, StandardCharsets.UTF_8);
      }

      GuardScan[] scan = new GuardScan[1];
      assertThatCode(() -> scan[0] = StartupGuard.scan(tree))
          .as("round %d", round)
          .doesNotThrowAnyException();
      assertThat(scan[0].filesScanned()).isBetween(NAMES.length - 1, NAMES.length);
      for (GuardFinding f : scan[0].findings()) {
        assertThat(f.line()).isPositive();
        assertThat(f.found()).doesNotContain("\n").doesNotContain("\r");
      }
    }
  }

  @Test
  void readsInvalidUtf8AsText() throws IOException {
    Files.write(
        dir.resolve("Procfile"),
        new byte[] {
          'w',
          'e',
          'b',
          ':',
          ' ',
          (byte) 0xC3,
          (byte) 0x28,
          ' ',
          'a',
          'l',
          'e',
          'm',
          'b',
          'i',
          'c',
          ' ',
          'u',
          'p',
          'g',
          'r',
          'a',
          'd',
          'e',
          '\n'
        });

    assertThat(StartupGuard.scan(dir).findings()).hasSize(1);
  }
}

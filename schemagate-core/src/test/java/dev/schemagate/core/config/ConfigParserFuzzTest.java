package dev.schemagate.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the configuration parser (Jazzer, in fuzzing mode for a bounded time
 * in {@code mvn verify}; see the core pom): whatever bytes {@code schemagate.yaml} holds, loading
 * it either succeeds or fails with bad input naming the file, never with another exception.
 */
class ConfigParserFuzzTest {

  @FuzzTest(maxDuration = "20s")
  void anyFileLoadsOrIsRefusedNamingIt(byte[] content) throws IOException {
    Path dir = Files.createTempDirectory("sg-fuzz");
    Path file = dir.resolve("schemagate.yaml");
    try {
      Files.write(file, content);
      try {
        ProjectConfig.load(file);
      } catch (SchemagateException e) {
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).contains(file.toString());
        assertThat(e.nextStep()).isNotBlank();
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }
}

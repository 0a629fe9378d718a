package dev.schemagate.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.schemagate.core.config.ProjectConfig;
import dev.schemagate.core.governance.workorder.WorkOrderFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the parsers users feed files to (Jazzer, in fuzzing mode for a bounded
 * time in {@code mvn verify}; see the core pom). One fuzz test for both, because Jazzer fuzzes one
 * test per run: the first byte picks the parser. Whatever the bytes, a parser either succeeds or
 * refuses with bad input naming the file and a next step; any other exception is a finding.
 */
class ParsersFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void parsersAcceptOrRefuseAnyInputWithAClearError(FuzzedDataProvider data) throws IOException {
    boolean config = data.consumeBoolean();
    String text = data.consumeRemainingAsString();
    Path name = Path.of(config ? "schemagate.yaml" : "workorders/WO-MIGRATION-001.md");
    try {
      if (config) {
        Path dir = Files.createTempDirectory("sg-fuzz");
        Path file = dir.resolve(name);
        try {
          Files.writeString(file, text);
          name = file;
          ProjectConfig.load(file);
        } finally {
          Files.deleteIfExists(file);
          Files.deleteIfExists(dir);
        }
      } else {
        // The work-order format wants front matter; give most inputs a start so the fuzzer
        // reaches the YAML and the field checks, not only the first-line check.
        WorkOrderFile.parse(text.startsWith("#") ? text : "---\n" + text, name);
      }
    } catch (SchemagateException e) {
      assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(e.getMessage()).contains(name.toString());
      assertThat(e.nextStep()).isNotBlank();
    }
  }
}

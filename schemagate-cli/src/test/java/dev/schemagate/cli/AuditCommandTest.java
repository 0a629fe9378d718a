package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.testing.NativeFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
  @TempDir Path tmp;

  @Test
  void auditWritesAReportPerMigrationAndAnIndex() throws Exception {
    Path out = tmp.resolve("audit");
    CliRunner r =
        CliRunner.run(
            "--migrations",
            NativeFiles.exampleProject().toString(),
            "audit",
            "--out",
            out.toString());
    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("Audited 14 native migration(s): 30 file(s)")
        .contains("merges: 5a105911a525");
    try (var files = Files.list(out)) {
      assertThat(files.filter(f -> f.toString().endsWith(".summary.md")).count()).isEqualTo(14);
    }
    assertThat(out.resolve("index.md")).exists();
  }

  @Test
  void jsonAnswerCountsWhatWasWritten() throws Exception {
    CliRunner r =
        CliRunner.run(
            "--migrations",
            NativeFiles.exampleProject().toString(),
            "--json",
            "audit",
            "--out",
            tmp.resolve("a").toString());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("migrations").asInt()).isEqualTo(14);
    assertThat(json.get("files_written").asInt()).isEqualTo(30);
  }

  @Test
  void withoutOutItIsAUsageError() {
    CliRunner r = CliRunner.run("audit");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--out");
  }
}

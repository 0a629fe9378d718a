package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
  @TempDir Path tmp;

  private Path sql(String name, String text) throws Exception {
    Path f = tmp.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  @Test
  void errorsFailTheRunAndWarningsOnlyWithFailOnWarning() throws Exception {
    Path bad =
        sql(
            "bad.sql",
            "SET lock_timeout = '1s';\nSET statement_timeout = '5s';\nALTER TABLE t DROP COLUMN c;\n");
    CliRunner r = CliRunner.run("lint", bad.toString());
    assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
    assertThat(r.out()).contains("bad.sql:3: error [ban-drop-column]").contains("1 error(s)");

    Path warn =
        sql(
            "warn.sql",
            "SET lock_timeout = '1s';\nSET statement_timeout = '5s';\nCREATE TABLE t (id int);\n");
    CliRunner lenient = CliRunner.run("lint", warn.toString());
    assertThat(lenient.exitCode()).as(lenient.all()).isZero();
    assertThat(lenient.out()).contains("[prefer-bigint-over-int]");
    CliRunner strict = CliRunner.run("lint", "--fail-on", "warning", warn.toString());
    assertThat(strict.exitCode()).isEqualTo(1);
  }

  @Test
  void sarifIsVersion210WithRulesResultsAndLines() throws Exception {
    Path bad =
        sql("bad.sql", "SET lock_timeout = '1s';\nSET statement_timeout = '5s';\nDROP TABLE t;\n");
    CliRunner r = CliRunner.run("lint", "--format", "sarif", bad.toString());
    JsonNode log = new ObjectMapper().readTree(r.out());
    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    JsonNode run = log.get("runs").get(0);
    assertThat(run.at("/tool/driver/name").asText()).isEqualTo("schemagate");
    JsonNode result = run.get("results").get(0);
    assertThat(result.get("ruleId").asText()).isEqualTo("ban-drop-table");
    assertThat(result.get("level").asText()).isEqualTo("error");
    assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
    int index = result.get("ruleIndex").asInt();
    assertThat(run.at("/tool/driver/rules/" + index + "/id").asText()).isEqualTo("ban-drop-table");
  }

  @Test
  void ignoreWithReasonSuppressesAndJsonListsFindings() throws Exception {
    Path f =
        sql(
            "waived.sql",
            "SET lock_timeout = '1s';\nSET statement_timeout = '5s';\n"
                + "-- schemagate:ignore ban-drop-table the table was emptied and unused since v2\n"
                + "DROP TABLE t;\n");
    CliRunner r = CliRunner.run("lint", "--json", f.toString());
    assertThat(r.exitCode()).as(r.all()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("errors").asInt()).isZero();
    assertThat(json.get("findings").toString()).doesNotContain("ban-drop-table");
  }

  @Test
  void unknownRuleInConfigurationIsBadInputNamingTheFile() throws Exception {
    Files.createDirectories(tmp.resolve("m"));
    Path config =
        sql("schemagate.yaml", "migrations: m\nlint:\n  rules:\n    ban-everything: error\n");
    CliRunner r = CliRunner.run("--config", config.toString(), "lint");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("schemagate.yaml").contains("ban-everything");
  }

  @Test
  void missingFileIsBadInput() {
    CliRunner r = CliRunner.run("lint", tmp.resolve("nope.sql").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("nope.sql").contains("no such file");
  }

  @Test
  void theExampleProjectLintsWithoutErrors() {
    CliRunner r =
        CliRunner.run(
            "--migrations",
            dev.schemagate.core.testing.NativeFiles.exampleProject().toString(),
            "lint");
    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.out()).contains("Linted 14 file(s)").contains("0 error(s)");
  }
}

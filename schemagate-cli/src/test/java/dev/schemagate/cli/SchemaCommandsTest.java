package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.testing.NativeFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema commands end to end on the example project and SQLite files. */
class SchemaCommandsTest {
  @TempDir Path tmp;

  private String example() {
    return NativeFiles.exampleProject().toString();
  }

  private String upgradedExample(String name) {
    String url = "jdbc:sqlite:" + tmp.resolve(name);
    CliRunner up = CliRunner.run("--url", url, "--migrations", example(), "-q", "upgrade", "head");
    assertThat(up.exitCode()).as(up.all()).isZero();
    return url;
  }

  private static void sql(String url, String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }

  @Test
  void driftExitsZeroWhenCleanAndOneNamingTheDifference() throws Exception {
    String url = upgradedExample("live.db");
    CliRunner clean = CliRunner.run("--url", url, "--migrations", example(), "drift");
    assertThat(clean.exitCode()).as(clean.all()).isZero();
    assertThat(clean.out()).contains("no differences");

    sql(url, "ALTER TABLE agents ADD COLUMN owner TEXT");
    CliRunner drifted = CliRunner.run("--url", url, "--migrations", example(), "drift");
    assertThat(drifted.exitCode()).isEqualTo(1);
    assertThat(drifted.out()).contains("main.agents.owner");

    CliRunner json =
        CliRunner.run("--url", url, "--migrations", example(), "drift", "--format", "json");
    JsonNode node = new ObjectMapper().readTree(json.out());
    assertThat(node.get("diff").get("status").asText()).isEqualTo("different");
    assertThat(node.get("diff").get("changes").get(0).get("key").asText())
        .isEqualTo("main.agents.owner");
  }

  @Test
  void diffOfTwoRevisionsAsMarkdown() {
    CliRunner r =
        CliRunner.run(
            "--url",
            "jdbc:sqlite:" + tmp.resolve("x.db"),
            "--migrations",
            example(),
            "diff",
            "--from",
            "base",
            "--to",
            "bf2f48c90f1a",
            "--format",
            "markdown");
    assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
    assertThat(r.out()).contains("## Schema diff").contains("`main.users`");
  }

  @Test
  void stampVerifyParityRefusesAnExtraColumnAndStampsNothing() throws Exception {
    String url = upgradedExample("copy.db");
    sql(url, "DROP TABLE schemagate_version");
    sql(url, "DROP TABLE schemagate_history");
    sql(url, "ALTER TABLE user_profile ADD COLUMN shoe_size INTEGER");
    CliRunner r =
        CliRunner.run("--url", url, "--migrations", example(), "stamp", "head", "--verify-parity");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("main.user_profile.shoe_size").contains("Not stamped");
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs =
            c.getMetaData().getTables(null, null, "schemagate_version", new String[] {"TABLE"})) {
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void drillOfTheExampleIsCleanAndSaysSo() {
    CliRunner r =
        CliRunner.run(
            "--url", "jdbc:sqlite:" + tmp.resolve("x.db"), "--migrations", example(), "drill");
    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.out()).contains("14 migrations: 14 reversible");
  }

  @Test
  void backupVerifiesThenRestoreBringsBackADroppedTable() throws Exception {
    String url = upgradedExample("live.db");
    Path file = tmp.resolve("b/live.sqlite");
    CliRunner b =
        CliRunner.run(
            "--url",
            url,
            "--migrations",
            example(),
            "backup",
            "--out",
            file.toString(),
            "--verify");
    assertThat(b.exitCode()).as(b.all()).isZero();
    assertThat(b.out()).contains("verified: yes").contains("sha256:");
    assertThat(Path.of(file + ".backup.json")).exists();

    sql(url, "DROP TABLE onboarding_event_log");
    CliRunner r =
        CliRunner.run("--url", url, "--migrations", example(), "restore", file.toString());
    assertThat(r.exitCode()).as(r.all()).isZero();
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM onboarding_steps")) {
      rs.next();
      assertThat(rs.getInt(1)).isPositive();
    }
    CliRunner drift = CliRunner.run("--url", url, "--migrations", example(), "drift");
    assertThat(drift.exitCode()).as(drift.all()).isZero();
  }

  @Test
  void restoreRefusesAFileThatNoLongerMatchesItsRecord() throws Exception {
    String url = upgradedExample("live.db");
    Path file = tmp.resolve("live.sqlite");
    assertThat(
            CliRunner.run("--url", url, "--migrations", example(), "backup", "-o", file.toString())
                .exitCode())
        .isZero();
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);
    CliRunner r =
        CliRunner.run("--url", url, "--migrations", example(), "restore", file.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("does not match its record");
  }
}

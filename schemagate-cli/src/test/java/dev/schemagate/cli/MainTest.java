package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.testing.NativeFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path tmp;
  String url;
  String migrations;

  @BeforeEach
  void setUp() {
    url = "jdbc:sqlite:" + tmp.resolve("cli.db");
    migrations = NativeFiles.exampleProject().toString();
  }

  private CliRunner sg(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "--url";
    all[1] = url;
    all[2] = "--migrations";
    all[3] = migrations;
    System.arraycopy(args, 0, all, 4, args.length);
    return CliRunner.run(all);
  }

  @Test
  void upgradeHeadPrintsThePlanAndTheResult() {
    CliRunner r = sg("upgrade", "head");
    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("Plan: upgrade to head, 14 step(s)")
        .contains("bf2f48c90f1a")
        .contains("success")
        .contains("Done: 14 step(s)")
        .contains("now at 5a105911a525");
    CliRunner again = sg("upgrade", "head");
    assertThat(again.out()).contains("Nothing to do");
  }

  @Test
  void everyReadingCommandAnswersInJson() throws Exception {
    // The payments branch's tip; payments@head would be the merge, which inherits the label.
    assertThat(sg("upgrade", "79d7a28737e0").exitCode()).isZero();
    ObjectMapper json = new ObjectMapper();
    for (List<String> cmd :
        List.of(
            List.of("current"),
            List.of("heads"),
            List.of("branches"),
            List.of("show", "5a10"),
            List.of("history"),
            List.of("status"),
            List.of("validate"))) {
      String[] args = new String[cmd.size() + 1];
      args[0] = "--json";
      for (int i = 0; i < cmd.size(); i++) {
        args[i + 1] = cmd.get(i);
      }
      CliRunner r = sg(args);
      assertThat(r.exitCode()).as(cmd + ": " + r.all()).isZero();
      JsonNode node = json.readTree(r.out());
      assertThat(node.isObject()).as(cmd.toString()).isTrue();
    }
    JsonNode status = json.readTree(sg("--json", "status").out());
    assertThat(status.get("applied").asInt()).isEqualTo(11);
    assertThat(status.get("pending").asInt()).isEqualTo(3);
    JsonNode heads = json.readTree(sg("--json", "current").out());
    assertThat(heads.get("revisions").get(0).get("id").asText()).isEqualTo("79d7a28737e0");
  }

  @Test
  void historyDrawsTheBranchAndMergeAndOtherFormats() {
    CliRunner r = sg("history");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow())
        .contains("5a105911a525")
        .contains("merge");
    assertThat(r.out()).contains("| * ").contains("* | ");
    assertThat(sg("history", "--format", "mermaid").out()).startsWith("graph BT").contains("-->");
    assertThat(sg("history", "--format", "dot").out()).startsWith("digraph").contains("->");
    assertThat(sg("history", "-r", "79d7a28737e0:").out().lines()).hasSize(2);
    assertThat(sg("history", "--verbose").out()).contains("Parent: 79d7a28737e0, 85b269ab7626");
  }

  @Test
  void offlineSqlPrintsTheScriptWithVersionTableStatements() {
    CliRunner r = CliRunner.run("--migrations", migrations, "upgrade", "--sql", "base:head");
    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("CREATE TABLE IF NOT EXISTS schemagate_version")
        .contains("CREATE VIEW v_user_billing_agents")
        .contains(
            "PREPARE schemagate_insert_head AS INSERT INTO schemagate_version (version_num)"
                + " VALUES ($1);")
        .contains("EXECUTE schemagate_insert_head('bf2f48c90f1a');");
    CliRunner bad = CliRunner.run("--migrations", migrations, "upgrade", "--sql", "head");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("from>:<to>");
  }

  @Test
  void unknownTargetExitsTwoWithANextStepInTextAndJson() throws Exception {
    CliRunner r = sg("upgrade", "nope");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("error:").contains("nope").contains("next:");
    CliRunner j = sg("--json", "upgrade", "nope");
    assertThat(j.exitCode()).isEqualTo(2);
    JsonNode node = new ObjectMapper().readTree(j.out());
    assertThat(node.get("exit_code").asInt()).isEqualTo(2);
    assertThat(node.get("next_step").asText()).isNotEmpty();
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRunner r = CliRunner.run("upgrade", "head", "--frobnicate");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--frobnicate");
  }

  @Test
  void onlyTheRequestedSubcommandIsBuiltAndNamesMatchTheAnnotations() {
    assertThat(Main.requested(new String[] {"--env", "lint", "status", "--json"}))
        .isEqualTo("status");
    assertThat(Main.requested(new String[] {"--json", "lint", "x.sql"})).isEqualTo("lint");
    assertThat(Main.requested(new String[] {"--help"})).isNull();
    assertThat(Main.requested(new String[] {"lnt"})).isNull();
    Main.SUBCOMMANDS.forEach(
        (name, type) ->
            assertThat(type.getAnnotation(picocli.CommandLine.Command.class).name())
                .isEqualTo(name));
    CliRunner help = CliRunner.run("--help");
    assertThat(help.out()).contains("lint").contains("audit").contains("upgrade");
    CliRunner typo = CliRunner.run("statsu");
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("statsu");
  }

  @Test
  void everySubcommandPrintsItsOwnHelp() {
    for (String command :
        List.of(
            "init",
            "revision",
            "merge",
            "upgrade",
            "downgrade",
            "stamp",
            "resolve",
            "current",
            "heads",
            "branches",
            "show",
            "history",
            "status",
            "validate",
            "lint",
            "audit")) {
      CliRunner r = CliRunner.run(command, "--help");
      assertThat(r.exitCode()).as(command + ": " + r.all()).isZero();
      assertThat(r.out()).as(command).contains("Usage: schemagate " + command);
    }
  }

  @Test
  void passwordsNeverAppearInOutput() {
    CliRunner r =
        CliRunner.run(
            "--url",
            "postgres://deploy:s3cr3t-pw@127.0.0.1:1/app",
            "--migrations",
            migrations,
            "upgrade",
            "head");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.all()).contains("cannot reach").doesNotContain("s3cr3t-pw");
    CliRunner j =
        CliRunner.run(
            "--json",
            "--url",
            "jdbc:postgresql://127.0.0.1:1/app?user=deploy&password=s3cr3t-pw",
            "--migrations",
            migrations,
            "status");
    assertThat(j.all()).doesNotContain("s3cr3t-pw");
  }

  @Test
  void revisionAndMergeWriteNativeFilesTheGraphAccepts() throws Exception {
    Path dir = tmp.resolve("new");
    String[] base = {"--url", url, "--migrations", dir.toString()};
    assertThat(CliRunner.run(concat(base, "revision", "-m", "create accounts")).exitCode())
        .isZero();
    String root = onlyRevision(dir);
    assertThat(
            CliRunner.run(concat(base, "revision", "-m", "left", "--branch-label", "left"))
                .exitCode())
        .isZero();
    assertThat(CliRunner.run(concat(base, "revision", "-m", "right", "--head", root)).exitCode())
        .isZero();
    CliRunner heads = CliRunner.run(concat(base, "heads"));
    assertThat(heads.out().lines()).hasSize(2);
    CliRunner two = CliRunner.run(concat(base, "revision", "-m", "ambiguous"));
    assertThat(two.exitCode()).isEqualTo(2);
    assertThat(two.err()).contains("2 heads").contains("merge");
    assertThat(CliRunner.run(concat(base, "merge", "-m", "join")).exitCode()).isZero();
    assertThat(CliRunner.run(concat(base, "heads")).out().lines()).hasSize(1);
    assertThat(CliRunner.run(concat(base, "upgrade", "head")).exitCode()).isZero();
  }

  private static String onlyRevision(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      String name = files.findFirst().orElseThrow().getFileName().toString();
      return name.substring(0, name.indexOf('_'));
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void initWritesConfigAndFolderOnceAndNeverOverwrites() throws Exception {
    Path project = tmp.resolve("project");
    Files.createDirectories(project);
    String[] args = {"--migrations", project.resolve("migrations").toString(), "--json", "init"};
    CliRunner first = CliRunner.run(args);
    assertThat(first.exitCode()).as(first.all()).isZero();
    assertThat(new ObjectMapper().readTree(first.out()).get("created")).hasSize(2);
    assertThat(project.resolve("schemagate.yaml"))
        .content()
        .contains("url_env")
        .doesNotContain("postgres://");
    assertThat(project.resolve("migrations")).isDirectory();
    CliRunner second = CliRunner.run(args);
    assertThat(new ObjectMapper().readTree(second.out()).get("created")).isEmpty();
  }

  @Test
  void upgradeAnswersInJsonWithPlanAndSteps() throws Exception {
    CliRunner r = sg("--json", "upgrade", "head");
    assertThat(r.exitCode()).as(r.all()).isZero();
    JsonNode node = new ObjectMapper().readTree(r.out());
    assertThat(node.get("plan")).hasSize(14);
    assertThat(node.get("steps")).hasSize(14);
    assertThat(node.get("heads_after").get(0).asText()).isEqualTo("5a105911a525");
  }
}

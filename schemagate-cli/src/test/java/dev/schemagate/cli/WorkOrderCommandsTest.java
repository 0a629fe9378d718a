package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.testing.NativeFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wo new, show, approve and reject on a copy of the example project with people and keys. */
class WorkOrderCommandsTest {
  @TempDir Path project;

  private String config;

  private String pub(String name) throws Exception {
    CliRunner k = CliRunner.run("keys", "new", name, "--dir", project.resolve("keys").toString());
    assertThat(k.exitCode()).as(k.all()).isZero();
    return Files.readAllLines(project.resolve("keys/" + name + ".pub")).stream()
        .filter(l -> !l.startsWith("-----"))
        .reduce("", String::concat);
  }

  @BeforeEach
  void project() throws Exception {
    Path migrations = Files.createDirectories(project.resolve("migrations"));
    try (Stream<Path> s = Files.list(NativeFiles.exampleProject())) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Files.copy(p, migrations.resolve(p.getFileName()));
      }
    }
    String wendy = pub("wendy");
    String max = pub("max");
    String alice = pub("alice");
    Files.writeString(
        project.resolve("schemagate.yaml"),
        "migrations: migrations\n"
            + "people:\n"
            + "  wendy: {role: worker, public_key: 'ed25519:"
            + wendy
            + "'}\n"
            + "  max: {role: manager, public_key: 'ed25519:"
            + max
            + "'}\n"
            + "  alice: {role: final_authority, public_key: 'ed25519:"
            + alice
            + "'}\n"
            + "environments:\n"
            + "  staging:\n"
            + "    url: jdbc:sqlite:staging.db\n"
            + "    governed: true\n"
            + "    approvals: {required: 1, roles: [manager, final_authority]}\n");
    config = project.resolve("schemagate.yaml").toString();
  }

  private CliRunner cli(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--config";
    all[1] = config;
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRunner.run(all);
  }

  @Test
  void aWorkerDraftsTheManagerApprovesTheWorkerAndAuthorAreRefused() throws Exception {
    CliRunner draft =
        cli("--env", "staging", "wo", "new", "--to", "head", "--from", "base", "--author", "wendy");
    assertThat(draft.exitCode()).as(draft.all()).isZero();
    Path wo = project.resolve("workorders/WO-MIGRATION-001.md");
    assertThat(wo).exists();
    String text = Files.readString(wo);
    assertThat(text)
        .contains("environment: staging")
        .contains("author: wendy")
        .contains("TODO: why it is needed now")
        .contains("checksum: ");
    for (String evidence :
        new String[] {"dry-run.sql", "lint.txt", "diff.md", "drill.md", "backup-plan.md"}) {
      assertThat(project.resolve("workorders/WO-MIGRATION-001/" + evidence)).exists();
    }
    assertThat(Files.readString(project.resolve("workorders/WO-MIGRATION-001/dry-run.sql")))
        .contains("CREATE TABLE")
        .contains("schemagate_version");

    CliRunner worker =
        cli(
            "wo",
            "approve",
            "WO-MIGRATION-001",
            "--key",
            project.resolve("keys/wendy.key").toString());
    assertThat(worker.exitCode()).isEqualTo(3);
    assertThat(worker.err()).contains("workers may draft work orders, never approve them");

    CliRunner manager =
        cli(
            "wo",
            "approve",
            "WO-MIGRATION-001",
            "--key",
            project.resolve("keys/max.key").toString());
    assertThat(manager.exitCode()).as(manager.all()).isZero();
    assertThat(manager.out()).contains("approved by max (manager)");
    assertThat(Files.readString(wo)).contains("approver: max").contains("signature: ");

    CliRunner reject =
        cli(
            "wo",
            "reject",
            "WO-MIGRATION-001",
            "--key",
            project.resolve("keys/alice.key").toString(),
            "--reason",
            "not in this release");
    assertThat(reject.exitCode()).as(reject.all()).isZero();
    CliRunner show = cli("wo", "show", "WO-MIGRATION-001");
    assertThat(show.out())
        .contains("# WO-MIGRATION-001")
        .contains("approved by max (manager)")
        .contains("rejected by alice (final_authority)")
        .contains(": not in this release");
  }

  @Test
  void theAuthorMayNotApproveTheirOwnWorkOrder() {
    assertThat(
            cli(
                    "--env",
                    "staging",
                    "wo",
                    "new",
                    "--to",
                    "head",
                    "--from",
                    "base",
                    "--author",
                    "max")
                .exitCode())
        .isZero();
    CliRunner self =
        cli(
            "wo",
            "approve",
            "WO-MIGRATION-001",
            "--key",
            project.resolve("keys/max.key").toString());
    assertThat(self.exitCode()).isEqualTo(3);
    assertThat(self.err()).contains("max wrote WO-MIGRATION-001 and may not approve it");
  }

  @Test
  void aKeyOfNobodyInPeopleIsRefused() throws Exception {
    cli("--env", "staging", "wo", "new", "--to", "head", "--from", "base", "--author", "wendy");
    CliRunner k = CliRunner.run("keys", "new", "mallory", "--dir", project.toString());
    assertThat(k.exitCode()).isZero();
    CliRunner r =
        cli(
            "wo",
            "approve",
            "WO-MIGRATION-001",
            "--key",
            project.resolve("mallory.key").toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("belongs to nobody in");
  }

  @Test
  void aWorkOrderNeedsExactlyOneNamedEnvironmentAndAKnownAuthor() {
    CliRunner noEnv = cli("wo", "new", "--to", "head", "--from", "base", "--author", "wendy");
    assertThat(noEnv.exitCode()).isEqualTo(2);
    assertThat(noEnv.err()).contains("exactly one environment");
    CliRunner stranger =
        cli("--env", "staging", "wo", "new", "--to", "head", "--from", "base", "--author", "eve");
    assertThat(stranger.exitCode()).isEqualTo(2);
    assertThat(stranger.err()).contains("the author 'eve' is not one of the people");
  }

  @Test
  void checkListsEveryStopConditionAndBlocksTheFreshDraftNamingWhatIsMissing() throws Exception {
    cli("--env", "staging", "wo", "new", "--to", "head", "--from", "base", "--author", "wendy");
    CliRunner check = cli("--env", "staging", "wo", "check", "WO-MIGRATION-001");
    assertThat(check.exitCode()).as(check.all()).isEqualTo(3);
    // Not approved, rollback plan still TODO, migrations not in git: each named.
    assertThat(check.out())
        .containsPattern("FAIL +approvals")
        .containsPattern("FAIL +rollback")
        .contains("PASS");
    // Nothing was executed: the database holds only the audit log, with the draft recorded.
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + project.resolve("staging.db"));
        java.sql.ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      List<String> tables = new java.util.ArrayList<>();
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
      assertThat(tables).containsExactly("schemagate_audit_log");
      try (java.sql.ResultSet events =
          c.createStatement().executeQuery("SELECT event FROM schemagate_audit_log")) {
        assertThat(events.next()).isTrue();
        assertThat(events.getString(1)).isEqualTo("WORK_ORDER_CREATED");
        assertThat(events.next()).isFalse();
      }
    }
  }

  @Test
  void oneByteChangedInAMigrationAfterApprovalFailsTheCheck() throws Exception {
    cli("--env", "staging", "wo", "new", "--to", "head", "--from", "base", "--author", "wendy");
    assertThat(
            cli(
                    "wo",
                    "approve",
                    "WO-MIGRATION-001",
                    "--key",
                    project.resolve("keys/max.key").toString())
                .exitCode())
        .isZero();
    CliRunner before = cli("--env", "staging", "wo", "check", "WO-MIGRATION-001");
    assertThat(before.out()).containsPattern("PASS +changed-since-approval");
    // One byte, in the downgrade section: what a rollback would run is covered too.
    Path m = project.resolve("migrations/9f768fbd5b23_create_invoices.sql");
    String text = Files.readString(m);
    Files.writeString(
        m, text.substring(0, text.length() - 2) + "X" + text.substring(text.length() - 1));
    CliRunner after = cli("--env", "staging", "wo", "check", "WO-MIGRATION-001");
    assertThat(after.exitCode()).isEqualTo(3);
    assertThat(after.out())
        .containsPattern("FAIL +changed-since-approval")
        .contains("9f768fbd5b23");
  }
}

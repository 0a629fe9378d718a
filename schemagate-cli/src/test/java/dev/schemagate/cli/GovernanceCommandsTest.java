package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keys new, guard scan and audit-log verify, end to end. */
class GovernanceCommandsTest {
  @TempDir Path tmp;

  @Test
  void keysNewWritesAKeyPairAndPrintsTheConfigLineButNeverThePrivateKey() throws Exception {
    CliRunner r = CliRunner.run("keys", "new", "alice", "--dir", tmp.toString());
    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(tmp.resolve("alice.key")).exists();
    assertThat(tmp.resolve("alice.pub")).exists();
    assertThat(r.out()).contains("alice: {role: <your role>, public_key: 'ed25519:");
    String privateKey = Files.readString(tmp.resolve("alice.key"));
    String body = privateKey.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);
    assertThat(r.all()).doesNotContain(body);
    CliRunner again = CliRunner.run("keys", "new", "alice", "--dir", tmp.toString());
    assertThat(again.exitCode()).isEqualTo(2);
  }

  @Test
  void guardScanReportsFileAndLineAndFailsOnATrigger() throws Exception {
    Files.writeString(
        tmp.resolve("Procfile"), "release: alembic upgrade head\nweb: gunicorn app\n");
    CliRunner r = CliRunner.run("guard", "scan", tmp.toString());
    assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
    assertThat(r.out()).contains("Procfile:1:").contains("alembic upgrade head");

    Path clean = Files.createDirectories(tmp.resolve("clean"));
    Files.writeString(clean.resolve("Procfile"), "web: gunicorn app\n");
    CliRunner ok = CliRunner.run("guard", "scan", clean.toString());
    assertThat(ok.exitCode()).as(ok.all()).isZero();
    assertThat(ok.out()).contains("no start-up migration found");
  }

  @Test
  void auditLogVerifyFindsAnEditedEntry() throws Exception {
    String url = "jdbc:sqlite:" + tmp.resolve("a.db");
    try (Connection c = DriverManager.getConnection(url)) {
      var log =
          new dev.schemagate.core.governance.auditlog.AuditLog(
              c, dev.schemagate.core.sql.Dialect.SQLITE);
      for (int i = 0; i < 3; i++) {
        log.append(
            dev.schemagate.core.governance.auditlog.AuditEntryDraft.of(
                dev.schemagate.core.governance.auditlog.AuditEvent.GATE_PASSED, "max", "host"));
      }
    }
    CliRunner intact = CliRunner.run("--url", url, "audit-log", "verify");
    assertThat(intact.exitCode()).as(intact.all()).isZero();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute("UPDATE schemagate_audit_log SET actor = 'mallory' WHERE seq = 2");
    }
    CliRunner edited = CliRunner.run("--url", url, "audit-log", "verify");
    assertThat(edited.exitCode()).isEqualTo(1);
    assertThat(edited.out()).contains("2");
  }
}

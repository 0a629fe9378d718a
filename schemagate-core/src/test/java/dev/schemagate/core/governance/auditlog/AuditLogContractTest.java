package dev.schemagate.core.governance.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.schemagate.core.governance.auditlog.AuditVerification.Kind;
import dev.schemagate.core.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The audit log's behaviour on a real database, run once per dialect by the subclasses. Tampering
 * is done with plain SQL, as someone with write access to the table would do it.
 */
abstract class AuditLogContractTest {

  /** A new connection to this test's database, in autocommit. */
  abstract Connection connect() throws SQLException;

  abstract Dialect dialect();

  static AuditEntryDraft draft(AuditEvent event, int n) {
    return AuditEntryDraft.of(event, "alice", "build-host")
        .withWorkOrder("WO-MIGRATION-00" + n, "staging")
        .withDetail(Map.of("step", n));
  }

  List<AuditEntry> appendFive(Connection c) throws SQLException {
    AuditLog log = new AuditLog(c, dialect());
    List<AuditEntry> out = new ArrayList<>();
    AuditEvent[] events = {
      AuditEvent.WORK_ORDER_CREATED,
      AuditEvent.APPROVED,
      AuditEvent.GATE_PASSED,
      AuditEvent.APPLY_STARTED,
      AuditEvent.APPLY_FINISHED
    };
    for (int i = 0; i < events.length; i++) {
      out.add(log.append(draft(events[i], i + 1)));
    }
    return out;
  }

  static void exec(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  @Test
  void appendedEntriesChainFromGenesisAndVerifyIntact() throws SQLException {
    try (Connection c = connect()) {
      List<AuditEntry> appended = appendFive(c);
      AuditLog log = new AuditLog(c, dialect());

      List<AuditEntry> stored = log.read();
      assertThat(stored).containsExactlyElementsOf(appended);
      assertThat(stored).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(stored.get(0).prevHash()).isEqualTo(AuditAnchor.GENESIS_HASH);
      for (int i = 1; i < stored.size(); i++) {
        assertThat(stored.get(i).prevHash()).isEqualTo(stored.get(i - 1).hash());
      }
      assertThat(stored.get(2).detail()).isEqualTo("{\"step\":3}");
      assertThat(stored.get(2).workOrder()).isEqualTo("WO-MIGRATION-003");

      AuditVerification v = log.verify();
      assertThat(v.intact()).as(v.describe()).isTrue();
      assertThat(v.entries()).isEqualTo(5);
      assertThat(v.head()).isEqualTo(appended.get(4).anchor());
      assertThat(log.verify(v.head()).intact()).isTrue();
      assertThat(log.verify(appended.get(1).anchor()).intact())
          .as("an older anchor is still reached")
          .isTrue();
    }
  }

  @Test
  void emptyLogIsIntactWithGenesisHead() throws SQLException {
    try (Connection c = connect()) {
      AuditLog log = new AuditLog(c, dialect());
      AuditVerification v = log.verify();
      assertThat(v.intact()).isTrue();
      assertThat(v.entries()).isZero();
      assertThat(v.head()).isEqualTo(AuditAnchor.GENESIS);
      assertThat(log.read()).isEmpty();
    }
  }

  @Test
  void detectsEditedDetailNamingTheSeq() throws SQLException {
    try (Connection c = connect()) {
      appendFive(c);
      exec(c, "UPDATE schemagate_audit_log SET detail = '{\"step\":99}' WHERE seq = 3");

      AuditVerification v = new AuditLog(c, dialect()).verify();

      assertThat(v.intact()).isFalse();
      assertThat(v.problem().kind()).isEqualTo(Kind.EDITED);
      assertThat(v.problem().seq()).isEqualTo(3);
      assertThat(v.describe()).contains("seq 3").contains("changed after it was written");
    }
  }

  @Test
  void detectsEditedActorOnTheFirstEntry() throws SQLException {
    try (Connection c = connect()) {
      appendFive(c);
      exec(c, "UPDATE schemagate_audit_log SET actor = 'mallory' WHERE seq = 1");

      AuditVerification v = new AuditLog(c, dialect()).verify();

      assertThat(v.problem().kind()).isEqualTo(Kind.EDITED);
      assertThat(v.problem().seq()).isEqualTo(1);
    }
  }

  @Test
  void detectsDeletedMiddleEntry() throws SQLException {
    try (Connection c = connect()) {
      appendFive(c);
      exec(c, "DELETE FROM schemagate_audit_log WHERE seq = 3");

      AuditVerification v = new AuditLog(c, dialect()).verify();

      assertThat(v.problem().kind()).isEqualTo(Kind.DELETED);
      assertThat(v.problem().seq()).isEqualTo(3);
      assertThat(v.problem().reason()).contains("entry 3 is missing");
    }
  }

  @Test
  void detectsDeletedFirstEntry() throws SQLException {
    try (Connection c = connect()) {
      appendFive(c);
      exec(c, "DELETE FROM schemagate_audit_log WHERE seq = 1");

      AuditVerification v = new AuditLog(c, dialect()).verify();

      assertThat(v.problem().kind()).isEqualTo(Kind.DELETED);
      assertThat(v.problem().seq()).isEqualTo(1);
    }
  }

  @Test
  void detectsTwoEntriesSwapped() throws SQLException {
    try (Connection c = connect()) {
      appendFive(c);
      swap(c, 2, 4);

      AuditVerification v = new AuditLog(c, dialect()).verify();

      assertThat(v.problem().kind()).isEqualTo(Kind.REORDERED);
      assertThat(v.problem().seq()).isEqualTo(2);
      assertThat(v.problem().reason()).contains("written as seq 4");
    }
  }

  @Test
  void detectsAdjacentEntriesSwapped() throws SQLException {
    try (Connection c = connect()) {
      appendFive(c);
      swap(c, 4, 5);

      AuditVerification v = new AuditLog(c, dialect()).verify();

      assertThat(v.problem().kind()).isEqualTo(Kind.REORDERED);
      assertThat(v.problem().seq()).isEqualTo(4);
      assertThat(v.problem().reason()).contains("written as seq 5");
    }
  }

  @Test
  void detectsEntryRehashedAtAnotherPositionByItsChainLink() throws SQLException {
    try (Connection c = connect()) {
      appendFive(c);
      // Move entry 5 to seq 3 after deleting 3, and recompute its own hash for the new seq: its
      // content now checks out, but it still chains after entry 4.
      exec(c, "DELETE FROM schemagate_audit_log WHERE seq = 3");
      AuditLog.Row five = rowsBySeq(c).get(3);
      AuditLog.Row moved = five.withSeq(3);
      exec(
          c,
          "UPDATE schemagate_audit_log SET seq = 3, hash = '"
              + moved.computeHash()
              + "' WHERE seq = 5");

      AuditVerification v = new AuditLog(c, dialect()).verify();

      assertThat(v.problem().kind()).isEqualTo(Kind.REORDERED);
      assertThat(v.problem().seq()).isEqualTo(3);
      assertThat(v.problem().reason()).contains("chains after entry 4");
    }
  }

  @Test
  void truncatedTailPassesPlainVerifyButNotTheCitedHead() throws SQLException {
    try (Connection c = connect()) {
      appendFive(c);
      AuditLog log = new AuditLog(c, dialect());
      AuditAnchor cited = log.verify().head();

      exec(c, "DELETE FROM schemagate_audit_log WHERE seq >= 4");

      // The documented limit: a shorter chain is a valid chain.
      AuditVerification plain = log.verify();
      assertThat(plain.intact()).isTrue();
      assertThat(plain.entries()).isEqualTo(3);

      AuditVerification anchored = log.verify(cited);
      assertThat(anchored.intact()).isFalse();
      assertThat(anchored.problem().kind()).isEqualTo(Kind.TRUNCATED);
      assertThat(anchored.problem().seq()).isEqualTo(4);
      assertThat(anchored.problem().reason()).contains("ends at seq 3").contains("4..5");
    }
  }

  @Test
  void deletingEveryEntryIsCaughtOnlyByTheCitedHead() throws SQLException {
    try (Connection c = connect()) {
      appendFive(c);
      AuditLog log = new AuditLog(c, dialect());
      AuditAnchor cited = log.verify().head();

      exec(c, "DELETE FROM schemagate_audit_log");

      assertThat(log.verify().intact()).isTrue();
      AuditVerification anchored = log.verify(cited);
      assertThat(anchored.problem().kind()).isEqualTo(Kind.TRUNCATED);
      assertThat(anchored.problem().seq()).isEqualTo(1);
      assertThat(anchored.problem().reason()).contains("entries 1..5 were removed");
    }
  }

  @Test
  void fullyRehashedRewriteIsCaughtOnlyByTheCitedHead() throws SQLException {
    try (Connection c = connect()) {
      appendFive(c);
      AuditLog log = new AuditLog(c, dialect());
      AuditAnchor cited = log.verify().head();

      // Someone edits entry 2 and recomputes every hash from there on, as anyone can.
      exec(c, "UPDATE schemagate_audit_log SET actor = 'mallory' WHERE seq = 2");
      List<AuditLog.Row> rows = new ArrayList<>(rowsBySeq(c));
      String prev = rows.get(0).hash();
      for (int i = 1; i < rows.size(); i++) {
        AuditLog.Row r = rows.get(i);
        AuditLog.Row relinked =
            new AuditLog.Row(
                r.seq(),
                r.recordedAt(),
                r.actor(),
                r.host(),
                r.event(),
                r.workOrder(),
                r.environment(),
                r.detail(),
                prev,
                null);
        prev = relinked.computeHash();
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE schemagate_audit_log SET prev_hash = ?, hash = ? WHERE seq = ?")) {
          ps.setString(1, relinked.prevHash());
          ps.setString(2, prev);
          ps.setLong(3, r.seq());
          ps.executeUpdate();
        }
      }

      assertThat(log.verify().intact()).as("undetectable without an anchor").isTrue();
      AuditVerification anchored = log.verify(cited);
      assertThat(anchored.problem().kind()).isEqualTo(Kind.REWRITTEN);
      assertThat(anchored.problem().seq()).isEqualTo(5);
    }
  }

  @Test
  void appendInRolledBackTransactionLeavesNothing() throws SQLException {
    try (Connection c = connect()) {
      AuditLog log = new AuditLog(c, dialect());
      c.setAutoCommit(false);
      log.append(draft(AuditEvent.GATE_FAILED, 1));
      c.rollback();
      c.setAutoCommit(true);

      assertThat(log.read()).isEmpty();
      assertThat(log.verify().entries()).isZero();

      log.append(draft(AuditEvent.GATE_FAILED, 1));
      c.setAutoCommit(false);
      log.append(draft(AuditEvent.APPLY_STARTED, 2));
      c.rollback();
      c.setAutoCommit(true);

      AuditEntry next = log.append(draft(AuditEvent.GATE_PASSED, 3));
      assertThat(next.seq()).as("the rolled-back seq is reused, so no gap").isEqualTo(2);
      assertThat(log.verify().intact()).isTrue();
      assertThat(log.read())
          .extracting(AuditEntry::event)
          .containsExactly(AuditEvent.GATE_FAILED, AuditEvent.GATE_PASSED);
    }
  }

  @Test
  void appendInCallerTransactionCommitsWithItAndLeavesAutocommitAlone() throws SQLException {
    try (Connection c = connect();
        Connection other = connect()) {
      c.setAutoCommit(false);
      new AuditLog(c, dialect()).append(draft(AuditEvent.GATE_FAILED, 1));
      assertThat(c.getAutoCommit()).isFalse();
      c.commit();

      assertThat(new AuditLog(other, dialect()).read())
          .extracting(AuditEntry::event)
          .containsExactly(AuditEvent.GATE_FAILED);
    }
  }

  @Test
  void autocommitAppendIsVisibleToOtherConnectionsAtOnce() throws SQLException {
    try (Connection c = connect();
        Connection other = connect()) {
      new AuditLog(c, dialect()).append(draft(AuditEvent.WORK_ORDER_CREATED, 1));
      assertThat(c.getAutoCommit()).isTrue();
      assertThat(new AuditLog(other, dialect()).read()).hasSize(1);
    }
  }

  @Test
  void secretsAreRedactedBeforeTheyAreStored() throws SQLException {
    String secret = "s3cr3t-Pa55";
    try (Connection c = connect()) {
      AuditEntryDraft leaky =
          new AuditEntryDraft(
              AuditEvent.APPLY_FAILED,
              "ci-agent",
              "postgres://ci:" + secret + "@db.internal/app",
              "WO-MIGRATION-007",
              "production",
              "{\"error\":\"connect jdbc:postgresql://db/app?user=ci&password="
                  + secret
                  + "&ssl=true failed\",\"db_password\":\""
                  + secret
                  + "\",\"nested\":[{\"url\":\"postgresql://u:"
                  + secret
                  + "@h/db\"}]}");
      AuditEntry stored = new AuditLog(c, dialect()).append(leaky);

      assertThat(stored.toString()).doesNotContain(secret);
      assertThat(stored.detail()).contains("password=***&ssl=true failed").contains("***");
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT * FROM schemagate_audit_log")) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= columns; i++) {
            assertThat(String.valueOf(rs.getString(i))).doesNotContain(secret);
          }
        }
      }
      assertThat(new AuditLog(c, dialect()).verify().intact()).isTrue();
    }
  }

  @Test
  void detailThatIsNotAJsonObjectIsRefusedAndNothingStored() throws SQLException {
    try (Connection c = connect()) {
      AuditLog log = new AuditLog(c, dialect());
      assertThatThrownBy(
              () ->
                  log.append(
                      AuditEntryDraft.of(AuditEvent.REJECTED, "bob", "")
                          .withDetail("{\"reason\": \"password=hunter2")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not valid JSON")
          .hasMessageNotContaining("hunter2");
      assertThatThrownBy(
              () ->
                  log.append(AuditEntryDraft.of(AuditEvent.REJECTED, "bob", "").withDetail("[1]")))
          .hasMessageContaining("must be a JSON object");
      assertThat(log.read()).isEmpty();
    }
  }

  @Test
  void unknownEventFailsReadButNotVerifyWhenProperlyHashed() throws SQLException {
    try (Connection c = connect()) {
      AuditLog log = new AuditLog(c, dialect());
      log.append(draft(AuditEvent.WORK_ORDER_CREATED, 1));
      // As a newer schemagate with a larger vocabulary would write it.
      AuditLog.Row r = rowsBySeq(c).get(0);
      AuditLog.Row newer =
          new AuditLog.Row(
              2,
              r.recordedAt(),
              r.actor(),
              r.host(),
              "FUTURE_EVENT",
              null,
              null,
              "{}",
              r.hash(),
              null);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO schemagate_audit_log (seq, recorded_at, actor, host, event, detail,"
                  + " prev_hash, hash) VALUES (2, ?, ?, ?, 'FUTURE_EVENT', '{}', ?, ?)")) {
        ps.setString(1, r.recordedAt());
        ps.setString(2, r.actor());
        ps.setString(3, r.host());
        ps.setString(4, r.hash());
        ps.setString(5, newer.computeHash());
        ps.executeUpdate();
      }

      assertThat(log.verify().intact()).isTrue();
      assertThatThrownBy(log::read)
          .hasMessageContaining("entry 2")
          .hasMessageContaining("FUTURE_EVENT");
    }
  }

  /** Swaps the positions of two entries: each keeps its content but takes the other's seq. */
  void swap(Connection c, long a, long b) throws SQLException {
    exec(c, "UPDATE schemagate_audit_log SET seq = -1 WHERE seq = " + a);
    exec(c, "UPDATE schemagate_audit_log SET seq = " + a + " WHERE seq = " + b);
    exec(c, "UPDATE schemagate_audit_log SET seq = " + b + " WHERE seq = -1");
  }

  static List<AuditLog.Row> rowsBySeq(Connection c) throws SQLException {
    List<AuditLog.Row> rows = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT seq, recorded_at, actor, host, event, work_order, environment, detail,"
                    + " prev_hash, hash FROM schemagate_audit_log ORDER BY seq")) {
      while (rs.next()) {
        rows.add(
            new AuditLog.Row(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10)));
      }
    }
    return rows;
  }
}

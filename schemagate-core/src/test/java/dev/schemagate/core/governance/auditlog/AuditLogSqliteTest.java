package dev.schemagate.core.governance.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.sql.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit-log contract on a SQLite file. */
class AuditLogSqliteTest extends AuditLogContractTest {
  @TempDir Path tmp;

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("audit.db"));
  }

  @Override
  Dialect dialect() {
    return Dialect.SQLITE;
  }

  @Test
  void concurrentAppendersOnTwoConnectionsNeverForkTheChain() throws Exception {
    try (Connection setup = connect()) {
      // Create the table first so both writers contend on appends, not on the first CREATE.
      new AuditLog(setup, dialect()).append(draft(AuditEvent.WORK_ORDER_CREATED, 0));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int thread = t;
        Callable<Integer> writer =
            () -> {
              try (Connection c = connect()) {
                AuditLog log = new AuditLog(c, dialect());
                for (int i = 0; i < 25; i++) {
                  log.append(draft(AuditEvent.APPLY_STARTED, thread * 100 + i));
                }
              }
              return 25;
            };
        done.add(pool.submit(writer));
      }
      for (Future<Integer> f : done) {
        assertThat(f.get()).isEqualTo(25);
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection c = connect()) {
      AuditVerification v = new AuditLog(c, dialect()).verify();
      assertThat(v.intact()).as(v.describe()).isTrue();
      assertThat(v.entries()).isEqualTo(51);
    }
  }
}

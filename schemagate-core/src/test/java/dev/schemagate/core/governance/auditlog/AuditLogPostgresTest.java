package dev.schemagate.core.governance.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.sql.Dialect;
import dev.schemagate.core.testing.EmbeddedPostgresExtension;
import dev.schemagate.core.testing.PostgresDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit-log contract on a fresh PostgreSQL database per test, plus concurrent appenders. */
@ExtendWith(EmbeddedPostgresExtension.class)
class AuditLogPostgresTest extends AuditLogContractTest {
  private PostgresDatabase db;

  @BeforeEach
  void database(PostgresDatabase db) {
    this.db = db;
  }

  @Override
  Connection connect() throws SQLException {
    return db.connect();
  }

  @Override
  Dialect dialect() {
    return Dialect.POSTGRES;
  }

  @Test
  void concurrentAppendersNeverForkTheChain() throws Exception {
    int perThread = 50;
    // Both start on an empty database, so the table creation itself is contended too.
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int thread = t;
        Callable<Integer> writer =
            () -> {
              try (Connection c = connect()) {
                AuditLog log = new AuditLog(c, dialect());
                start.await();
                for (int i = 0; i < perThread; i++) {
                  log.append(draft(AuditEvent.APPLY_STARTED, thread * 100 + i));
                }
              }
              return perThread;
            };
        done.add(pool.submit(writer));
      }
      start.countDown();
      for (Future<Integer> f : done) {
        assertThat(f.get()).isEqualTo(perThread);
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection c = connect()) {
      AuditLog log = new AuditLog(c, dialect());
      AuditVerification v = log.verify();
      assertThat(v.intact()).as(v.describe()).isTrue();
      assertThat(v.entries()).isEqualTo(2L * perThread);
      assertThat(log.read())
          .extracting(AuditEntry::seq)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, 2L * perThread).boxed().toList());
    }
  }

  @Test
  void appendWaitsForAnOpenAppenderTransactionInsteadOfForking() throws Exception {
    try (Connection holder = connect();
        Connection waiter = connect()) {
      new AuditLog(holder, dialect()).append(draft(AuditEvent.WORK_ORDER_CREATED, 1));
      holder.setAutoCommit(false);
      new AuditLog(holder, dialect()).append(draft(AuditEvent.GATE_PASSED, 2));

      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Future<AuditEntry> blocked =
            pool.submit(
                () -> new AuditLog(waiter, dialect()).append(draft(AuditEvent.GATE_FAILED, 3)));
        Thread.sleep(300);
        assertThat(blocked).as("waits on the advisory lock").isNotDone();
        holder.commit();
        assertThat(blocked.get().seq()).isEqualTo(3);
      } finally {
        pool.shutdownNow();
      }
      assertThat(new AuditLog(waiter, dialect()).verify().intact()).isTrue();
    }
  }
}

package dev.schemagate.bench;

import dev.schemagate.core.Migrator;
import dev.schemagate.core.RunIdentity;
import dev.schemagate.core.api.MigrateRequest;
import dev.schemagate.core.api.SchemaRequest;
import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.config.WorkspaceOptions;
import dev.schemagate.core.history.Database;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.schema.backup.BackupRecord;
import dev.schemagate.core.schema.backup.PgTools;
import dev.schemagate.core.schema.drill.DrillRenderer;
import dev.schemagate.core.schema.drill.DrillReport;
import dev.schemagate.core.schema.introspect.Introspector;
import dev.schemagate.core.schema.scratch.ScratchDatabase;
import dev.schemagate.core.schema.scratch.ScratchServer;
import dev.schemagate.core.schema.scratch.ScratchSettings;
import dev.schemagate.core.sql.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The schema features' benchmark, on an embedded PostgreSQL 15.18 (the configurable scratch major,
 * so that this machine's pg_dump 15 can be the reference):
 *
 * <ul>
 *   <li>introspection of a 1,000-table schema (6 columns, a primary key, a foreign key, an index
 *       and a comment each): the first read and the median of 5 more, against {@code pg_dump
 *       --schema-only} of the same database as the floor;
 *   <li>the up, down, up drill over crates-io's 285 migrations, the whole drill including the start
 *       of its own embedded scratch server;
 *   <li>backup and verify of the crates-io database (285 migrations applied): {@code schemagate
 *       backup} (pg_dump custom format, SHA-256, record) against plain {@code pg_dump -Fc} as the
 *       floor, then {@code --verify} (restore into scratch, compare schema and row counts).
 * </ul>
 *
 * <p>Usage: {@code SchemaBenchmark <repository root>}.
 */
public final class SchemaBenchmark {
  private static final int REPS = 5;

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    Path crates = root.resolve("../shared/corpora/crates-io/migrations").normalize();
    Path work = Files.createTempDirectory("schemagate-schema-bench");
    List<String> out = new ArrayList<>();
    ScratchSettings pg15 = ScratchSettings.defaults().withPostgresMajor(15);
    try (ScratchServer server = ScratchServer.open(pg15)) {
      try (ScratchDatabase db = server.create(Dialect.POSTGRES)) {
        buildTables(db.spec(), 1000);
        long[] warm = new long[REPS];
        long first;
        try (Connection c = Database.open(db.spec(), "bench")) {
          long t0 = System.nanoTime();
          SchemaSnapshot s = Introspector.read(c);
          first = ms(t0);
          if (s.all(dev.schemagate.core.schema.Table.class).size() != 1000 || !s.complete()) {
            throw new IllegalStateException("introspection read the wrong schema");
          }
          for (int i = 0; i < REPS; i++) {
            long t = System.nanoTime();
            Introspector.read(c);
            warm[i] = ms(t);
          }
        }
        long[] dump = new long[REPS];
        for (int i = 0; i < REPS; i++) {
          dump[i] = pgDump(db.spec(), work.resolve("schema-" + i + ".sql"), "--schema-only");
        }
        out.add(
            String.format(
                "Introspection of 1,000 tables (%s): first read %d ms, then median %d ms;"
                    + " pg_dump --schema-only %d ms (schemagate / pg_dump %.2fx)",
                server.describe(),
                first,
                median(warm),
                median(dump),
                (double) median(warm) / median(dump)));
      }
      if (!Files.isDirectory(crates)) {
        out.add("crates-io benchmarks skipped: " + crates + " not found");
      } else {
        // The drill: everything included, its own embedded scratch server too (default major).
        long t0 = System.nanoTime();
        DrillReport drill =
            migrator(crates, "jdbc:postgresql://localhost:1/unused")
                .drill(null, SchemaRequest.defaults());
        long drillMs = ms(t0);
        out.add(
            String.format(
                "Drill of crates-io, whole command: %d ms for %d migrations (%s)",
                drillMs, drill.steps().size(), DrillRenderer.summary(drill)));

        try (ScratchDatabase db = server.create(Dialect.POSTGRES)) {
          String url = db.spec().jdbcUrl() + "?user=" + db.spec().user();
          Migrator m = migrator(crates, url);
          m.upgrade(MigrateRequest.live("head"));
          long[] floor = new long[REPS];
          long[] backup = new long[REPS];
          for (int i = 0; i < REPS; i++) {
            floor[i] = pgDump(db.spec(), work.resolve("floor-" + i + ".dump"), "-Fc");
            long t = System.nanoTime();
            m.backup(work.resolve("b-" + i + ".dump"), false, SchemaRequest.defaults());
            backup[i] = ms(t);
          }
          long t = System.nanoTime();
          BackupRecord verified =
              m.backup(
                  work.resolve("verified.dump"),
                  true,
                  new SchemaRequest(null, ScratchSettings.defaults().withPostgresMajor(15)));
          long verifyMs = ms(t);
          out.add(
              String.format(
                  "Backup of the crates-io database: median %d ms, plain pg_dump -Fc %d ms"
                      + " (%.2fx); backup --verify %d ms, verified=%s (%s)",
                  median(backup),
                  median(floor),
                  (double) median(backup) / median(floor),
                  verifyMs,
                  verified.verified(),
                  verified.verificationDetail()));
        }
      }
    }
    System.out.println();
    System.out.println("Schema benchmark " + LocalDate.now() + " on " + ApplyBenchmark.machine());
    out.forEach(System.out::println);
  }

  private static Migrator migrator(Path dir, String url) {
    return Migrator.open(
        new WorkspaceOptions(null, null, url, dir, null, Map.of(), dir.getParent()),
        new RunIdentity("bench", "bench", "bench", Clock.systemUTC()));
  }

  private static void buildTables(ConnectionSpec spec, int n) throws Exception {
    try (Connection c = Database.open(spec, "bench");
        Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      for (int i = 0; i < n; i++) {
        st.addBatch(
            "CREATE TABLE t"
                + i
                + " (id bigint PRIMARY KEY, name text NOT NULL, amount numeric(12,2) DEFAULT 0,"
                + " created_at timestamptz NOT NULL DEFAULT now(), note varchar(200), parent_id bigint"
                + (i == 0 ? "" : " REFERENCES t" + (i - 1) + " (id)")
                + ")");
        st.addBatch("CREATE INDEX t" + i + "_name ON t" + i + " (name)");
        st.addBatch("COMMENT ON TABLE t" + i + " IS 'table " + i + "'");
      }
      st.executeBatch();
      c.commit();
    }
  }

  /** Runs pg_dump of a major that can read the server; returns the wall time in ms. */
  private static long pgDump(ConnectionSpec spec, Path file, String format) throws Exception {
    var tools = PgTools.standard().find("pg_dump");
    if (tools.isEmpty()) {
      throw new IllegalStateException("pg_dump not found: install postgresql-client-15");
    }
    String url = spec.jdbcUrl();
    String hostPort = url.substring("jdbc:postgresql://".length(), url.lastIndexOf('/'));
    String dbName = url.substring(url.lastIndexOf('/') + 1);
    List<String> cmd =
        new ArrayList<>(
            Arrays.asList(
                tools.get(tools.size() - 1).path().toString(),
                format,
                "-h",
                hostPort.substring(0, hostPort.indexOf(':')),
                "-p",
                hostPort.substring(hostPort.indexOf(':') + 1),
                "-U",
                spec.user(),
                "-f",
                file.toString(),
                dbName));
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException("pg_dump failed: " + output);
    }
    return ms(t0);
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static long median(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    return v[v.length / 2];
  }
}

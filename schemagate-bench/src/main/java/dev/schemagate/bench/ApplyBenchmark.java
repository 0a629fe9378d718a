package dev.schemagate.bench;

import dev.schemagate.core.Migrator;
import dev.schemagate.core.RunIdentity;
import dev.schemagate.core.api.MigrateRequest;
import dev.schemagate.core.api.MigrateResult;
import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.config.WorkspaceOptions;
import dev.schemagate.core.history.Database;
import dev.schemagate.core.history.HistoryEntry;
import dev.schemagate.core.history.Outcome;
import dev.schemagate.core.history.VersionTable;
import dev.schemagate.core.plan.Direction;
import dev.schemagate.core.run.JdbcSink;
import dev.schemagate.core.run.SqlCommand;
import dev.schemagate.core.source.MigrationScript;
import dev.schemagate.core.source.MigrationSource;
import dev.schemagate.core.source.MigrationSources;
import dev.schemagate.core.sql.Dialect;
import dev.schemagate.core.sql.SqlStatement;
import dev.schemagate.core.sql.StatementSplitter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;

/**
 * Applies the same migrations three ways on one embedded PostgreSQL and reports wall times:
 *
 * <ul>
 *   <li>floor: the same statements, split the same way, on one JDBC connection, each migration in
 *       its own transaction (the non-transactional ones in autocommit), with no bookkeeping and
 *       with the files already read;
 *   <li>floor + writes: the floor plus the version-table writes schemagate makes per migration, the
 *       same commands sent the same way, and nothing else: what recording every migration
 *       atomically with it costs on its own, without reading, planning, locking or checking;
 *   <li>schemagate: {@code Migrator.upgrade(head)} through the library facade, everything included
 *       (reading files, graph, lock, version tables, history);
 *   <li>Flyway 13 community: {@code migrate()} on the same files in Flyway's layout.
 * </ul>
 *
 * Each input gets a fresh database per run; after one untimed run of each, runs are interleaved and
 * the medians of {@code REPS} (Flyway: {@code FLYWAY_REPS}) are reported. Then {@code status} on
 * the 5,000-migration database is timed as a whole CLI process. Usage: {@code ApplyBenchmark
 * <repository root> [sizes...] [crates-io]} (default: 1000 5000 crates-io), {@code ApplyBenchmark
 * <repository root> status} for the status timing alone, or {@code ApplyBenchmark <repository root>
 * lint} for {@link LintBenchmark}.
 */
public final class ApplyBenchmark {
  /** Timed runs of the floor and schemagate per input, after one untimed warm-up run each. */
  private static final int REPS = 11;

  /** Timed runs of Flyway per input: fewer, since one run on 5,000 migrations takes minutes. */
  private static final int FLYWAY_REPS = 3;

  private final EmbeddedPostgres pg;
  private final Path work;
  private int databases;

  private ApplyBenchmark(EmbeddedPostgres pg, Path work) {
    this.pg = pg;
    this.work = work;
  }

  public static void main(String[] given) throws Exception {
    // -Dbench.only="1000 crates-io durable" arrives as one argument: split it into words.
    String[] args =
        Arrays.stream(given)
            .flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
            .toArray(String[]::new);
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    if (Arrays.asList(args).contains("lint")) {
      LintBenchmark.main(new String[] {root.toString()});
      return;
    }
    if (Arrays.asList(args).contains("schema")) {
      SchemaBenchmark.main(new String[] {root.toString()});
      return;
    }
    Path work = Files.createTempDirectory("schemagate-bench");
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    boolean durable = Arrays.asList(args).contains("durable");
    if (durable) {
      // PostgreSQL's own defaults, as a production server runs: zonky turns these off to make
      // tests fast, which leaves a commit nearly free and bookkeeping a larger share of a step.
      builder
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on");
    }
    try (EmbeddedPostgres pg = builder.start()) {
      System.out.println(
          durable
              ? "PostgreSQL with fsync, synchronous_commit and full_page_writes on"
              : "PostgreSQL with zonky's settings (fsync and synchronous_commit off)");
      int[] sizes = {1000, 5000};
      boolean crates = true;
      if (args.length > 1 && !args[1].equals("all")) {
        sizes =
            java.util.Arrays.stream(args, 1, args.length)
                .filter(a -> a.matches("\\d+"))
                .mapToInt(Integer::parseInt)
                .toArray();
        crates = java.util.Arrays.asList(args).contains("crates-io");
      }
      ApplyBenchmark bench = new ApplyBenchmark(pg, work);
      if (Arrays.asList(args).contains("status")) {
        // Only the status timing: minutes instead of the full comparison's half hour.
        System.out.println(bench.statusTiming(root, bench.synthetic(5000)));
      } else {
        bench.run(root, sizes, crates);
      }
    }
  }

  private void run(Path root, int[] sizes, boolean withCrates) throws Exception {
    List<String> report = new ArrayList<>();
    report.add(
        "| input | migrations | floor | floor + writes | schemagate | Flyway 13 | floor + writes /"
            + " floor | schemagate / floor | schemagate / (floor + writes) | Flyway / floor |");
    report.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    String status5000 = null;
    for (int n : sizes) {
      Path flywayDir = synthetic(n);
      report.add(compare("synthetic", flywayDir, flywayDir, n));
      System.out.println("ROW " + report.get(report.size() - 1));
      if (n == 5000) {
        status5000 = statusTiming(root, flywayDir);
        System.out.println("ROW " + status5000);
      }
    }
    Path crates = root.resolve("../shared/corpora/crates-io/migrations").normalize();
    if (!withCrates) {
      report.add("| crates-io | 285 | not asked for | | | | | | | |");
    } else if (Files.isDirectory(crates)) {
      Path asFlyway = dieselAsFlyway(crates);
      report.add(compare("crates-io", crates, asFlyway, 285));
    } else {
      report.add("| crates-io | 285 | skipped: " + crates + " not found | | | | | | | |");
    }
    System.out.println();
    System.out.println(
        "Benchmark "
            + LocalDate.now()
            + " on "
            + machine()
            + ", embedded PostgreSQL (zonky) on localhost");
    report.forEach(System.out::println);
    if (status5000 != null) {
      System.out.println();
      System.out.println(status5000);
    }
  }

  /** Median times (ms) over REPS interleaved runs; one fresh database per run. */
  private String compare(String name, Path schemagateDir, Path flywayDir, int expected)
      throws Exception {
    List<Pass> plan = prepared(schemagateDir);
    if (plan.size() != expected) {
      throw new IllegalStateException(
          name + ": read " + plan.size() + " migrations, expected " + expected);
    }
    // One untimed run of each first, so that no contender pays for loading and compiling its
    // classes inside the timed runs.
    timeFloor(floor(plan));
    timeFloor(floorWithWrites(plan));
    timeJob(db -> schemagate(schemagateDir, db));
    timeJob(db -> flyway(flywayDir, db));
    long[] floor = new long[REPS];
    long[] writes = new long[REPS];
    long[] sg = new long[REPS];
    long[] fw = new long[FLYWAY_REPS];
    for (int r = 0; r < REPS; r++) {
      // Rotate who goes first, so that no contender always runs on the freshest disk cache.
      int contenders = r < FLYWAY_REPS ? 4 : 3;
      for (int k = 0; k < contenders; k++) {
        switch ((r + k) % contenders) {
          case 0 -> floor[r] = timeFloor(floor(plan));
          case 1 -> sg[r] = timeJob(db -> schemagate(schemagateDir, db));
          case 2 -> writes[r] = timeFloor(floorWithWrites(plan));
          default -> fw[r] = timeJob(db -> flyway(flywayDir, db));
        }
      }
      System.out.printf(
          "%s %d run %d: floor %d ms, floor + writes %d ms, schemagate %d ms%s%n",
          name,
          expected,
          r + 1,
          floor[r],
          writes[r],
          sg[r],
          r < FLYWAY_REPS ? ", flyway " + fw[r] + " ms" : "");
    }
    // Ratios are taken per run (the contenders of one run are adjacent in time), then the median:
    // the disk of a shared machine drifts over minutes, and a ratio of medians would mix eras.
    double[] writesRatio = new double[REPS];
    double[] sgRatio = new double[REPS];
    double[] sgOverWrites = new double[REPS];
    double[] fwRatio = new double[FLYWAY_REPS];
    for (int r = 0; r < REPS; r++) {
      writesRatio[r] = (double) writes[r] / floor[r];
      sgRatio[r] = (double) sg[r] / floor[r];
      sgOverWrites[r] = (double) sg[r] / writes[r];
      if (r < FLYWAY_REPS) {
        fwRatio[r] = (double) fw[r] / floor[r];
      }
    }
    System.out.printf(
        "%s %d per-round ratios, sorted: floor + writes / floor %s; schemagate / floor %s;"
            + " schemagate / (floor + writes) %s%n",
        name,
        expected,
        sortedRatios(writesRatio),
        sortedRatios(sgRatio),
        sortedRatios(sgOverWrites));
    return String.format(
        "| %s | %d | %d ms | %d ms | %d ms | %d ms | %.2f× | %.2f× | %.2f× | %.2f× |",
        name,
        expected,
        median(floor),
        median(writes),
        median(sg),
        median(fw),
        median(writesRatio),
        median(sgRatio),
        median(sgOverWrites),
        median(fwRatio));
  }

  /** A migration's statements, split before timing starts. */
  private record Pass(String id, String checksum, List<String> statements, boolean transactional) {}

  private static List<Pass> prepared(Path dir) {
    MigrationSource source = MigrationSources.read(dir, null);
    List<Pass> out = new ArrayList<>();
    for (MigrationScript s : source.versioned()) {
      List<String> sql = new ArrayList<>();
      for (SqlStatement st : StatementSplitter.split(s.up().sql(), Dialect.POSTGRES)) {
        sql.add(st.sql());
      }
      out.add(new Pass(s.id(), s.checksum(), sql, s.transactional()));
    }
    return out;
  }

  private interface Job {
    void run(String jdbcUrl) throws Exception;
  }

  private long timeJob(Job job) throws Exception {
    String url = freshDatabase();
    long t0 = System.nanoTime();
    job.run(url);
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private long timeFloor(FloorRunner runner) throws Exception {
    String url = freshDatabase();
    long t0 = System.nanoTime();
    // The connection schemagate runs migrations on, with the same driver settings (among them
    // the simple query protocol), so that the two differ by the bookkeeping only.
    try (Connection c =
        Database.openForMigrations(ConnectionSpec.parse(url + "?user=postgres"), "floor")) {
      runner.run(c);
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private interface FloorRunner {
    void run(Connection c) throws Exception;
  }

  private static FloorRunner floor(List<Pass> plan) {
    return c -> {
      try (Statement st = c.createStatement()) {
        st.setEscapeProcessing(false);
        for (Pass p : plan) {
          if (p.transactional()) {
            c.setAutoCommit(false);
          }
          for (String sql : p.statements()) {
            st.execute(sql);
          }
          if (p.transactional()) {
            c.commit();
            c.setAutoCommit(true);
          }
        }
      }
    };
  }

  /**
   * The floor plus, per migration, the version-table writes schemagate makes: the same commands
   * ({@link VersionTable}), sent through the same sink ({@link JdbcSink}: prepared once, one round
   * trip per step), in the migration's transaction (outside one: the {@code running} row first,
   * then the head change and the row's closing update together). Nothing else of schemagate: no
   * files, graph, plan, lock or state read.
   */
  private static FloorRunner floorWithWrites(List<Pass> plan) {
    return c -> {
      VersionTable table = new VersionTable(Dialect.POSTGRES);
      try (Statement st = c.createStatement();
          JdbcSink sink = new JdbcSink(c, true)) {
        st.setEscapeProcessing(false);
        for (SqlCommand create : table.create()) {
          sink.execute(create);
        }
        String head = null;
        for (Pass p : plan) {
          String started = Instant.now().toString();
          if (p.transactional()) {
            sink.begin();
          } else {
            sink.execute(table.insertHistory(row(p, started, null, 0, Outcome.RUNNING)));
          }
          for (String sql : p.statements()) {
            st.execute(sql);
          }
          if (!p.transactional()) {
            sink.begin();
          }
          int n = p.statements().size();
          sink.executeAll(
              List.of(
                  head == null ? table.insertHead(p.id()) : table.replaceHead(head, p.id()),
                  p.transactional()
                      ? table.insertHistory(
                          row(p, started, Instant.now().toString(), n, Outcome.SUCCESS))
                      : table.finishRunning(
                          p.id(), "up", Outcome.SUCCESS, n, Instant.now().toString(), null)));
          sink.commit();
          head = p.id();
        }
      }
    };
  }

  private static HistoryEntry row(
      Pass p, String started, String finished, int statements, Outcome outcome) {
    return new HistoryEntry(
        0,
        p.id(),
        Direction.UP,
        "versioned",
        p.checksum(),
        "bench",
        "bench",
        null,
        started,
        finished,
        statements,
        outcome,
        null,
        "bench");
  }

  private static String sortedRatios(double[] ratios) {
    double[] v = ratios.clone();
    Arrays.sort(v);
    StringBuilder sb = new StringBuilder();
    for (double d : v) {
      sb.append(sb.length() == 0 ? "" : ", ").append(String.format("%.2f", d));
    }
    return sb.toString();
  }

  private static void schemagate(Path dir, String url) {
    Migrator m =
        Migrator.open(
            new WorkspaceOptions(
                null, null, url + "?user=postgres", dir, null, Map.of(), dir.getParent()),
            new RunIdentity("bench", "bench", "bench", Clock.systemUTC()));
    MigrateResult r = m.upgrade(MigrateRequest.live("head"));
    if (r.steps().isEmpty()) {
      throw new IllegalStateException("schemagate applied nothing");
    }
  }

  /**
   * Flyway with one non-default setting: {@code postgresql.transactional.lock=false}. With its
   * default lock (held inside a transaction) Flyway 13 waits forever on crates-io's first {@code
   * CREATE INDEX CONCURRENTLY}: observed here on 2026-11-21, stuck for over five minutes at version
   * 222. The synthetic inputs have no such statement, so the setting changes nothing there.
   */
  private static void flyway(Path dir, String url) {
    Flyway.configure()
        .dataSource(url, "postgres", "")
        .locations("filesystem:" + dir)
        .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
        .load()
        .migrate();
  }

  private String freshDatabase() throws SQLException {
    String name = "bench_" + (++databases);
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
      // Start every timed run with no dirty pages from the previous one: PostgreSQL's written
      // out, then the kernel's flushed, so that no contender pays for its predecessor's writeback.
      st.execute("CHECKPOINT");
    }
    flushKernelCaches();
    return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name;
  }

  private static void flushKernelCaches() {
    try {
      Process p = new ProcessBuilder("sync").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      p.waitFor(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      // No sync command: the runs carry each other's writeback, as before.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** N migrations, each a table with an index and a row, in Flyway's layout (read by both). */
  private Path synthetic(int n) throws IOException {
    Path dir = Files.createDirectories(work.resolve("synthetic-" + n));
    for (int i = 1; i <= n; i++) {
      Files.writeString(
          dir.resolve("V" + i + "__create_t" + i + ".sql"),
          "CREATE TABLE t"
              + i
              + " (id BIGINT PRIMARY KEY, name TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now());\n"
              + "CREATE INDEX t"
              + i
              + "_name ON t"
              + i
              + " (name);\n"
              + "INSERT INTO t"
              + i
              + " (id, name) VALUES (1, 'row "
              + i
              + "');\n");
    }
    return dir;
  }

  /** crates-io's up.sql files copied into Flyway's layout, in diesel's order. */
  private Path dieselAsFlyway(Path crates) throws IOException {
    Path dir = Files.createDirectories(work.resolve("crates-io-flyway"));
    MigrationSource source = MigrationSources.read(crates, null);
    int i = 0;
    for (MigrationScript s : source.versioned()) {
      i++;
      Path f =
          dir.resolve(
              "V" + i + "__" + s.revision().message().replaceAll("[^A-Za-z0-9_]", "_") + ".sql");
      Files.writeString(f, s.up().sql());
      if (!s.transactional()) {
        Files.writeString(dir.resolve(f.getFileName() + ".conf"), "executeInTransaction=false\n");
      }
    }
    return dir;
  }

  /**
   * Runs {@code status} as a whole CLI process on the database schemagate filled, seven times each
   * way: through the {@code ./schemagate} launcher (with its class-data-sharing archive, which it
   * records on first use) and as a plain {@code java -jar}.
   */
  private String statusTiming(Path root, Path dir) throws Exception {
    Path jar = root.resolve("schemagate-cli/target/schemagate.jar");
    if (!Files.isRegularFile(jar)) {
      return "status on 5,000 applied: skipped, " + jar + " not built";
    }
    String url = freshDatabase();
    schemagate(dir, url);
    List<String> args =
        List.of(
            "--url", url + "?user=postgres", "--migrations", dir.toString(), "status", "--quiet");
    List<String> launcher = new ArrayList<>(List.of(root.resolve("schemagate").toString()));
    launcher.addAll(args);
    List<String> plain =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString()));
    plain.addAll(args);
    timeProcess(launcher); // records the launcher's archive if it is missing
    long[] viaLauncher = new long[7];
    long[] viaJar = new long[7];
    for (int r = 0; r < viaLauncher.length; r++) {
      viaLauncher[r] = timeProcess(launcher);
      viaJar[r] = timeProcess(plain);
    }
    return "status on 5,000 applied migrations, whole CLI process, median of 7: "
        + median(viaLauncher)
        + " ms through ./schemagate (runs: "
        + Arrays.toString(viaLauncher)
        + "), "
        + median(viaJar)
        + " ms as java -jar (runs: "
        + Arrays.toString(viaJar)
        + ")";
  }

  private static long timeProcess(List<String> cmd) throws Exception {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("status failed: " + new String(out));
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v[v.length / 2];
  }

  private static long median(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    return v[v.length / 2];
  }

  static String machine() {
    String cpu = "unknown CPU";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).strip();
          break;
        }
      }
    } catch (IOException e) {
      // keep unknown
    }
    return Runtime.getRuntime().availableProcessors()
        + " cores, "
        + cpu
        + ", Java "
        + System.getProperty("java.version");
  }
}

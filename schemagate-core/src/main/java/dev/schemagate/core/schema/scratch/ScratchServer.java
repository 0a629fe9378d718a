package dev.schemagate.core.schema.scratch;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.history.Database;
import dev.schemagate.core.sql.Dialect;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes scratch databases: new, empty databases that exist for one use and are dropped afterwards,
 * what Atlas calls a dev database, but with nothing to set up.
 *
 * <p>PostgreSQL scratch databases live on the server given by {@link ScratchSettings#scratchUrl()}
 * when there is one ({@code CREATE DATABASE sg_scratch_<random>} there); otherwise on an embedded
 * PostgreSQL that this object starts on the first PostgreSQL {@link #create}, runs with fsync off
 * (scratch data is thrown away) and stops in {@link #close()}. SQLite scratch databases are files
 * in a temporary folder of this server's own.
 *
 * <p>Contract: every {@link ScratchDatabase} is gone once closed, including when the code using it
 * threw; {@link #close()} also drops any still open, stops the embedded server and deletes its
 * files. A server that cannot start fails with exit 1, "scratch PostgreSQL could not start", the
 * cause, and the way round it ({@code --scratch-url}); what it had begun to create is removed.
 *
 * <p>Thread-safe: databases may be created and closed from several threads; the embedded server
 * starts once.
 */
public final class ScratchServer implements AutoCloseable {
  private static final String APPLICATION = "schemagate scratch";
  private static final String SCRATCH_URL_HINT =
      "pass --scratch-url jdbc:postgresql://host/postgres for a server you provide";

  private final ScratchSettings settings;
  private final Path tempRoot;
  private final Set<ScratchDatabase> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger sqliteCounter = new AtomicInteger();
  private final Object lock = new Object();

  // Guarded by lock.
  private Path workDir;
  private EmbeddedPostgres embedded;
  private ConnectionSpec admin;
  private int serverVersionNum;
  private String serverVersion;
  private boolean closed;

  /**
   * A server whose temporary files go under {@code tempRoot}. Nothing starts until the first {@link
   * #create}.
   */
  public ScratchServer(ScratchSettings settings, Path tempRoot) {
    this.settings = settings;
    this.tempRoot = tempRoot;
  }

  /** A server with its temporary files under {@code java.io.tmpdir}. */
  public static ScratchServer open(ScratchSettings settings) {
    return new ScratchServer(settings, Path.of(System.getProperty("java.io.tmpdir")));
  }

  public ScratchSettings settings() {
    return settings;
  }

  /**
   * A new, empty database.
   *
   * @throws SchemagateException exit 1 when the embedded server cannot start or the scratch server
   *     cannot be reached or refuses {@code CREATE DATABASE}; exit 2 when the scratch URL's
   *     credentials are wrong
   */
  public ScratchDatabase create(Dialect dialect) {
    return switch (dialect) {
      case POSTGRES -> createPostgres();
      case SQLITE -> createSqlite();
    };
  }

  /**
   * The PostgreSQL version scratch databases run on, e.g. {@code 15.18}; starts the embedded server
   * if needed.
   */
  public String postgresVersion() {
    synchronized (lock) {
      ensurePostgres();
      return serverVersion;
    }
  }

  /**
   * The PostgreSQL version as {@code server_version_num}, e.g. 150018; starts the server if needed.
   */
  public int postgresVersionNum() {
    synchronized (lock) {
      ensurePostgres();
      return serverVersionNum;
    }
  }

  /** Where PostgreSQL scratch databases live, safe to print. */
  public String describe() {
    synchronized (lock) {
      if (settings.scratchUrl() != null) {
        return "PostgreSQL at " + settings.scratchSpec().redacted();
      }
      return embedded == null
          ? "embedded PostgreSQL (not started)"
          : "embedded PostgreSQL " + serverVersion + " on port " + embedded.getPort();
    }
  }

  private ScratchDatabase createPostgres() {
    ConnectionSpec server;
    synchronized (lock) {
      ensureOpen();
      ensurePostgres();
      server = admin;
    }
    String name = "sg_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = Database.open(server, APPLICATION);
        Statement st = c.createStatement()) {
      // template0, not template1: whatever a user installed in template1 would make the scratch
      // database not empty, and template0 never has other sessions connected to it.
      st.execute("CREATE DATABASE " + name + " TEMPLATE template0");
    } catch (SQLException e) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "cannot create scratch database "
              + name
              + " on "
              + server.redacted()
              + ": "
              + ConnectionSpec.redact(e.getMessage()),
          "the scratch user needs the CREATEDB privilege; or " + SCRATCH_URL_HINT,
          null);
    }
    ConnectionSpec spec =
        new ConnectionSpec(
            withDatabase(server.jdbcUrl(), name),
            server.user(),
            server.password(),
            Dialect.POSTGRES);
    ScratchDatabase db = new ScratchDatabase(name, spec, d -> dropPostgres(server, d));
    open.add(db);
    return db;
  }

  private ScratchDatabase createSqlite() {
    Path dir;
    synchronized (lock) {
      ensureOpen();
      dir = workDir();
    }
    Path file = dir.resolve("scratch-" + sqliteCounter.incrementAndGet() + ".db");
    ConnectionSpec spec =
        new ConnectionSpec(
            "jdbc:sqlite:" + file + "?synchronous=OFF&journal_mode=MEMORY",
            null,
            null,
            Dialect.SQLITE);
    ScratchDatabase db = new ScratchDatabase(file.toString(), spec, d -> dropSqlite(file, d));
    open.add(db);
    return db;
  }

  private void dropPostgres(ConnectionSpec server, ScratchDatabase db) {
    open.remove(db);
    int version;
    synchronized (lock) {
      version = serverVersionNum;
    }
    try (Connection c = Database.open(server, APPLICATION);
        Statement st = c.createStatement()) {
      if (version >= 130000) {
        st.execute("DROP DATABASE IF EXISTS " + db.name() + " WITH (FORCE)");
      } else {
        // Before 13 there is no FORCE: end the sessions ourselves, then drop.
        st.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + db.name()
                + "' AND pid <> pg_backend_pid()");
        st.execute("DROP DATABASE IF EXISTS " + db.name());
      }
    } catch (SQLException | SchemagateException e) {
      String cause =
          e instanceof SQLException ? ConnectionSpec.redact(e.getMessage()) : e.getMessage();
      throw new SchemagateException(
          ExitCode.FAILED,
          "scratch database "
              + db.name()
              + " on "
              + server.redacted()
              + " was not dropped: "
              + cause,
          "drop it by hand: DROP DATABASE " + db.name(),
          null);
    }
  }

  private void dropSqlite(Path file, ScratchDatabase db) {
    open.remove(db);
    try {
      for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
        Files.deleteIfExists(Path.of(file + suffix));
      }
    } catch (IOException e) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "scratch SQLite file " + file + " was not deleted: " + e.getMessage(),
          "delete it by hand",
          e);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("scratch server already closed");
    }
  }

  /** Caller holds the lock. */
  private Path workDir() {
    if (workDir == null) {
      try {
        Files.createDirectories(tempRoot);
        workDir = Files.createTempDirectory(tempRoot, "sg-scratch-");
      } catch (IOException e) {
        throw new SchemagateException(
            ExitCode.FAILED,
            "cannot create a scratch folder in " + tempRoot + ": " + e.getMessage(),
            "free some space or make " + tempRoot + " writable",
            e);
      }
    }
    return workDir;
  }

  /** Caller holds the lock. Connects to the user's server, or starts the embedded one. */
  private void ensurePostgres() {
    if (admin != null) {
      return;
    }
    ConnectionSpec spec = settings.scratchSpec();
    if (spec != null) {
      try {
        readVersion(spec);
      } catch (SchemagateException e) {
        throw new SchemagateException(
            e.exitCode(),
            "scratch server unusable: " + e.getMessage(),
            e.nextStep() + "; or omit --scratch-url to use the embedded PostgreSQL",
            null);
      }
      admin = spec;
      return;
    }
    startEmbedded();
  }

  private void readVersion(ConnectionSpec spec) {
    try (Connection c = Database.open(spec, APPLICATION);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT current_setting('server_version_num')::int,"
                    + " current_setting('server_version')")) {
      rs.next();
      serverVersionNum = rs.getInt(1);
      serverVersion = leadingVersion(rs.getString(2));
    } catch (SQLException e) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "cannot read the version of " + spec.redacted() + ": " + e.getMessage(),
          "check that it is a PostgreSQL server",
          null);
    }
  }

  private void startEmbedded() {
    Path data = null;
    EmbeddedPostgres pg = null;
    try {
      Binaries binaries = binaries();
      data = workDir().resolve("pg-data");
      boolean copied = false;
      if (binaries.key() != null) {
        try {
          Path template =
              ClusterTemplate.ensure(settings.binariesCache(), binaries.key(), binaries.resolver());
          ClusterTemplate.copy(template, data);
          copied = true;
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
          // No template (a read-only cache, say): initdb below does the same, only slower.
          deleteTree(data);
        }
      }
      pg =
          EmbeddedPostgres.builder()
              .setPgBinaryResolver(binaries.resolver())
              .setDataDirectory(data)
              // false: keep the copied template rather than initdb again; close() deletes it
              .setCleanDataDirectory(!copied)
              // Scratch data is thrown away: durability costs time and buys nothing.
              .setServerConfig("fsync", "off")
              .setServerConfig("full_page_writes", "off")
              .setServerConfig("max_connections", "100")
              .setPGStartupWait(Duration.ofSeconds(30))
              .start();
      ConnectionSpec spec =
          new ConnectionSpec(
              "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres",
              "postgres",
              null,
              Dialect.POSTGRES);
      readVersion(spec);
      int expected = settings.postgresMajor();
      if (expected != 0 && serverVersionNum / 10000 != expected) {
        throw new IllegalStateException(
            "the binaries hold PostgreSQL " + serverVersion + ", not " + expected);
      }
      embedded = pg;
      admin = spec;
    } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
      // zonky wraps a failing resolver in ExceptionInInitializerError and a failing initdb or
      // pg_ctl in IllegalStateException; whatever it was, leave nothing running or on disk.
      closeQuietly(pg);
      if (data != null) {
        stopOrphanedPostmaster(data);
        deleteTree(data);
      }
      deleteWorkDirIfEmpty();
      String nextStep =
          e instanceof SchemagateException se && !se.nextStep().isEmpty()
              ? se.nextStep() + "; or " + SCRATCH_URL_HINT
              : SCRATCH_URL_HINT;
      throw new SchemagateException(
          ExitCode.FAILED, "scratch PostgreSQL could not start: " + causeText(e), nextStep, e);
    }
  }

  /**
   * The binaries to run and a key naming them for {@link ClusterTemplate}; the key is null when the
   * binaries cannot be named (then every start runs initdb).
   */
  private record Binaries(PgBinaryResolver resolver, String key) {}

  private Binaries binaries() throws IOException {
    Path jar = settings.postgresJar();
    if (jar == null && settings.postgresMajor() != 0) {
      jar = PostgresBinaries.standard(settings.binariesCache()).jarFor(settings.postgresMajor());
    }
    if (jar == null) {
      // The bundled binaries: named by the jar that holds them on the class path.
      var url = ScratchServer.class.getResource("/postgres-linux-x86_64.txz");
      String key = url == null ? null : "bundled-" + Integer.toHexString(url.toString().hashCode());
      return new Binaries(DefaultPostgresBinaryResolver.INSTANCE, key);
    }
    JarBinaryResolver r = new JarBinaryResolver(jar.toAbsolutePath().normalize());
    r.check();
    String key =
        (jar.getFileName()
                + "-"
                + Files.size(jar)
                + "-"
                + Files.getLastModifiedTime(jar).toMillis())
            .replaceAll("[^A-Za-z0-9._-]", "_");
    return new Binaries(r, key);
  }

  /**
   * When zonky gave up waiting for a postmaster it had launched, that postmaster still runs; its
   * pid is the first line of {@code postmaster.pid} in the data folder we created.
   */
  private static void stopOrphanedPostmaster(Path data) {
    Path pidFile = data.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    try {
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
      ProcessHandle.of(pid)
          .ifPresent(
              p -> {
                p.destroy();
                p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> p).join();
              });
    } catch (IOException | RuntimeException ignored) {
      // Best effort: zonky's shutdown hook stops it at exit at the latest.
    }
  }

  /** The messages of an exception and its causes, without repeats, secrets redacted. */
  static String causeText(Throwable t) {
    List<String> parts = new ArrayList<>();
    Set<Throwable> seen = new HashSet<>();
    for (Throwable c = t; c != null && seen.add(c) && parts.size() < 4; c = c.getCause()) {
      String m = c.getMessage();
      if (m != null && !m.isBlank() && parts.stream().noneMatch(p -> p.contains(m))) {
        parts.add(m);
      }
    }
    return parts.isEmpty()
        ? t.getClass().getSimpleName()
        : ConnectionSpec.redact(String.join(": ", parts));
  }

  /** The numeric head of {@code server_version}, e.g. "15.18" of "15.18 (Debian 15.18-1)". */
  static String leadingVersion(String serverVersion) {
    var m = java.util.regex.Pattern.compile("^\\d+(\\.\\d+)*").matcher(serverVersion.trim());
    return m.find() ? m.group() : serverVersion.trim();
  }

  /**
   * The JDBC URL with its database replaced: {@code jdbc:postgresql://h:5432/postgres?ssl=true} →
   * {@code jdbc:postgresql://h:5432/<db>?ssl=true}.
   */
  static String withDatabase(String jdbcUrl, String db) {
    int q = jdbcUrl.indexOf('?');
    String query = q < 0 ? "" : jdbcUrl.substring(q);
    String base = q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
    String prefix = "jdbc:postgresql://";
    if (!base.startsWith(prefix)) {
      // jdbc:postgresql:name, the short form for localhost:5432
      return "jdbc:postgresql:" + db + query;
    }
    int slash = base.indexOf('/', prefix.length());
    return (slash < 0 ? base : base.substring(0, slash)) + "/" + db + query;
  }

  /**
   * Drops every scratch database still open, stops the embedded server and deletes this server's
   * temporary folder. Idempotent.
   *
   * @throws SchemagateException (exit 1) naming any database that could not be dropped, after
   *     everything else has been cleaned up
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    SchemagateException first = null;
    for (ScratchDatabase db : List.copyOf(open)) {
      try {
        db.close();
      } catch (SchemagateException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    synchronized (lock) {
      closeQuietly(embedded);
      embedded = null;
      admin = null;
      deleteWorkDir();
    }
    if (first != null) {
      throw first;
    }
  }

  private static void closeQuietly(EmbeddedPostgres pg) {
    if (pg != null) {
      try {
        pg.close();
      } catch (IOException | RuntimeException ignored) {
        // zonky logs its own stop failures; the data folder is deleted next regardless
      }
    }
  }

  /** Caller holds the lock. */
  private void deleteWorkDir() {
    if (workDir != null) {
      deleteTree(workDir);
      workDir = null;
    }
  }

  /** Caller holds the lock. After a failed start: SQLite scratch files may still be in use. */
  private void deleteWorkDirIfEmpty() {
    if (workDir != null && open.stream().noneMatch(d -> d.dialect() == Dialect.SQLITE)) {
      try {
        Files.delete(workDir);
        workDir = null;
      } catch (IOException stillInUse) {
        // not empty: SQLite scratch databases live there too; close() removes it
      }
    }
  }

  private static void deleteTree(Path root) {
    ClusterTemplate.deleteTree(root);
  }
}

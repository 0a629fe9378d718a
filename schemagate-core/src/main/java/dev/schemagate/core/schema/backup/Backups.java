package dev.schemagate.core.schema.backup;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.history.Database;
import dev.schemagate.core.schema.scratch.ScratchDatabase;
import dev.schemagate.core.schema.scratch.ScratchServer;
import dev.schemagate.core.sql.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backs up, verifies and restores databases, leaving a {@link BackupRecord} beside every backup.
 *
 * <ul>
 *   <li>PostgreSQL: {@code pg_dump} in custom format, restored with {@code pg_restore}; both found
 *       by {@link PgTools}, which picks a version able to handle the server.
 *   <li>SQLite: the online backup API of sqlite-jdbc ({@code backup to}, {@code restore from}),
 *       consistent even while others write to the database.
 * </ul>
 *
 * <p>Contract: a backup is written to a temporary file and renamed only once complete, so a failed
 * backup leaves no file that looks like one; an existing backup is never overwritten. A restore
 * first checks the file's SHA-256 against its record and touches nothing when they differ. A
 * PostgreSQL restore runs in one transaction, so a failed one leaves the target as it was.
 *
 * <p>The trap: the password reaches pg_dump and pg_restore only through the {@code PGPASSWORD}
 * environment of the child process, never its command line (visible to every local user) and never
 * a message; program output is redacted before it is shown.
 */
public final class Backups {
  private static final Pattern DUMP_MAJOR = Pattern.compile("pg_dump custom format (\\d+)");
  private static final int OUTPUT_LIMIT = 4000;

  private final Clock clock;
  private final PgTools tools;
  private final List<RestoredCheck> checks;

  /**
   * @param clock the time written into records
   * @param tools where to look for pg_dump and pg_restore
   * @param checks what {@link #verify} compares, in order; at least one
   */
  public Backups(Clock clock, PgTools tools, List<RestoredCheck> checks) {
    if (checks.isEmpty()) {
      throw new IllegalArgumentException("verify needs at least one check");
    }
    this.clock = clock;
    this.tools = tools;
    this.checks = List.copyOf(checks);
  }

  /** pg_dump from the PATH or /usr/lib/postgresql; verify compares tables and row counts. */
  public static Backups standard(Clock clock) {
    return new Backups(clock, PgTools.standard(), List.of(new TableRowCounts()));
  }

  /** The same service with one more comparison in {@link #verify}. */
  public Backups withCheck(RestoredCheck check) {
    List<RestoredCheck> more = new ArrayList<>(checks);
    more.add(check);
    return new Backups(clock, tools, more);
  }

  /**
   * Backs up {@code source} into {@code file} and writes {@code <file>.backup.json}.
   *
   * @return the record written, not yet verified
   * @throws SchemagateException exit 2 when the file already exists or the SQLite source does not;
   *     exit 1 when the source cannot be reached, no usable pg_dump is found (naming what was found
   *     and the server's version) or pg_dump fails (with its output)
   */
  public BackupRecord backup(ConnectionSpec source, Path file) {
    Path target = file.toAbsolutePath().normalize();
    if (Files.exists(target)) {
      throw SchemagateException.badInput(
          "backup file " + target + " already exists",
          "choose another file name; schemagate never overwrites a backup");
    }
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    String method;
    try {
      Files.createDirectories(target.getParent());
      Files.deleteIfExists(partial);
      method =
          source.dialect() == Dialect.POSTGRES
              ? dumpPostgres(source, partial)
              : backupSqlite(source, partial);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "cannot write backup " + target + ": " + e.getMessage(),
          "check that the folder exists, is writable and has space",
          e);
    } finally {
      deleteQuietly(partial);
    }
    BackupRecord record =
        new BackupRecord(
            target.toString(),
            size(target),
            sha256(target),
            source.dialect(),
            method,
            ConnectionSpec.redact(source.redacted()),
            Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString(),
            false,
            null);
    record.writeBeside(target);
    return record;
  }

  /**
   * Restores the backup into a new scratch database and compares it with {@code source} using every
   * check; rewrites {@code <file>.backup.json} with the outcome.
   *
   * <p>A file that no longer matches its record, or a restore that fails, gives {@code verified =
   * false} with the reason: never a match that was not compared.
   *
   * @param source the database the backup was taken from (its password is needed to read it, and
   *     the record holds only the redacted URL)
   * @return the updated record
   * @throws SchemagateException when the record is missing, or the scratch database cannot be made
   */
  public BackupRecord verify(Path file, ConnectionSpec source, ScratchServer scratch) {
    Path target = file.toAbsolutePath().normalize();
    BackupRecord record = BackupRecord.readBeside(target);
    String mismatch = checksumMismatch(target, record);
    BackupRecord result;
    if (mismatch != null) {
      result = record.withVerification(false, mismatch);
    } else {
      result = verifyRestored(target, record, source, scratch);
    }
    result.writeBeside(target);
    return result;
  }

  /** {@link #verify(Path, ConnectionSpec, ScratchServer)} of the file a record names. */
  public BackupRecord verify(BackupRecord record, ConnectionSpec source, ScratchServer scratch) {
    return verify(Path.of(record.file()), source, scratch);
  }

  private BackupRecord verifyRestored(
      Path file, BackupRecord record, ConnectionSpec source, ScratchServer scratch) {
    try (ScratchDatabase db = scratch.create(record.dialect())) {
      try {
        restoreInto(file, record, db.spec(), true);
      } catch (SchemagateException e) {
        return record.withVerification(
            false, "restoring into a scratch database failed: " + e.getMessage());
      }
      boolean all = true;
      List<String> details = new ArrayList<>();
      for (RestoredCheck check : checks) {
        RestoredCheck.Outcome o = check.compare(source, db.spec());
        all &= o.matches();
        details.add(o.detail());
      }
      String where =
          record.dialect() == Dialect.POSTGRES ? "restored on " + scratch.describe() : "restored";
      return record.withVerification(all, where + ": " + String.join("; ", details));
    }
  }

  /**
   * Restores a backup into {@code target}, after checking the file against its record.
   *
   * @return the record of the backup restored
   * @throws SchemagateException exit 2, with nothing touched, when the file is missing, has no
   *     readable record, does not match its record's SHA-256, or is of the other dialect; exit 1
   *     when the restore itself fails (a PostgreSQL target is then unchanged)
   */
  public BackupRecord restore(Path file, ConnectionSpec target) {
    Path backup = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(backup)) {
      throw SchemagateException.badInput(
          "backup file " + backup + " does not exist", "check the path of the backup");
    }
    BackupRecord record = BackupRecord.readBeside(backup);
    String mismatch = checksumMismatch(backup, record);
    if (mismatch != null) {
      throw SchemagateException.badInput(
          "backup " + backup + " does not match its record: " + mismatch,
          "restore another backup, or take a new one");
    }
    if (record.dialect() != target.dialect()) {
      throw SchemagateException.badInput(
          "backup "
              + backup
              + " is a "
              + record.dialect()
              + " backup and cannot be restored into "
              + target.redacted(),
          "restore it into a " + record.dialect() + " database");
    }
    restoreInto(backup, record, target, false);
    return record;
  }

  /** Null when the file matches its record, else what differs and that it must not be restored. */
  private static String checksumMismatch(Path file, BackupRecord record) {
    String actual = sha256(file);
    if (actual.equalsIgnoreCase(record.sha256())) {
      return null;
    }
    return "sha256 expected "
        + record.sha256()
        + ", found "
        + actual
        + "; the file is damaged or was changed — do not restore it";
  }

  private void restoreInto(Path file, BackupRecord record, ConnectionSpec target, boolean scratch) {
    if (record.dialect() == Dialect.SQLITE) {
      restoreSqlite(file, target);
      return;
    }
    PgTool pgRestore = PgTools.chooseRestore(tools.find("pg_restore"), dumpMajor(record.method()));
    List<String> cmd = new ArrayList<>(List.of(pgRestore.path().toString()));
    if (scratch) {
      // A fresh database: nothing to clean, and the source's roles need not exist here.
      cmd.addAll(List.of("--no-owner", "--no-privileges"));
    } else {
      cmd.addAll(List.of("--clean", "--if-exists", "--no-owner"));
    }
    cmd.addAll(
        List.of(
            "--single-transaction",
            "--exit-on-error",
            "--no-password",
            "--dbname=" + LibpqConnection.conninfo(target),
            file.toString()));
    Run run = run(cmd, target.password());
    if (run.exit() != 0) {
      throw new SchemagateException(
          ExitCode.FAILED,
          pgRestore.name()
              + " "
              + pgRestore.version()
              + " failed (exit "
              + run.exit()
              + ") restoring "
              + file
              + " into "
              + target.redacted()
              + "; it ran in one transaction, so the database is unchanged: "
              + run.output(),
          "fix what its output names and restore again");
    }
  }

  private String dumpPostgres(ConnectionSpec source, Path partial) {
    int versionNum;
    String version;
    try (Connection c = Database.open(source, "schemagate backup");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT current_setting('server_version_num')::int,"
                    + " current_setting('server_version')")) {
      rs.next();
      versionNum = rs.getInt(1);
      version = leadingVersion(rs.getString(2));
    } catch (SQLException e) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "cannot read the server version of "
              + source.redacted()
              + ": "
              + ConnectionSpec.redact(e.getMessage()),
          "check the URL and the server",
          null);
    }
    PgTool pgDump = PgTools.chooseDump(tools.find("pg_dump"), versionNum / 10000, version);
    Run run =
        run(
            List.of(
                pgDump.path().toString(),
                "--format=custom",
                "--no-password",
                "--file=" + partial,
                "--dbname=" + LibpqConnection.conninfo(source)),
            source.password());
    if (run.exit() != 0) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "pg_dump "
              + pgDump.version()
              + " failed (exit "
              + run.exit()
              + ") backing up "
              + source.redacted()
              + ": "
              + run.output(),
          "fix what its output names and run the backup again; no backup file was written");
    }
    return "pg_dump custom format " + pgDump.version();
  }

  private static String backupSqlite(ConnectionSpec source, Path partial) {
    Path db = sqliteFile(source);
    if (db != null && !Files.isRegularFile(db)) {
      throw SchemagateException.badInput(
          "SQLite database " + db + " does not exist, so there is nothing to back up",
          "check the path in the URL");
    }
    try (Connection c = Database.open(source, "schemagate backup");
        Statement st = c.createStatement()) {
      st.executeUpdate("backup to " + sqliteFileLiteral(partial));
    } catch (SQLException e) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "SQLite online backup of " + source.redacted() + " failed: " + e.getMessage(),
          "check that the database is readable and the backup folder writable",
          null);
    }
    return "sqlite online backup";
  }

  private static void restoreSqlite(Path file, ConnectionSpec target) {
    try (Connection c = Database.open(target, "schemagate restore");
        Statement st = c.createStatement()) {
      st.executeUpdate("restore from " + sqliteFileLiteral(file));
    } catch (SQLException e) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "SQLite restore of " + file + " into " + target.redacted() + " failed: " + e.getMessage(),
          "close other connections to the database (a restore needs it to itself) and retry",
          null);
    }
  }

  /** The database file of a {@code jdbc:sqlite:} URL, or null for memory and URI forms. */
  private static Path sqliteFile(ConnectionSpec spec) {
    String path = spec.jdbcUrl().substring("jdbc:sqlite:".length());
    int q = path.indexOf('?');
    path = q < 0 ? path : path.substring(0, q);
    if (path.isEmpty() || path.startsWith(":") || path.startsWith("file:")) {
      return null;
    }
    return Path.of(path);
  }

  /**
   * sqlite-jdbc's backup and restore commands take a file name in single or double quotes, with no
   * escape inside; a name holding both kinds cannot be written.
   */
  private static String sqliteFileLiteral(Path file) {
    String s = file.toString();
    if (!s.contains("'")) {
      return "'" + s + "'";
    }
    if (!s.contains("\"")) {
      return "\"" + s + "\"";
    }
    throw SchemagateException.badInput(
        "SQLite backup path " + s + " holds both kinds of quotes", "choose a path without ' or \"");
  }

  private record Run(int exit, String output) {}

  /** Runs a PostgreSQL client program; its combined output comes back redacted and shortened. */
  private static Run run(List<String> command, String password) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("PGAPPNAME", "schemagate");
    if (password != null) {
      pb.environment().put("PGPASSWORD", password);
    }
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      int exit = p.waitFor();
      if (password != null && !password.isEmpty()) {
        out = out.replace(password, "***");
      }
      out = ConnectionSpec.redact(out);
      if (out.length() > OUTPUT_LIMIT) {
        out = "..." + out.substring(out.length() - OUTPUT_LIMIT);
      }
      return new Run(exit, out.isEmpty() ? "(no output)" : out);
    } catch (IOException e) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "cannot run " + command.get(0) + ": " + e.getMessage(),
          "check that it is installed and executable",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemagateException(
          ExitCode.FAILED, command.get(0) + " was interrupted", "run the command again", e);
    }
  }

  /** The major of the pg_dump named in a record's method, or 0 when it names none. */
  static int dumpMajor(String method) {
    Matcher m = DUMP_MAJOR.matcher(method == null ? "" : method);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static String leadingVersion(String serverVersion) {
    Matcher m = Pattern.compile("^\\d+(\\.\\d+)*").matcher(serverVersion.trim());
    return m.find() ? m.group() : serverVersion.trim();
  }

  /** The SHA-256 of a file, lower-case hex. */
  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "cannot read " + file + ": " + e.getMessage(),
          "check that the file is readable",
          e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new SchemagateException(
          ExitCode.FAILED, "cannot read " + file + ": " + e.getMessage(), "", e);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a leftover .part file is never mistaken for a backup: it has no record
    }
  }
}

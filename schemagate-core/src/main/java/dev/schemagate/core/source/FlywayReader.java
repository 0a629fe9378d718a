package dev.schemagate.core.source;

import dev.schemagate.core.revision.Revision;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a Flyway SQL migrations folder in place, the way Flyway's default naming resolves it.
 *
 * <ul>
 *   <li>{@code V<version>[__<description>].sql}: versioned. The version's parts are separated by
 *       {@code .} or {@code _} ({@code V1_1} is 1.1) and compared numerically part by part, a
 *       missing part counting as 0: 6.9 &lt; 6.10, and 1 == 1.0 == 1_0 (two such files are a
 *       duplicate-version error, as in Flyway). The description is optional ({@code V3.sql}). The
 *       revision id is the version as written with {@code _} turned into {@code .} ({@code V1_1}
 *       gives "1.1"; leading zeros are kept).
 *   <li>{@code R__<description>.sql}: repeatable, ordered by description ({@code _} read as a
 *       space), compared as strings, as Flyway orders them; id is the file name without {@code
 *       .sql}.
 *   <li>{@code U<version>[__<description>].sql}: undo; becomes the {@code down} of the versioned
 *       migration with the equal version. An undo with no such migration is an error.
 *   <li>{@code <event>.sql} or {@code <event>__<description>.sql}, where event is a Flyway callback
 *       event ({@code beforeMigrate}, {@code afterEachMigrate}, ...): callbacks.
 *   <li>{@code <script>.sql.conf}: per-script configuration; {@code executeInTransaction=false}
 *       makes the script non-transactional.
 * </ul>
 *
 * <p>Flyway scans a location recursively, so sub-folders are read too. Without a U file a migration
 * has no down ({@code down == null}) and says so in {@code irreversibleReason}.
 *
 * <p>Non-transactional detection approximates Flyway's PostgreSQL parser with a keyword scan that
 * ignores {@code --} comment lines: a statement starting {@code CREATE [UNIQUE] INDEX
 * CONCURRENTLY}, {@code DROP INDEX CONCURRENTLY}, {@code REINDEX ... CONCURRENTLY}, {@code REINDEX
 * SCHEMA|DATABASE|SYSTEM}, {@code VACUUM}, {@code CREATE|DROP DATABASE|TABLESPACE|SUBSCRIPTION},
 * {@code ALTER SYSTEM} or {@code DISCARD ALL}. Trap: it is not a tokenizer, so such words at the
 * start of a line inside a string or a dollar-quoted body also match; {@code ALTER TYPE ... ADD
 * VALUE} (non-transactional only before PostgreSQL 12) is not detected.
 *
 * <p>Decision: a {@code V}/{@code U} file whose prefix is followed by a digit but whose version
 * does not parse ({@code V3_add.sql}: one underscore) is an error rather than a stray, because it
 * was meant to be a migration and ignoring it would skip a schema change.
 */
public final class FlywayReader implements SourceReader {

  /** Flyway's callback event names (org.flywaydb.core.api.callback.Event ids). */
  static final Set<String> CALLBACK_EVENTS =
      Set.of(
          "beforeMigrate",
          "beforeEachMigrate",
          "beforeEachMigrateStatement",
          "afterEachMigrateStatement",
          "afterEachMigrateStatementError",
          "afterEachMigrate",
          "afterEachMigrateError",
          "beforeRepeatables",
          "afterVersioned",
          "afterMigrateApplied",
          "afterMigrate",
          "afterMigrateError",
          "afterMigrateOperationFinish",
          "beforeUndo",
          "beforeEachUndo",
          "beforeEachUndoStatement",
          "afterEachUndoStatement",
          "afterEachUndoStatementError",
          "afterEachUndo",
          "afterEachUndoError",
          "afterUndo",
          "afterUndoError",
          "beforeClean",
          "afterClean",
          "afterCleanError",
          "beforeValidate",
          "afterValidate",
          "afterValidateError",
          "beforeBaseline",
          "afterBaseline",
          "afterBaselineError",
          "beforeRepair",
          "afterRepair",
          "afterRepairError",
          "beforeInfo",
          "afterInfo",
          "afterInfoError",
          "afterInfoOperationFinish",
          "createSchema",
          "beforeCreateSchema",
          "beforeConnect");

  static final String NO_UNDO_REASON = "Flyway migration without a U (undo) script";

  private static final Pattern VERSION = Pattern.compile("\\d+([._]\\d+)*");
  private static final Pattern NON_TRANSACTIONAL =
      Pattern.compile(
          "(?im)(?:^|;)\\s*(?:"
              + "CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY"
              + "|DROP\\s+INDEX\\s+CONCURRENTLY"
              + "|REINDEX\\b[^;]*?\\bCONCURRENTLY"
              + "|REINDEX\\s+(?:\\([^)]*\\)\\s*)?(?:VERBOSE\\s+)?(?:SCHEMA|DATABASE|SYSTEM)\\b"
              + "|VACUUM\\b"
              + "|(?:CREATE|DROP)\\s+(?:DATABASE|TABLESPACE|SUBSCRIPTION)\\b"
              + "|ALTER\\s+SYSTEM\\b"
              + "|DISCARD\\s+ALL\\b)");

  /** Every match of {@link #NON_TRANSACTIONAL} contains one of these words (lower case). */
  private static final List<String> NON_TRANSACTIONAL_WORDS =
      List.of(
          "concurrently",
          "reindex",
          "vacuum",
          "database",
          "tablespace",
          "subscription",
          "system",
          "discard");

  private static final Pattern COMMENT_LINE = Pattern.compile("(?m)^\\s*--.*$");

  @Override
  public Layout layout() {
    return Layout.FLYWAY;
  }

  /** Counts files named like Flyway versioned, repeatable or undo SQL migrations. */
  @Override
  public int score(Path directory, List<Path> entries) {
    int score = 0;
    for (Path p : files(entries)) {
      String name = SourceFiles.name(p);
      if (name.endsWith(".sql") && name.length() > 5) {
        char prefix = name.charAt(0);
        String rest = stem(name).substring(1);
        if ((prefix == 'V' || prefix == 'U') && VERSION.matcher(versionPart(rest)).matches()) {
          score++;
        } else if (prefix == 'R' && rest.startsWith("__")) {
          score++;
        }
      }
    }
    return score;
  }

  /** A versioned script's text and whether it runs in a transaction. */
  private record Script(String sql, boolean transactional) {}

  @Override
  public MigrationSource read(Path directory) {
    return read(directory, SourceFiles.list(directory));
  }

  @Override
  public MigrationSource read(Path directory, List<Path> listed) {
    List<Path> files = files(listed);
    Set<Path> present = new HashSet<>(files);
    List<Versioned> versioned = new ArrayList<>();
    Map<Version, Path> undoFiles = new TreeMap<>();
    List<MigrationScript> repeatables = new ArrayList<>();
    Map<String, Path> repeatableDescriptions = new HashMap<>();
    List<Path> callbacks = new ArrayList<>();
    List<StrayFile> strays = new ArrayList<>();

    for (Path p : files) {
      String name = SourceFiles.name(p);
      if (name.endsWith(".sql.conf")) {
        Path script = p.resolveSibling(name.substring(0, name.length() - ".conf".length()));
        if (!present.contains(script)) {
          strays.add(new StrayFile(p, "configuration for " + script.getFileName() + ", not found"));
        }
        continue;
      }
      if (!name.endsWith(".sql")) {
        strays.add(new StrayFile(p, "not a .sql file; Flyway reads only .sql scripts"));
        continue;
      }
      String stem = stem(name);
      String event = stem.contains("__") ? stem.substring(0, stem.indexOf("__")) : stem;
      if (CALLBACK_EVENTS.contains(event)) {
        callbacks.add(p);
        continue;
      }
      char prefix = stem.isEmpty() ? ' ' : stem.charAt(0);
      String rest = stem.isEmpty() ? "" : stem.substring(1);
      if (prefix == 'R' && rest.startsWith("__") && rest.length() > 2) {
        String description = rest.substring(2).replace('_', ' ');
        Path earlier = repeatableDescriptions.putIfAbsent(description, p);
        if (earlier != null) {
          throw new SourceException(
              p,
              0,
              "repeatable description '" + description + "' is also used by " + earlier,
              "rename one of them: Flyway identifies repeatables by description");
        }
        String sql = SourceFiles.readUtf8(p);
        SqlSection up = new SqlSection(sql, p, 1);
        repeatables.add(
            new MigrationScript(
                new Revision(stem, List.of(), Set.of(), List.of(), description, p),
                up,
                null,
                transactional(p, sql, present),
                null,
                Checksums.sha256(sql),
                MigrationScript.Kind.REPEATABLE));
      } else if ((prefix == 'V' || prefix == 'U')
          && !rest.isEmpty()
          && Character.isDigit(rest.charAt(0))) {
        String written = versionPart(rest);
        if (!VERSION.matcher(written).matches()) {
          throw new SourceException(
              p,
              0,
              "'" + written + "' is not a Flyway version (digits separated by '.' or '_')",
              "rename it to "
                  + prefix
                  + "<version>__<description>.sql, with two underscores before the description");
        }
        Version version = Version.parse(written);
        if (prefix == 'V') {
          String description =
              rest.contains("__") ? rest.substring(rest.indexOf("__") + 2).replace('_', ' ') : "";
          versioned.add(new Versioned(version, written.replace('_', '.'), description, p));
        } else {
          Path earlier = undoFiles.putIfAbsent(version, p);
          if (earlier != null) {
            throw new SourceException(
                p,
                0,
                "undo version " + version + " is also used by " + earlier,
                "keep one U file per version");
          }
        }
      } else {
        strays.add(
            new StrayFile(
                p,
                "not named V<version>__<desc>.sql, R__<desc>.sql, U<version>__<desc>.sql or a"
                    + " callback"));
      }
    }

    versioned.sort(Comparator.comparing(Versioned::version));
    for (int i = 1; i < versioned.size(); i++) {
      Versioned a = versioned.get(i - 1);
      Versioned b = versioned.get(i);
      if (a.version().equals(b.version())) {
        throw new SourceException(
            b.file(),
            0,
            "version " + b.id() + " is also used by " + a.file() + " (Flyway compares 1 == 1.0)",
            "give one of them a new version");
      }
    }
    Map<Version, Versioned> byVersion = new HashMap<>();
    versioned.forEach(v -> byVersion.put(v.version(), v));
    for (Map.Entry<Version, Path> undo : undoFiles.entrySet()) {
      if (!byVersion.containsKey(undo.getKey())) {
        throw new SourceException(
            undo.getValue(),
            0,
            "undo script for version " + undo.getKey() + " but no V" + undo.getKey() + " migration",
            "rename it to match the version it undoes, or remove it");
      }
    }

    List<SourceFiles.LinearEntry> entries = new ArrayList<>();
    List<Script> scripts =
        SourceFiles.parallelMap(
            versioned,
            v -> {
              String sql = SourceFiles.readUtf8(v.file());
              return new Script(sql, transactional(v.file(), sql, present));
            });
    for (int i = 0; i < versioned.size(); i++) {
      Versioned v = versioned.get(i);
      String sql = scripts.get(i).sql();
      Path undo = undoFiles.get(v.version());
      SqlSection down = undo == null ? null : new SqlSection(SourceFiles.readUtf8(undo), undo, 1);
      entries.add(
          new SourceFiles.LinearEntry(
              v.id(),
              v.description(),
              v.file(),
              new SqlSection(sql, v.file(), 1),
              down,
              scripts.get(i).transactional(),
              down == null ? NO_UNDO_REASON : null));
    }
    repeatables.sort(Comparator.comparing(s -> s.revision().message()));
    return new MigrationSource(
        directory, Layout.FLYWAY, SourceFiles.chain(entries), repeatables, callbacks, strays);
  }

  /**
   * False when Flyway would run the script outside a transaction: its {@code .sql.conf} says {@code
   * executeInTransaction=false}, or it contains a statement PostgreSQL refuses inside one.
   */
  static boolean transactional(Path script, String sql, Set<Path> present) {
    Path conf = script.resolveSibling(SourceFiles.name(script) + ".conf");
    if (present.contains(conf)) {
      TextLines lines = new TextLines(SourceFiles.readUtf8(conf));
      for (int n = 1; n <= lines.count(); n++) {
        String line = lines.line(n).strip();
        if (line.isEmpty() || line.startsWith("#") || !line.contains("=")) {
          continue;
        }
        String key = line.substring(0, line.indexOf('=')).strip();
        String value = line.substring(line.indexOf('=') + 1).strip().toLowerCase(Locale.ROOT);
        if (key.equals("executeInTransaction")) {
          if (value.equals("false")) {
            return false;
          }
          if (!value.equals("true")) {
            throw new SourceException(
                conf,
                n,
                "executeInTransaction must be true or false, not '" + value + "'",
                "write executeInTransaction=false or remove the line");
          }
        }
      }
    }
    return !needsNoTransaction(sql);
  }

  /** The keyword scan described in the class comment; {@code --} comment lines are ignored. */
  static boolean needsNoTransaction(String sql) {
    // Most scripts hold none of the keywords: a plain search spares them the regular expressions.
    String lower = sql.toLowerCase(Locale.ROOT);
    boolean candidate = false;
    for (String word : NON_TRANSACTIONAL_WORDS) {
      if (lower.contains(word)) {
        candidate = true;
        break;
      }
    }
    return candidate && NON_TRANSACTIONAL.matcher(COMMENT_LINE.matcher(sql).replaceAll("")).find();
  }

  /**
   * Every file below {@code directory}, subfolders included (Flyway scans them), sorted by path.
   * Names ending in {@code .sql} or {@code .conf} are taken as files without a stat each: in a
   * folder of thousands of scripts the stats cost more than everything else detection does. A
   * folder so named is then reported when it is read.
   */
  private static List<Path> files(List<Path> entries) {
    List<Path> out = new ArrayList<>();
    collect(entries, out);
    out.sort(Comparator.comparing(Path::toString));
    return out;
  }

  private static void collect(List<Path> entries, List<Path> out) {
    for (Path p : entries) {
      String name = SourceFiles.name(p);
      if (name.endsWith(".sql") || name.endsWith(".conf")) {
        out.add(p);
      } else if (SourceFiles.isDirectory(p)) {
        collect(SourceFiles.list(p), out);
      } else {
        out.add(p); // hidden entries never get here: SourceFiles.list leaves them out
      }
    }
  }

  private static String stem(String name) {
    return name.substring(0, name.length() - ".sql".length());
  }

  private static String versionPart(String afterPrefix) {
    int sep = afterPrefix.indexOf("__");
    return sep < 0 ? afterPrefix : afterPrefix.substring(0, sep);
  }

  private record Versioned(Version version, String id, String description, Path file) {}

  /**
   * A Flyway version: numeric parts compared one by one, missing parts counting as zero, so equal
   * and hash-equal ignore trailing zeros (1 == 1.0).
   */
  record Version(List<BigInteger> parts) implements Comparable<Version> {
    Version {
      List<BigInteger> trimmed = new ArrayList<>(parts);
      while (trimmed.size() > 1 && trimmed.get(trimmed.size() - 1).signum() == 0) {
        trimmed.remove(trimmed.size() - 1);
      }
      parts = List.copyOf(trimmed);
    }

    static Version parse(String written) {
      List<BigInteger> parts = new ArrayList<>();
      // By hand rather than split("[._]"), which compiles a pattern per call: this runs for
      // every file of a folder at every start.
      int start = 0;
      for (int i = 0; i <= written.length(); i++) {
        if (i == written.length() || written.charAt(i) == '.' || written.charAt(i) == '_') {
          String part = written.substring(start, i);
          parts.add(
              part.length() < 18 ? BigInteger.valueOf(Long.parseLong(part)) : new BigInteger(part));
          start = i + 1;
        }
      }
      return new Version(parts);
    }

    @Override
    public int compareTo(Version other) {
      int n = Math.max(parts.size(), other.parts.size());
      for (int i = 0; i < n; i++) {
        BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
        BigInteger b = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
        int c = a.compareTo(b);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }

    @Override
    public String toString() {
      return String.join(".", parts.stream().map(BigInteger::toString).toList());
    }
  }
}

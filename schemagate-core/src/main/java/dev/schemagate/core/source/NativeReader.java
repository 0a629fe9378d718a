package dev.schemagate.core.source;

import dev.schemagate.core.revision.Revision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads schemagate's own format: one {@code <id>_<slug>.sql} file per revision, metadata in a
 * header of {@code -- key: value} lines, then a {@code -- +upgrade} section and an optional {@code
 * -- +downgrade} section.
 *
 * <pre>
 * -- revision: 3f2a9c1b7d10
 * -- down_revision: 1a2b3c4d5e6f     (absent, empty or "none" for a root; several for a merge)
 * -- branch_labels: payments         (space or comma separated)
 * -- depends_on: 0c1d2e3f4a5b
 * -- message: add payment tables
 * -- transaction: per-migration      (default; or "none")
 * -- irreversible: reason            (required when there is no -- +downgrade)
 *
 * -- +upgrade
 * ...
 * -- +downgrade
 * ...
 * </pre>
 *
 * <p>Contract and decisions:
 *
 * <ul>
 *   <li>The header is every line before {@code -- +upgrade}. Blank lines and free comments are
 *       allowed there, but any {@code -- word:} line is a header key and an unknown one is an
 *       error: a misspelt {@code down_revison} must not silently make a second root. SQL before the
 *       marker is an error.
 *   <li>The file name must be {@code <revision>.sql} or start with {@code <revision>_}. A mismatch
 *       is an error: it almost always means a file was copied and its header not updated (or the
 *       reverse), and a reviewer who finds a revision by its file name would read the wrong one.
 *   <li>A file with both {@code -- irreversible:} and a {@code -- +downgrade} section is an error:
 *       a reader of the work order could not tell which one is true.
 *   <li>{@link MigrationSource#versioned()} is in file-name order, which means nothing: the
 *       revision graph orders native revisions.
 *   <li>Files not ending in {@code .sql} and sub-folders are strays.
 * </ul>
 */
public final class NativeReader implements SourceReader {

  static final Set<String> KEYS =
      Set.of(
          "revision",
          "down_revision",
          "branch_labels",
          "depends_on",
          "message",
          "transaction",
          "irreversible");

  private static final Pattern HEADER_KEY =
      Pattern.compile("^--\\s*([A-Za-z][A-Za-z0-9_-]*)\\s*:(.*)$");
  private static final Pattern UPGRADE = Pattern.compile("^--\\s*\\+upgrade\\s*$");
  private static final Pattern DOWNGRADE = Pattern.compile("^--\\s*\\+downgrade\\s*$");
  private static final Pattern REVISION_LINE = Pattern.compile("(?m)^--\\s*revision\\s*:\\s*\\S+");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[\\s,]+");

  @Override
  public Layout layout() {
    return Layout.NATIVE;
  }

  /** Counts {@code .sql} files that carry a {@code -- revision:} header line. */
  @Override
  public int score(Path directory, List<Path> entries) {
    List<Path> sql = new ArrayList<>();
    for (Path p : entries) {
      // No stat per file: a folder named *.sql simply has no readable head.
      if (SourceFiles.name(p).endsWith(".sql")) {
        sql.add(p);
      }
    }
    return SourceFiles.sampledScore(sql, head -> REVISION_LINE.matcher(head).find());
  }

  @Override
  public MigrationSource read(Path directory) {
    return read(directory, SourceFiles.list(directory));
  }

  @Override
  public MigrationSource read(Path directory, List<Path> listed) {
    List<MigrationScript> scripts = new ArrayList<>();
    List<StrayFile> strays = new ArrayList<>();
    Map<String, Path> seen = new HashMap<>();
    List<Path> files = new ArrayList<>();
    for (Path p : listed) {
      // Names before stats: a folder named *.sql is reported when it cannot be read.
      String name = SourceFiles.name(p);
      if (name.endsWith(".sql")) {
        files.add(p);
      } else if (SourceFiles.isDirectory(p)) {
        strays.add(new StrayFile(p, "a folder; native migrations are .sql files at the top level"));
      } else {
        strays.add(new StrayFile(p, "not a .sql file"));
      }
    }
    List<MigrationScript> parsed =
        SourceFiles.parallelMap(files, p -> parse(p, SourceFiles.readUtf8(p)));
    for (int i = 0; i < files.size(); i++) {
      Path p = files.get(i);
      MigrationScript script = parsed.get(i);
      Path earlier = seen.putIfAbsent(script.id(), p);
      if (earlier != null) {
        throw new SourceException(
            p,
            0,
            "revision " + script.id() + " is also declared by " + earlier,
            "give one of them a new revision id (schemagate revision generates one)");
      }
      scripts.add(script);
    }
    return new MigrationSource(directory, Layout.NATIVE, scripts, List.of(), List.of(), strays);
  }

  /** Parses one native file's text (already decoded and normalised). */
  static MigrationScript parse(Path file, String text) {
    TextLines lines = new TextLines(text);
    Map<String, String> header = new HashMap<>();
    Map<String, Integer> headerLine = new HashMap<>();
    int upgradeLine = 0;
    for (int n = 1; n <= lines.count(); n++) {
      String line = lines.line(n);
      String trimmed = line.strip();
      if (UPGRADE.matcher(trimmed).matches()) {
        upgradeLine = n;
        break;
      }
      if (trimmed.isEmpty()) {
        continue;
      }
      if (DOWNGRADE.matcher(trimmed).matches()) {
        throw new SourceException(
            file,
            n,
            "'-- +downgrade' comes before '-- +upgrade'",
            "put the upgrade section first: '-- +upgrade', its SQL, then '-- +downgrade'");
      }
      if (!trimmed.startsWith("--")) {
        throw new SourceException(
            file,
            n,
            "SQL before the '-- +upgrade' marker",
            "add a '-- +upgrade' line after the header, before the first statement");
      }
      Matcher m = HEADER_KEY.matcher(trimmed);
      if (!m.matches()) {
        continue; // a free comment
      }
      String key = m.group(1).toLowerCase(Locale.ROOT);
      if (!KEYS.contains(key)) {
        throw new SourceException(
            file,
            n,
            "unknown header key '" + m.group(1) + "'",
            "use one of revision, down_revision, branch_labels, depends_on, message, transaction,"
                + " irreversible; for a free comment drop the colon");
      }
      if (header.containsKey(key)) {
        throw new SourceException(
            file,
            n,
            "header key '" + key + "' repeated (first on line " + headerLine.get(key) + ")",
            "keep one '-- " + key + ":' line; list several values on it");
      }
      header.put(key, m.group(2).strip());
      headerLine.put(key, n);
    }

    String id = header.get("revision");
    if (id == null || id.isEmpty()) {
      throw new SourceException(
          file,
          id == null ? 1 : headerLine.get("revision"),
          id == null ? "no '-- revision:' header line" : "'-- revision:' has no value",
          "start the file with '-- revision: <id>' (schemagate revision writes the header)");
    }
    if (id.chars().anyMatch(Character::isWhitespace) || id.contains(",")) {
      throw new SourceException(
          file,
          headerLine.get("revision"),
          "revision id '" + id + "' contains a space or comma",
          "use a single word as the revision id");
    }
    String fileName = SourceFiles.name(file);
    if (!fileName.equals(id + ".sql") && !fileName.startsWith(id + "_")) {
      throw new SourceException(
          file,
          headerLine.get("revision"),
          "header says revision " + id + " but the file name does not start with '" + id + "_'",
          "rename the file to " + id + "_<slug>.sql, or fix the '-- revision:' line");
    }
    if (upgradeLine == 0) {
      throw new SourceException(
          file,
          0,
          "no '-- +upgrade' marker",
          "put a line '-- +upgrade' after the header, before the upgrade SQL");
    }

    boolean transactional = true;
    String tx = header.get("transaction");
    if (tx != null) {
      switch (tx.toLowerCase(Locale.ROOT)) {
        case "per-migration" -> transactional = true;
        case "none" -> transactional = false;
        default ->
            throw new SourceException(
                file,
                headerLine.get("transaction"),
                "transaction must be 'per-migration' or 'none', not '" + tx + "'",
                "write '-- transaction: none' only for statements that cannot run in a transaction"
                    + " (CREATE INDEX CONCURRENTLY and the like)");
      }
    }

    int downgradeLine = 0;
    for (int n = upgradeLine + 1; n <= lines.count(); n++) {
      String trimmed = lines.line(n).strip();
      if (UPGRADE.matcher(trimmed).matches()) {
        throw new SourceException(
            file,
            n,
            "second '-- +upgrade' marker (first on line " + upgradeLine + ")",
            "keep one '-- +upgrade' section per file");
      }
      if (DOWNGRADE.matcher(trimmed).matches()) {
        if (downgradeLine != 0) {
          throw new SourceException(
              file,
              n,
              "second '-- +downgrade' marker (first on line " + downgradeLine + ")",
              "keep one '-- +downgrade' section per file");
        }
        downgradeLine = n;
      }
    }

    String irreversible = header.get("irreversible");
    if (irreversible != null && irreversible.isEmpty()) {
      throw new SourceException(
          file,
          headerLine.get("irreversible"),
          "'-- irreversible:' has no reason",
          "say why it cannot be undone, e.g. '-- irreversible: drops a column with data'");
    }
    if (downgradeLine == 0 && irreversible == null) {
      throw new SourceException(
          file,
          0,
          "no '-- +downgrade' section and no '-- irreversible: <reason>'",
          "add a '-- +downgrade' section that undoes the upgrade, or say why it cannot be undone"
              + " with '-- irreversible: <reason>' in the header");
    }
    if (downgradeLine != 0 && irreversible != null) {
      throw new SourceException(
          file,
          downgradeLine,
          "declares '-- irreversible:' (line "
              + headerLine.get("irreversible")
              + ") but also has a '-- +downgrade' section",
          "remove the '-- irreversible:' line if the downgrade works, else remove the section");
    }

    SqlSection up =
        new SqlSection(
            downgradeLine == 0
                ? lines.section(upgradeLine + 1, lines.count() + 1)
                : lines.section(upgradeLine + 1, downgradeLine),
            file,
            upgradeLine + 1);
    SqlSection down =
        downgradeLine == 0
            ? null
            : new SqlSection(
                lines.section(downgradeLine + 1, lines.count() + 1), file, downgradeLine + 1);

    Revision revision =
        new Revision(
            id,
            parents(header.get("down_revision")),
            new LinkedHashSet<>(list(header.get("branch_labels"))),
            list(header.get("depends_on")),
            header.get("message"),
            file);
    return new MigrationScript(
        revision,
        up,
        down,
        transactional,
        irreversible,
        Checksums.sha256(up.sql()),
        MigrationScript.Kind.VERSIONED);
  }

  private static List<String> parents(String value) {
    if (value == null || value.equalsIgnoreCase("none")) {
      return List.of();
    }
    return list(value);
  }

  private static List<String> list(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return List.of(LIST_SEPARATOR.split(value.strip()));
  }
}

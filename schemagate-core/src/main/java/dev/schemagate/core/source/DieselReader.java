package dev.schemagate.core.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a diesel CLI migrations folder in place: one {@code <version>_<name>/} folder per migration
 * with {@code up.sql} and (optionally) {@code down.sql}.
 *
 * <p>Trap, ordering: diesel's version is the folder name before the first {@code _} with every
 * {@code -} removed, and versions are compared as <em>strings</em>. Real folders mix {@code
 * 20170102131034_x}, {@code 2017-08-31-230457_x} and {@code 2026-07-30-140000-0000_x}; sorting the
 * folder names instead puts {@code 2017-08-31-...} before {@code 20170102...} because {@code -}
 * sorts before digits. The revision id is the prefix as written (dashes kept), the message the rest
 * of the name.
 *
 * <p>{@code metadata.toml} with {@code run_in_transaction = false} makes the migration
 * non-transactional; only that key is read. A {@code down.sql} holding only comments is still a
 * down (it runs zero statements); a missing one gives {@code down == null}. Plain files at the top
 * level are strays, as diesel ignores them; a folder without {@code up.sql} is an error (diesel
 * refuses it too). Two folders with the same normalised version are an error.
 */
public final class DieselReader implements SourceReader {

  static final String NO_DOWN_REASON = "diesel migration without down.sql";

  private static final Pattern RUN_IN_TRANSACTION =
      Pattern.compile("^\\s*run_in_transaction\\s*=\\s*(\\S+?)\\s*(#.*)?$");

  @Override
  public Layout layout() {
    return Layout.DIESEL;
  }

  /** Counts sub-folders that contain an {@code up.sql}. */
  @Override
  public int score(Path directory, List<Path> entries) {
    int score = 0;
    for (Path p : entries) {
      // Names first: a stat per entry is what makes detection slow on a large folder.
      String name = SourceFiles.name(p);
      if (!name.isEmpty()
          && Character.isDigit(name.charAt(0))
          && !name.endsWith(".sql")
          && Files.isRegularFile(p.resolve("up.sql"))) {
        score++;
      }
    }
    return score;
  }

  @Override
  public MigrationSource read(Path directory) {
    return read(directory, SourceFiles.list(directory));
  }

  /**
   * Reads every folder in one pass on all cores: a folder's own listing says which of its files
   * exist, so each migration costs one listing and one read per file, with no stat per file. At the
   * start of every command on a history of hundreds of folders, that is most of the time.
   */
  @Override
  public MigrationSource read(Path directory, List<Path> listed) {
    List<Folder> folders = new ArrayList<>();
    List<StrayFile> strays = new ArrayList<>();
    for (Folder f : SourceFiles.parallelMap(listed, DieselReader::folder)) {
      if (f.dir() != null) {
        folders.add(f);
      }
      strays.addAll(f.strays());
    }
    folders.sort(Comparator.comparing(Folder::version));
    for (int i = 1; i < folders.size(); i++) {
      if (folders.get(i).version().equals(folders.get(i - 1).version())) {
        throw new SourceException(
            folders.get(i).dir(),
            0,
            "version "
                + folders.get(i).version()
                + " is also used by "
                + folders.get(i - 1).dir()
                + " (diesel removes dashes before comparing)",
            "give one of them a new version");
      }
    }
    List<SourceFiles.LinearEntry> entries = new ArrayList<>(folders.size());
    for (Folder f : folders) {
      entries.add(
          new SourceFiles.LinearEntry(
              f.id(),
              f.message(),
              f.dir(),
              f.up(),
              f.down(),
              f.transactional(),
              f.down() == null ? NO_DOWN_REASON : null));
    }
    return new MigrationSource(
        directory, Layout.DIESEL, SourceFiles.chain(entries), List.of(), List.of(), strays);
  }

  /** One top-level entry read whole: a migration folder, or a stray plain file. */
  private static Folder folder(Path p) {
    String name = SourceFiles.name(p);
    if (!SourceFiles.isDirectory(p)) {
      return Folder.stray(new StrayFile(p, "a plain file; diesel reads only migration folders"));
    }
    boolean hasUp = false;
    boolean hasDown = false;
    boolean hasMetadata = false;
    List<StrayFile> innerStrays = new ArrayList<>(0);
    for (Path inner : SourceFiles.list(p)) {
      switch (SourceFiles.name(inner)) {
        case "up.sql" -> hasUp = true;
        case "down.sql" -> hasDown = true;
        case "metadata.toml" -> hasMetadata = true;
        default -> innerStrays.add(new StrayFile(inner, "not up.sql, down.sql or metadata.toml"));
      }
    }
    if (!hasUp) {
      throw new SourceException(
          p,
          0,
          "migration folder without up.sql",
          "add up.sql (and down.sql) to it, or move the folder out of the migrations folder");
    }
    int sep = name.indexOf('_');
    String id = sep < 0 ? name : name.substring(0, sep);
    String message = sep < 0 ? "" : name.substring(sep + 1);
    String version = id.replace("-", "");
    if (version.isEmpty()) {
      throw new SourceException(
          p,
          0,
          "folder name has no version before the first '_'",
          "rename it to <version>_<name>, e.g. 2024-01-31-120000_add_users");
    }
    Path upFile = p.resolve("up.sql");
    Path downFile = p.resolve("down.sql");
    return new Folder(
        version,
        id,
        message,
        p,
        new SqlSection(SourceFiles.readUtf8(upFile), upFile, 1),
        hasDown ? new SqlSection(SourceFiles.readUtf8(downFile), downFile, 1) : null,
        !hasMetadata || runInTransaction(p.resolve("metadata.toml")),
        innerStrays);
  }

  /** Reads the one key of {@code metadata.toml} diesel acts on; true when the key is absent. */
  static boolean runInTransaction(Path metadata) {
    TextLines lines = new TextLines(SourceFiles.readUtf8(metadata));
    for (int n = 1; n <= lines.count(); n++) {
      Matcher m = RUN_IN_TRANSACTION.matcher(lines.line(n));
      if (m.matches()) {
        switch (m.group(1)) {
          case "true":
            return true;
          case "false":
            return false;
          default:
            throw new SourceException(
                metadata,
                n,
                "run_in_transaction must be true or false, not '" + m.group(1) + "'",
                "write run_in_transaction = false, or remove the line");
        }
      }
    }
    return true;
  }

  /**
   * A migration folder read whole, with the strays inside it; or, with {@code dir == null}, a plain
   * file at the top level, which is then its only stray.
   */
  private record Folder(
      String version,
      String id,
      String message,
      Path dir,
      SqlSection up,
      SqlSection down,
      boolean transactional,
      List<StrayFile> strays) {

    static Folder stray(StrayFile stray) {
      return new Folder(null, null, null, null, null, null, true, List.of(stray));
    }
  }
}

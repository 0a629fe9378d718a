package dev.schemagate.core.source;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a dbmate folder in place: {@code <version>_<name>.sql} files with a {@code -- migrate:up}
 * section and an optional {@code -- migrate:down} section (in either order), ordered by the numeric
 * version prefix; the id is the version as written.
 *
 * <p>Options follow the marker on its line, {@code key:value} separated by spaces; {@code
 * transaction:false} on the up marker makes the migration non-transactional. Trap: dbmate lets the
 * down block have its own {@code transaction} option; {@link MigrationScript} has one flag, so it
 * follows the up block and the down block's option is not represented.
 *
 * <p>As in dbmate: no {@code -- migrate:up} is an error, a second block of the same kind is an
 * error, and anything but blank lines and comments before the first block is an error. Each
 * section's {@link SqlSection#firstLine()} is the line after its marker. Two files with the same
 * numeric version are an error.
 */
public final class DbmateReader implements SourceReader {

  static final String NO_DOWN_REASON = "dbmate migration without a '-- migrate:down' block";

  private static final Pattern NAME = Pattern.compile("^(\\d+)_(.*)\\.sql$");
  private static final Pattern MARKER = Pattern.compile("^--\\s*migrate:(up|down)(\\s+.*)?$");
  private static final Pattern UP_MARKER = Pattern.compile("(?m)^--\\s*migrate:up(\\s|$)");

  @Override
  public Layout layout() {
    return Layout.DBMATE;
  }

  /** Counts {@code <version>_<name>.sql} files containing a {@code -- migrate:up} line. */
  @Override
  public int score(Path directory, List<Path> entries) {
    List<Path> named = new ArrayList<>();
    for (Path p : entries) {
      String name = SourceFiles.name(p);
      // A digit first, or the pattern cannot match: most names of another layout stop here.
      if (!name.isEmpty()
          && Character.isDigit(name.charAt(0))
          && NAME.matcher(name).matches()
          && !SourceFiles.isDirectory(p)) {
        named.add(p);
      }
    }
    return SourceFiles.sampledScore(named, head -> UP_MARKER.matcher(head).find());
  }

  @Override
  public MigrationSource read(Path directory) {
    List<Named> files = new ArrayList<>();
    List<StrayFile> strays = new ArrayList<>();
    for (Path p : SourceFiles.list(directory)) {
      Matcher m = NAME.matcher(SourceFiles.name(p));
      if (SourceFiles.isDirectory(p) || !m.matches()) {
        strays.add(new StrayFile(p, "not named <version>_<name>.sql"));
      } else {
        files.add(new Named(new BigInteger(m.group(1)), m.group(1), m.group(2), p));
      }
    }
    files.sort(Comparator.comparing(Named::version));
    for (int i = 1; i < files.size(); i++) {
      if (files.get(i).version().equals(files.get(i - 1).version())) {
        throw new SourceException(
            files.get(i).file(),
            0,
            "version " + files.get(i).id() + " is also used by " + files.get(i - 1).file(),
            "give one of them a new version");
      }
    }
    List<SourceFiles.LinearEntry> entries = new ArrayList<>();
    for (Named f : files) {
      entries.add(parse(f, SourceFiles.readUtf8(f.file())));
    }
    return new MigrationSource(
        directory, Layout.DBMATE, SourceFiles.chain(entries), List.of(), List.of(), strays);
  }

  private static SourceFiles.LinearEntry parse(Named f, String text) {
    Path file = f.file();
    TextLines lines = new TextLines(text);
    int upLine = 0;
    int downLine = 0;
    String upOptions = "";
    for (int n = 1; n <= lines.count(); n++) {
      String line = lines.line(n);
      Matcher m = MARKER.matcher(line.stripTrailing());
      if (m.matches()) {
        boolean up = m.group(1).equals("up");
        int earlier = up ? upLine : downLine;
        if (earlier != 0) {
          throw new SourceException(
              file,
              n,
              "second '-- migrate:" + m.group(1) + "' block (first on line " + earlier + ")",
              "keep one up and at most one down block per file");
        }
        if (up) {
          upLine = n;
          upOptions = m.group(2) == null ? "" : m.group(2).strip();
        } else {
          downLine = n;
        }
      } else if (upLine == 0 && downLine == 0) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("--")) {
          throw new SourceException(
              file,
              n,
              "statement before the first '-- migrate:up' or '-- migrate:down' block",
              "move it into the '-- migrate:up' block");
        }
      }
    }
    if (upLine == 0) {
      throw new SourceException(
          file,
          0,
          "no '-- migrate:up' block",
          "add a line '-- migrate:up' before the upgrade SQL (dbmate requires it)");
    }
    int end = lines.count() + 1;
    SqlSection up =
        new SqlSection(
            lines.section(upLine + 1, downLine > upLine ? downLine : end), file, upLine + 1);
    SqlSection down =
        downLine == 0
            ? null
            : new SqlSection(
                lines.section(downLine + 1, upLine > downLine ? upLine : end), file, downLine + 1);
    boolean transactional = true;
    for (String option : upOptions.split("\\s+")) {
      if (option.equals("transaction:false")) {
        transactional = false;
      }
    }
    return new SourceFiles.LinearEntry(
        f.id(), f.name(), file, up, down, transactional, down == null ? NO_DOWN_REASON : null);
  }

  private record Named(BigInteger version, String id, String name, Path file) {}
}

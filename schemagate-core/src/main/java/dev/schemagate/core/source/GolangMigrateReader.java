package dev.schemagate.core.source;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a golang-migrate folder in place: {@code <n>_<name>.up.sql} and {@code
 * <n>_<name>.down.sql}, ordered by {@code n} as an unsigned 64-bit number (so {@code 10} after
 * {@code 9}, and {@code 001} and {@code 1} are the same version: a duplicate error). The revision
 * id is the number as written ({@code 000001}).
 *
 * <p>golang-migrate has no transaction marker (it runs each file as one multi-statement exec, and a
 * file may contain its own BEGIN/COMMIT), so every migration is {@code transactional = true}. Files
 * that do not match the naming are strays; a down file without its up is an error.
 */
public final class GolangMigrateReader implements SourceReader {

  static final String NO_DOWN_REASON = "golang-migrate migration without a .down.sql file";

  private static final Pattern NAME = Pattern.compile("^(\\d+)_(.*)\\.(up|down)\\.sql$");
  private static final BigInteger MAX_UINT64 =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  @Override
  public Layout layout() {
    return Layout.GOLANG_MIGRATE;
  }

  /** Counts {@code <n>_<name>.up.sql} and {@code .down.sql} files. */
  @Override
  public int score(Path directory, List<Path> entries) {
    int score = 0;
    for (Path p : entries) {
      String name = SourceFiles.name(p);
      // A digit first, or the pattern cannot match: most names of another layout stop here.
      if (!name.isEmpty()
          && Character.isDigit(name.charAt(0))
          && NAME.matcher(name).matches()
          && !SourceFiles.isDirectory(p)) {
        score++;
      }
    }
    return score;
  }

  @Override
  public MigrationSource read(Path directory) {
    Map<BigInteger, Pair> byVersion = new TreeMap<>();
    List<StrayFile> strays = new ArrayList<>();
    for (Path p : SourceFiles.list(directory)) {
      Matcher m = NAME.matcher(SourceFiles.name(p));
      if (SourceFiles.isDirectory(p) || !m.matches()) {
        strays.add(new StrayFile(p, "not named <number>_<name>.up.sql or .down.sql"));
        continue;
      }
      BigInteger version = new BigInteger(m.group(1));
      if (version.compareTo(MAX_UINT64) > 0) {
        throw new SourceException(
            p, 0, "version " + m.group(1) + " does not fit in 64 bits", "use a smaller number");
      }
      Pair pair = byVersion.computeIfAbsent(version, v -> new Pair());
      boolean up = m.group(3).equals("up");
      Path earlier = up ? pair.up : pair.down;
      if (earlier != null) {
        throw new SourceException(
            p,
            0,
            "version " + version + " " + m.group(3) + " is also defined by " + earlier,
            "give one of them a new version number");
      }
      if (up) {
        pair.up = p;
        pair.id = m.group(1);
        pair.name = m.group(2);
      } else {
        pair.down = p;
      }
    }
    List<SourceFiles.LinearEntry> entries = new ArrayList<>();
    for (Pair pair : byVersion.values()) {
      if (pair.up == null) {
        throw new SourceException(
            pair.down,
            0,
            "down migration without its .up.sql",
            "add the matching .up.sql file, or remove this one");
      }
      SqlSection down =
          pair.down == null ? null : new SqlSection(SourceFiles.readUtf8(pair.down), pair.down, 1);
      entries.add(
          new SourceFiles.LinearEntry(
              pair.id,
              pair.name,
              pair.up,
              new SqlSection(SourceFiles.readUtf8(pair.up), pair.up, 1),
              down,
              true,
              down == null ? NO_DOWN_REASON : null));
    }
    return new MigrationSource(
        directory, Layout.GOLANG_MIGRATE, SourceFiles.chain(entries), List.of(), List.of(), strays);
  }

  /** Mutable only while one read() collects a version's two files; never shared. */
  private static final class Pair {
    Path up;
    Path down;
    String id;
    String name;
  }
}

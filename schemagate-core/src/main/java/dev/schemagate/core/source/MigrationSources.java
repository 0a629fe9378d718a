package dev.schemagate.core.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The entry point for reading a migrations folder: picks the layout (or takes the one forced with
 * {@code --layout}) and hands the folder to its reader.
 *
 * <p>Auto-detection asks every reader for its {@link SourceReader#score score} and takes the
 * highest. A tie between the best is an error, never a guess: reading a folder as the wrong layout
 * would plan the wrong migrations. Decision: an empty folder (no entries but hidden ones) reads as
 * an empty {@link Layout#NATIVE} source, since that is what {@code schemagate init} creates and
 * {@code schemagate revision} then fills.
 */
public final class MigrationSources {

  private MigrationSources() {}

  /** One reader per layout, in {@link Layout} order. */
  public static List<SourceReader> readers() {
    return List.of(
        new NativeReader(),
        new FlywayReader(),
        new DieselReader(),
        new GolangMigrateReader(),
        new DbmateReader(),
        new AlembicReader());
  }

  /** The reader for one layout. */
  public static SourceReader reader(Layout layout) {
    return switch (layout) {
      case NATIVE -> new NativeReader();
      case FLYWAY -> new FlywayReader();
      case DIESEL -> new DieselReader();
      case GOLANG_MIGRATE -> new GolangMigrateReader();
      case DBMATE -> new DbmateReader();
      case ALEMBIC -> new AlembicReader();
    };
  }

  /**
   * Reads {@code dir} as {@code forcedOrNull}, or as the detected layout when null.
   *
   * @throws SourceException when the folder is missing, its layout is ambiguous or unknown, or a
   *     file in it is malformed
   */
  public static MigrationSource read(Path dir, Layout forcedOrNull) {
    requireFolder(dir);
    if (forcedOrNull != null) {
      return reader(forcedOrNull).read(dir);
    }
    List<Path> entries = SourceFiles.list(dir);
    return reader(detect(dir, entries)).read(dir, entries);
  }

  /**
   * The layout {@code dir} looks like.
   *
   * @throws SourceException when it is missing, ambiguous, or like none of them
   */
  public static Layout detect(Path dir) {
    requireFolder(dir);
    return detect(dir, SourceFiles.list(dir));
  }

  private static Layout detect(Path dir, List<Path> entries) {
    if (entries.isEmpty()) {
      return Layout.NATIVE;
    }
    List<SourceReader> best = new ArrayList<>();
    int bestScore = 0;
    for (SourceReader r : readers()) {
      int score = r.score(dir, entries);
      if (score > bestScore) {
        best.clear();
        bestScore = score;
      }
      if (score > 0 && score == bestScore) {
        best.add(r);
      }
    }
    String all =
        readers().stream().map(r -> r.layout().cliName()).collect(Collectors.joining(", "));
    if (best.isEmpty()) {
      throw new SourceException(
          dir,
          0,
          "no migration files recognised (tried " + all + ")",
          "pass --layout <"
              + all.replace(", ", "|")
              + "> or point --migrations at the folder"
              + " that holds the migrations");
    }
    if (best.size() > 1) {
      String tied =
          best.stream().map(r -> r.layout().cliName()).collect(Collectors.joining(" and "));
      throw new SourceException(
          dir,
          0,
          "looks equally like " + tied + " (" + bestScore + " files each)",
          "pass --layout "
              + best.get(0).layout().cliName()
              + " (or another of "
              + tied
              + ") to say which");
    }
    return best.get(0).layout();
  }

  private static void requireFolder(Path dir) {
    if (!Files.exists(dir)) {
      throw new SourceException(
          dir,
          0,
          "migrations folder does not exist",
          "run `schemagate init` to create it, or pass --migrations <folder>");
    }
    if (!Files.isDirectory(dir)) {
      throw new SourceException(
          dir,
          0,
          "is a file, not a migrations folder",
          "pass --migrations <folder> with the folder that holds the migrations");
    }
  }
}

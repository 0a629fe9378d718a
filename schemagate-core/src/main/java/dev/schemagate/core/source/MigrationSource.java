package dev.schemagate.core.source;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything read from one migrations folder.
 *
 * @param directory the folder
 * @param layout the layout it was read as
 * @param versioned the migrations of the revision graph; for linear layouts in the originating
 *     tool's order, each one's parent the one before it
 * @param repeatables Flyway {@code R__} scripts, in Flyway's order (by description); empty for
 *     other layouts
 * @param callbacks files recognised as the layout's callbacks (not migrations, not stray)
 * @param strays files that are neither, each with the reason it was ignored
 */
public record MigrationSource(
    Path directory,
    Layout layout,
    List<MigrationScript> versioned,
    List<MigrationScript> repeatables,
    List<Path> callbacks,
    List<StrayFile> strays) {

  public MigrationSource {
    versioned = List.copyOf(versioned);
    repeatables = List.copyOf(repeatables);
    callbacks = List.copyOf(callbacks);
    strays = List.copyOf(strays);
  }
}

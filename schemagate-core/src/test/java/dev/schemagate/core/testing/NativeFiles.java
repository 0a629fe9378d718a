package dev.schemagate.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes native migration files for tests. */
public final class NativeFiles {
  private NativeFiles() {}

  /** Writes {@code <id>_m.sql} with the given parents (none for a root). */
  public static Path write(Path dir, String id, List<String> parents, String up, String down) {
    return write(dir, id, parents, up, down, true);
  }

  public static Path write(
      Path dir, String id, List<String> parents, String up, String down, boolean transactional) {
    StringBuilder sb = new StringBuilder();
    sb.append("-- revision: ").append(id).append('\n');
    if (!parents.isEmpty()) {
      sb.append("-- down_revision: ").append(String.join(" ", parents)).append('\n');
    }
    sb.append("-- message: migration ").append(id).append('\n');
    if (!transactional) {
      sb.append("-- transaction: none\n");
    }
    sb.append("\n-- +upgrade\n").append(up).append("\n\n-- +downgrade\n").append(down).append('\n');
    try {
      Files.createDirectories(dir);
      Path f = dir.resolve(id + "_m.sql");
      Files.writeString(f, sb.toString());
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bundled example project's migrations folder. */
  public static Path exampleProject() {
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
      Path candidate = dir.resolve("examples/onboarding/migrations");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "examples/onboarding/migrations not found above " + Path.of("").toAbsolutePath());
  }
}

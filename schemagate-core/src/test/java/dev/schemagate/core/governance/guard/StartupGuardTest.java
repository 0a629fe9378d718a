package dev.schemagate.core.governance.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.governance.guard.SkippedFile.Reason;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupGuardTest {

  @TempDir Path dir;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(StartupGuardTest.class.getResource("/guard/" + name).toURI());
  }

  private static final String CONTAINER = "container-start-migration";

  @Test
  void findsEveryTriggerOfTheDirtyTreeAtItsLine() throws Exception {
    GuardScan scan = StartupGuard.scan(fixture("dirty"));

    assertThat(scan.findings())
        .extracting(GuardFinding::file, GuardFinding::line, GuardFinding::triggerId)
        .containsExactly(
            tuple("Dockerfile", 7, CONTAINER),
            tuple("Procfile", 1, CONTAINER),
            tuple("app/models.py", 12, "sqlalchemy-create-all"),
            tuple("billing/src/main/resources/application.yml", 6, "spring-liquibase-enabled"),
            tuple("deploy configs/compose.prod.yaml", 4, CONTAINER),
            tuple("docker-compose.yml", 7, CONTAINER),
            tuple("docker-compose.yml", 13, CONTAINER),
            tuple("docker/entrypoint.sh", 5, CONTAINER),
            tuple("docker/worker.Dockerfile", 3, CONTAINER),
            tuple("k8s/deployment.yaml", 22, CONTAINER),
            tuple("pom.xml", 18, "spring-flyway-enabled"),
            tuple("src/main/resources/META-INF/persistence.xml", 5, "hibernate-ddl-auto"),
            tuple("src/main/resources/application-prod.properties", 3, "spring-flyway-enabled"),
            tuple("src/main/resources/application-prod.properties", 4, "hibernate-ddl-auto"),
            tuple("src/main/resources/application.yml", 8, "hibernate-ddl-auto"),
            tuple("tests/conftest.py", 8, "sqlalchemy-create-all"));
    assertThat(scan.filesScanned()).isEqualTo(16);
    assertThat(scan.skipped()).isEmpty();
  }

  @Test
  void dirtyTreeCoversEveryTriggerKind() throws Exception {
    GuardScan scan = StartupGuard.scan(fixture("dirty"));

    assertThat(scan.findings())
        .extracting(GuardFinding::trigger)
        .containsAll(EnumSet.allOf(GuardTrigger.class));
  }

  @Test
  void reportsNothingOnTheCleanTreeOfNearMisses() throws Exception {
    GuardScan scan = StartupGuard.scan(fixture("clean"));

    assertThat(scan.findings()).isEmpty();
    assertThat(scan.clean()).isTrue();
    // The near-misses were read, not missed: every candidate in the tree counts, and the
    // entrypoint script the Dockerfile starts.
    assertThat(scan.filesScanned()).isEqualTo(12);
  }

  @Test
  void saysWhyAndHowToFixAndNamesTheClassPathEvidence() throws Exception {
    GuardScan scan = StartupGuard.scan(fixture("dirty"));

    GuardFinding byDefault = only(scan, "pom.xml", 18);
    assertThat(byDefault.found()).isEqualTo("<artifactId>flyway-core</artifactId>");
    assertThat(byDefault.why()).contains("enabled by default");
    assertThat(byDefault.fix()).contains("spring.flyway.enabled=false");

    GuardFinding explicit = only(scan, "src/main/resources/application-prod.properties", 3);
    assertThat(explicit.found()).isEqualTo("spring.flyway.enabled=true");
    assertThat(explicit.why()).contains("pom.xml:18");

    GuardFinding init = only(scan, "k8s/deployment.yaml", 22);
    assertThat(init.found()).isEqualTo("schemagate upgrade head");
    assertThat(init.why()).contains("init container of the deployment");
  }

  @Test
  void redactsSecretsInWhatWasFound() throws Exception {
    GuardScan scan = StartupGuard.scan(fixture("dirty"));

    assertThat(scan.findings())
        .extracting(GuardFinding::found)
        .noneMatch(f -> f.contains("s3cret"));
    assertThat(only(scan, "docker/worker.Dockerfile", 3).found())
        .startsWith("flyway -url=jdbc:postgresql://db/app")
        .contains("-password=***");
  }

  @Test
  void marksTestCodeAndLeavesItOutOfTheBlockingFindings() throws Exception {
    GuardScan scan = StartupGuard.scan(fixture("dirty"));

    assertThat(scan.findings())
        .filteredOn(GuardFinding::inTestCode)
        .extracting(GuardFinding::file)
        .containsExactly("tests/conftest.py");
    assertThat(scan.blocking()).hasSize(scan.findings().size() - 1);
    assertThat(scan.clean()).isFalse();
  }

  @Test
  void skipsAndNamesHugeAndBinaryCandidates() throws IOException {
    byte[] huge = new byte[(int) StartupGuard.MAX_FILE_BYTES + 1];
    Arrays.fill(huge, (byte) 'a');
    Files.write(dir.resolve("application.yml"), huge);
    Files.write(dir.resolve("blob.py"), new byte[] {'i', 'm', 0, 1, 2, 'x'});
    Files.writeString(dir.resolve("ok.py"), "Base.metadata.create_all(engine)\n");
    Files.write(dir.resolve("picture.png"), new byte[] {0, 0, 0});

    GuardScan scan = StartupGuard.scan(dir);

    assertThat(scan.skipped())
        .extracting(SkippedFile::file, SkippedFile::reason)
        .containsExactly(
            tuple("application.yml", Reason.TOO_LARGE), tuple("blob.py", Reason.BINARY));
    assertThat(scan.skipped().get(0).detail()).contains(String.valueOf(huge.length));
    assertThat(scan.filesScanned()).isEqualTo(1);
    assertThat(scan.findings()).extracting(GuardFinding::file).containsExactly("ok.py");
  }

  @Test
  void readsCrlfFilesWithTrueLineNumbers() throws IOException {
    write(
        "pom.xml",
        "<project>\r\n<parent><artifactId>spring-boot-starter-parent</artifactId></parent>\r\n"
            + "<dependencies>\r\n<dependency>\r\n<artifactId>liquibase-core</artifactId>\r\n"
            + "</dependency>\r\n</dependencies>\r\n</project>\r\n");
    write(
        "src/main/resources/application.yml",
        "spring:\r\n  liquibase:\r\n    enabled: false\r\n  jpa:\r\n    hibernate:\r\n"
            + "      ddl-auto: create-drop\r\n");
    write(
        "Dockerfile",
        "FROM flyway/flyway:10\r\n# start\r\nCMD -url=jdbc:postgresql://db/app \\\r\n    migrate\r\n");

    GuardScan scan = StartupGuard.scan(dir);

    assertThat(scan.findings())
        .extracting(GuardFinding::file, GuardFinding::line, GuardFinding::triggerId)
        .containsExactly(
            tuple("Dockerfile", 4, CONTAINER),
            tuple("src/main/resources/application.yml", 6, "hibernate-ddl-auto"));
    assertThat(scan.findings()).extracting(GuardFinding::found).noneMatch(f -> f.contains("\r"));
  }

  @Test
  void handlesPathsWithSpaces() throws IOException {
    write("my project/ops files/Procfile", "web: alembic upgrade head && gunicorn app:app\n");

    GuardScan scan = StartupGuard.scan(dir.resolve("my project"));

    assertThat(scan.findings())
        .extracting(GuardFinding::file, GuardFinding::line)
        .containsExactly(tuple("ops files/Procfile", 1));
  }

  @Test
  void doesNotEnterOutputDependencyOrCacheDirectories() throws IOException {
    String trigger = "CMD alembic upgrade head\n";
    for (String skipped :
        new String[] {".git", "target", "build", "node_modules", ".venv", "venv", "__pycache__"}) {
      write(skipped + "/Dockerfile", trigger);
    }
    write("service/Dockerfile", trigger);

    GuardScan scan = StartupGuard.scan(dir);

    assertThat(scan.findings())
        .extracting(GuardFinding::file)
        .containsExactly("service/Dockerfile");
    assertThat(scan.filesScanned()).isEqualTo(1);
  }

  @Test
  void scansTheRootEvenWhenItsNameIsOneThatIsSkipped() throws IOException {
    write("build/Procfile", "release: flyway migrate\n");

    assertThat(StartupGuard.scan(dir.resolve("build")).findings()).hasSize(1);
  }

  @Test
  void followsLinksInsideTheRootOnlyAndNamesTheOthers(@TempDir Path outside) throws IOException {
    Files.writeString(outside.resolve("Procfile"), "release: alembic upgrade head\n");
    write("real/Procfile", "web: schemagate upgrade head\n");
    try {
      Files.createSymbolicLink(dir.resolve("Procfile"), outside.resolve("Procfile"));
      Files.createSymbolicLink(dir.resolve("linked"), outside);
      Files.createSymbolicLink(dir.resolve("Procfile.inside"), dir.resolve("real/Procfile"));
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "symbolic links are not supported here: " + e.getMessage());
    }

    GuardScan scan = StartupGuard.scan(dir);

    assertThat(scan.findings())
        .extracting(GuardFinding::file)
        .containsExactly("Procfile.inside", "real/Procfile");
    assertThat(scan.skipped())
        .extracting(SkippedFile::file, SkippedFile::reason)
        .containsExactly(
            tuple("Procfile", Reason.LINK_OUTSIDE_ROOT), tuple("linked", Reason.LINK_OUTSIDE_ROOT));
  }

  @Test
  void scansASingleFile() throws IOException {
    write("Dockerfile", "FROM alpine\nENTRYPOINT [\"alembic\", \"upgrade\", \"head\"]\n");

    GuardScan scan = StartupGuard.scan(dir.resolve("Dockerfile"));

    assertThat(scan.findings())
        .extracting(GuardFinding::file, GuardFinding::line)
        .containsExactly(tuple("Dockerfile", 2));
  }

  @Test
  void refusesAMissingRootWithTheNextStep() {
    Path missing = dir.resolve("nope");

    assertThatThrownBy(() -> StartupGuard.scan(missing))
        .isInstanceOf(SchemagateException.class)
        .hasMessageContaining(missing.toString())
        .satisfies(e -> assertThat(((SchemagateException) e).nextStep()).contains("guard scan"));
  }

  @Test
  void findingPrintsAsFileLineTriggerAndFound() throws IOException {
    write("Procfile", "release: alembic upgrade head\n");

    GuardFinding f = StartupGuard.scan(dir).findings().get(0);

    assertThat(f)
        .hasToString("Procfile:1: [container-start-migration] release: alembic upgrade head");
  }

  private GuardFinding only(GuardScan scan, String file, int line) {
    return scan.findings().stream()
        .filter(f -> f.file().equals(file) && f.line() == line)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no finding at " + file + ":" + line));
  }

  private void write(String relative, String text) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }
}

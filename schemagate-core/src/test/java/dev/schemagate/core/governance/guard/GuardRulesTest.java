package dev.schemagate.core.governance.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule on small trees: the trigger, and the near-misses next to it that must stay quiet. */
class GuardRulesTest {

  @TempDir Path dir;

  private static final String BOOT_FLYWAY_POM =
      """
      <project>
        <parent><artifactId>spring-boot-starter-parent</artifactId></parent>
        <dependencies>
          <dependency>
            <artifactId>flyway-core</artifactId>
          </dependency>
        </dependencies>
      </project>
      """;

  // ---- Spring Flyway / Liquibase

  @Test
  void judgesEachServiceByTheConfigurationInItsOwnTree() throws IOException {
    write("a/pom.xml", BOOT_FLYWAY_POM);
    write("a/src/main/resources/application.yml", "spring:\n  flyway:\n    enabled: false\n");
    write("b/pom.xml", BOOT_FLYWAY_POM);
    write("b/src/main/resources/application.yml", "spring:\n  application:\n    name: b\n");

    assertThat(scan()).containsExactly(tuple("b/pom.xml", 5, "spring-flyway-enabled"));
  }

  @Test
  void aLibraryModuleIsGovernedByTheApplicationConfigurationElsewhereInTheTree()
      throws IOException {
    write("db/pom.xml", BOOT_FLYWAY_POM);
    write("app/src/main/resources/application.properties", "spring.flyway.enabled=false\n");

    assertThat(scan()).isEmpty();
  }

  @Test
  void disablingOnlyInAProfileLeavesTheDefaultEnabled() throws IOException {
    write("pom.xml", BOOT_FLYWAY_POM);
    write("src/main/resources/application-prod.yml", "spring.flyway.enabled: false\n");

    assertThat(scan()).containsExactly(tuple("pom.xml", 5, "spring-flyway-enabled"));
  }

  @Test
  void withoutSpringBootAFlywayDependencyAloneIsNotAStartUpTrigger() throws IOException {
    write("pom.xml", BOOT_FLYWAY_POM.replace("spring-boot-starter-parent", "company-parent"));

    assertThat(scan()).isEmpty();
  }

  @Test
  void anExplicitTrueCountsWhenNoBuildFileSaysOtherwise() throws IOException {
    write("config/application.properties", "spring.liquibase.enabled = true\n");

    assertThat(scan())
        .containsExactly(tuple("config/application.properties", 1, "spring-liquibase-enabled"));

    write("pom.xml", "<project><dependencies></dependencies></project>\n");
    assertThat(scan()).as("a build file without Liquibase proves it absent").isEmpty();
  }

  @Test
  void placeholdersCountAsTheirDefaultAndWithoutOneAsEnabled() throws IOException {
    write("pom.xml", BOOT_FLYWAY_POM);
    write("src/main/resources/application.properties", "spring.flyway.enabled=${FLYWAY:false}\n");
    write("src/main/resources/application-a.properties", "spring.flyway.enabled=${FLYWAY:true}\n");
    write("src/main/resources/application-b.properties", "spring.flyway.enabled=${FLYWAY}\n");
    write("src/main/resources/application-c.yml", "spring:\n  flyway:\n    enabled: 'off'\n");

    assertThat(scan())
        .containsExactly(
            tuple("src/main/resources/application-a.properties", 1, "spring-flyway-enabled"),
            tuple("src/main/resources/application-b.properties", 1, "spring-flyway-enabled"));
  }

  @Test
  void readsPropertiesTheWayJavaDoes() throws IOException {
    write("pom.xml", BOOT_FLYWAY_POM);
    write(
        "src/main/resources/application.properties",
        "! a comment\nspring.flyway.enabled:\\\n    false\nspring.JPA.hibernate.ddl_auto update\n");

    assertThat(scan())
        .containsExactly(
            tuple("src/main/resources/application.properties", 4, "hibernate-ddl-auto"));
  }

  @Test
  void onlyRuntimeDependenciesPutAToolOnTheClassPath() throws IOException {
    write(
        "pom.xml",
        """
        <project>
          <parent><artifactId>spring-boot-starter-parent</artifactId></parent>
          <dependencyManagement><dependencies>
            <dependency><artifactId>flyway-core</artifactId></dependency>
          </dependencies></dependencyManagement>
          <dependencies>
            <dependency><artifactId>flyway-core</artifactId><scope>test</scope></dependency>
            <!-- <dependency><artifactId>liquibase-core</artifactId></dependency> -->
          </dependencies>
          <build><plugins><plugin>
            <artifactId>flyway-maven-plugin</artifactId>
            <dependencies><dependency><artifactId>flyway-database-postgresql</artifactId></dependency></dependencies>
          </plugin></plugins></build>
        </project>
        """);
    write(
        "tools/build.gradle",
        """
        buildscript {
            dependencies {
                classpath "org.flywaydb:flyway-database-postgresql:10.0.0"
            }
        }
        plugins { id "org.flywaydb.flyway" version "10.0.0" }
        dependencies {
            testImplementation "org.flywaydb:flyway-core:10.0.0"
            // implementation "org.liquibase:liquibase-core:4.29.0"
            /* implementation "org.liquibase:liquibase-core:4.29.0" */
            constraints {
                implementation("org.liquibase:liquibase-core:4.29.0")
            }
        }
        """);

    assertThat(scan()).isEmpty();
  }

  @Test
  void gradleDependenciesCountInEveryNotation() throws IOException {
    write(
        "build.gradle.kts",
        """
        plugins { id("org.springframework.boot") version "3.3.0" }
        dependencies {
            implementation(libs.flyway.core)
            runtimeOnly(group = "org.liquibase", name = "liquibase-core")
        }
        """);

    assertThat(scan())
        .containsExactly(
            tuple("build.gradle.kts", 3, "spring-flyway-enabled"),
            tuple("build.gradle.kts", 4, "spring-liquibase-enabled"));
  }

  // ---- Hibernate

  @Test
  void reportsEveryDdlAutoThatChangesTheSchemaAndNotValidateOrNone() throws IOException {
    write(
        "application.properties",
        """
        spring.jpa.hibernate.ddl-auto=create
        spring.jpa.hibernate.ddl_auto=VALIDATE
        hibernate.hbm2ddl.auto=none
        spring.jpa.properties.hibernate.hbm2ddl.auto=${DDL:update}
        spring.jpa.properties.hibernate.hbm2ddl.auto=${DDL:validate}
        spring.jpa.properties.jakarta.persistence.schema-generation.database.action=drop-and-create
        # spring.jpa.hibernate.ddl-auto=create-drop
        """);
    write(
        "hibernate.cfg.xml",
        """
        <hibernate-configuration><session-factory>
          <property name="hibernate.hbm2ddl.auto">update</property>
          <property name="hibernate.hbm2ddl.auto">validate</property>
        </session-factory></hibernate-configuration>
        """);

    assertThat(scan())
        .containsExactly(
            tuple("application.properties", 1, "hibernate-ddl-auto"),
            tuple("application.properties", 4, "hibernate-ddl-auto"),
            tuple("application.properties", 6, "hibernate-ddl-auto"),
            tuple("hibernate.cfg.xml", 2, "hibernate-ddl-auto"));
  }

  // ---- SQLAlchemy

  @Test
  void findsCreateAllOnAnyMetadataButNotInCommentsStringsOrDocstrings() throws IOException {
    write(
        "app/db.py",
        """
        def setup(engine):
            '''Example:

                Base.metadata.create_all(engine)
            '''
            log("calling metadata.create_all(engine)")  # metadata.create_all(
            target_metadata.create_all(engine)
            SQLModel.metadata . create_all(bind=engine)
            db.create_all()
            metadata.drop_all(engine)
        """);

    assertThat(scan())
        .containsExactly(
            tuple("app/db.py", 7, "sqlalchemy-create-all"),
            tuple("app/db.py", 8, "sqlalchemy-create-all"));
  }

  // ---- Start commands

  @Test
  void readsAnEntrypointTogetherWithTheCmdThatFeedsIt() throws IOException {
    write(
        "Dockerfile",
        """
        FROM python:3.12 AS build
        ENTRYPOINT ["alembic"]
        FROM python:3.12-slim
        CMD ["upgrade", "head"]
        FROM python:3.12-slim
        ENTRYPOINT ["alembic", "-c", "/app/alembic.ini"]
        CMD ["upgrade", "head"]
        """);

    assertThat(scan()).containsExactly(tuple("Dockerfile", 6, "container-start-migration"));
  }

  @Test
  void theFlywayImageStartsFlywaySoItsCommandIsTheVerb() throws IOException {
    write(
        "docker-compose.yml",
        """
        services:
          migrate:
            image: "flyway/flyway:10-alpine"
            command: -connectRetries=60 migrate
          other:
            image: flyway/flyway
            entrypoint: ["sh"]
            command: migrate
          info:
            image: redgate/flyway
            command: info
        """);
    write("Dockerfile", "FROM flyway/flyway:10\nCMD [\"migrate\"]\n");

    assertThat(scan())
        .containsExactly(
            tuple("Dockerfile", 2, "container-start-migration"),
            tuple("docker-compose.yml", 4, "container-start-migration"));
  }

  @Test
  void aSeparatorEndsTheCommandAndFlagsAreNotVerbs() throws IOException {
    write(
        "Procfile",
        """
        web: alembic current; echo upgrade
        release: flyway -locations=filesystem:/sql/migrate info
        worker: alembic upgrade head
        web: python -m alembic -x tenant=a upgrade heads && gunicorn app:app
        """);

    assertThat(scan()).containsExactly(tuple("Procfile", 4, "container-start-migration"));
  }

  @Test
  void kubernetesInitContainersOfEveryWorkloadAndMainContainersOfLongRunningOnes()
      throws IOException {
    write(
        "deploy/cronjob.yaml",
        """
        apiVersion: batch/v1
        kind: CronJob
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  initContainers:
                    - name: migrate
                      image: app
                      command:
                        - alembic
                        - upgrade
                        - head
                  containers:
                    - name: job
                      image: app
                      args: ["flyway", "migrate"]
        """);
    write(
        "deploy/statefulset.yml",
        """
        kind: StatefulSet
        spec:
          template:
            spec:
              containers:
              - name: app
                image: app
                command: ["/bin/sh", "-c"]
                args:
                - |
                  schemagate upgrade head
                  exec java -jar app.jar
              - name: flyway
                image: flyway/flyway:10
                args: [migrate]
        """);
    write(
        "deploy/configmap.yaml",
        "kind: ConfigMap\ndata:\n  containers: x\n  command: alembic upgrade head\n");

    assertThat(scan())
        .containsExactly(
            tuple("deploy/cronjob.yaml", 12, "container-start-migration"),
            tuple("deploy/statefulset.yml", 11, "container-start-migration"),
            tuple("deploy/statefulset.yml", 15, "container-start-migration"));
  }

  @Test
  void readsTheScriptsThatStartCommandsRunAndNoOthers() throws IOException {
    write("Procfile", "release: ./bin/release.sh --verbose\n");
    String script =
        "#!/bin/sh\necho 'now: flyway migrate'\nflyway -configFiles=conf/flyway.conf migrate\n";
    write("bin/release.sh", script);
    write("scripts/ci.sh", script);

    GuardScan scan = StartupGuard.scan(dir);

    assertThat(scan.findings())
        .extracting(GuardFinding::file, GuardFinding::line, GuardFinding::triggerId)
        .containsExactly(tuple("bin/release.sh", 3, "container-start-migration"));
    assertThat(scan.findings().get(0).why()).contains("Procfile:1");
    assertThat(scan.filesScanned()).isEqualTo(2);
  }

  private List<Tuple> scan() {
    return StartupGuard.scan(dir).findings().stream()
        .map(f -> tuple(f.file(), f.line(), f.triggerId()))
        .toList();
  }

  private void write(String relative, String text) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }
}

package dev.schemagate.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
  @TempDir Path dir;

  private Path config(String yaml) throws Exception {
    Path f = dir.resolve("schemagate.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  private static final String CONFIG =
      "migrations: db/migrations\n"
          + "default_environment: local\n"
          + "environments:\n"
          + "  local:\n"
          + "    url: jdbc:sqlite:local.db\n"
          + "  prod:\n"
          + "    url_env: PROD_URL\n"
          + "    governed: true\n";

  @Test
  void defaultEnvironmentAndRelativePathsComeFromTheConfigFolder() throws Exception {
    config(CONFIG);
    Workspace w =
        Workspace.resolve(new WorkspaceOptions(null, null, null, null, null, Map.of(), dir));
    assertThat(w.migrations()).isEqualTo(dir.resolve("db/migrations"));
    assertThat(w.environment()).isEqualTo("local");
    assertThat(w.connection().jdbcUrl()).isEqualTo("jdbc:sqlite:" + dir.resolve("local.db"));
    assertThat(w.governed()).isFalse();
  }

  @Test
  void namedEnvironmentTakesItsUrlFromTheVariable() throws Exception {
    config(CONFIG);
    Workspace w =
        Workspace.resolve(
            new WorkspaceOptions(
                null, "prod", null, null, null, Map.of("PROD_URL", "postgres://u:pw@h/db"), dir));
    assertThat(w.connection().jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
    assertThat(w.governed()).isTrue();
  }

  @Test
  void missingVariableSaysWhichOneToSet() throws Exception {
    config(CONFIG);
    SchemagateException e =
        catchThrowableOfType(
            () ->
                Workspace.resolve(
                    new WorkspaceOptions(null, "prod", null, null, null, Map.of(), dir)),
            SchemagateException.class);
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage()).contains("PROD_URL");
    assertThat(e.nextStep()).contains("export PROD_URL=");
  }

  @Test
  void urlOptionWinsOverEverything() throws Exception {
    config(CONFIG);
    Workspace w =
        Workspace.resolve(
            new WorkspaceOptions(
                null,
                null,
                "jdbc:sqlite:other.db",
                null,
                null,
                Map.of("DATABASE_URL", "postgres://h/db"),
                dir));
    assertThat(w.connection().jdbcUrl()).isEqualTo("jdbc:sqlite:other.db");
    assertThat(w.environment()).isNull();
  }

  @Test
  void databaseUrlVariableIsUsedWithoutConfig() {
    Workspace w =
        Workspace.resolve(
            new WorkspaceOptions(
                null,
                null,
                null,
                null,
                null,
                Map.of("DATABASE_URL", "postgres://u@h:5433/db"),
                dir));
    assertThat(w.connection().jdbcUrl()).isEqualTo("jdbc:postgresql://h:5433/db");
    assertThat(w.migrations()).isEqualTo(dir.resolve("migrations"));
  }

  @Test
  void passwordWrittenInTheConfigIsRefused() throws Exception {
    Path f = config("environments:\n  prod:\n    url: postgres://u:hunter2@h/db\n");
    SchemagateException e =
        catchThrowableOfType(
            () ->
                Workspace.resolve(
                    new WorkspaceOptions(null, null, null, null, null, Map.of(), dir)),
            SchemagateException.class);
    assertThat(e.getMessage())
        .contains(f.toString())
        .contains("password")
        .doesNotContain("hunter2");
    assertThat(e.nextStep()).contains("url_env");
  }

  @Test
  void unknownKeyAndBadYamlNameTheFile() throws Exception {
    Path f = config("migrations: m\nlayuot: flyway\n");
    SchemagateException e =
        catchThrowableOfType(
            () ->
                Workspace.resolve(
                    new WorkspaceOptions(null, null, null, null, null, Map.of(), dir)),
            SchemagateException.class);
    assertThat(e.getMessage()).contains(f.toString()).contains("layuot");
    config("migrations: [unclosed\n");
    SchemagateException yaml =
        catchThrowableOfType(
            () ->
                Workspace.resolve(
                    new WorkspaceOptions(null, null, null, null, null, Map.of(), dir)),
            SchemagateException.class);
    assertThat(yaml.getMessage()).contains("schemagate.yaml:").contains("YAML");
  }
}

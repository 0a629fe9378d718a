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

class ProjectConfigTest {
  @TempDir Path dir;

  private ProjectConfig load(String yaml) throws Exception {
    Path f = dir.resolve("schemagate.yaml");
    Files.writeString(f, yaml);
    return ProjectConfig.load(f);
  }

  @Test
  void lintSectionGivesVersionAndSeveritiesIncludingYamlOff() throws Exception {
    ProjectConfig c =
        load(
            "lint:\n"
                + "  pg_version: 11\n"
                + "  rules:\n"
                + "    prefer-robust-stmts: off\n"
                + "    ban-drop-column: ERROR\n");
    assertThat(c.lint().pgVersion()).isEqualTo(11);
    assertThat(c.lint().rules())
        .isEqualTo(Map.of("prefer-robust-stmts", "off", "ban-drop-column", "error"));
  }

  @Test
  void withoutLintSectionTheDefaultsApply() throws Exception {
    assertThat(load("migrations: m\n").lint()).isEqualTo(ProjectConfig.Lint.DEFAULTS);
  }

  @Test
  void badSeverityIsBadInputNamingTheRule() throws Exception {
    SchemagateException e =
        catchThrowableOfType(
            () -> load("lint:\n  rules:\n    ban-drop-column: loud\n"), SchemagateException.class);
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage())
        .contains("schemagate.yaml")
        .contains("ban-drop-column")
        .contains("loud");
    assertThat(e.nextStep()).contains("error, warning, info or off");
  }

  @Test
  void badPgVersionIsBadInput() throws Exception {
    SchemagateException e =
        catchThrowableOfType(
            () -> load("lint:\n  pg_version: sixteen\n"), SchemagateException.class);
    assertThat(e.getMessage()).contains("pg_version");
  }

  @Test
  void brokenYamlNamesTheFileAndLine() throws Exception {
    SchemagateException e =
        catchThrowableOfType(
            () -> load("migrations: m\nenvironments:\n  local: [unclosed\n"),
            SchemagateException.class);
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage()).contains("schemagate.yaml:").contains("not valid YAML");
    assertThat(e.getMessage()).containsPattern("schemagate\\.yaml:[34]:");
  }
}

package dev.schemagate.core.schema.scratch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchSettingsTest {

  @Test
  void rejectsAnUnsupportedMajorNamingTheSupportedOnes() {
    SchemagateException e =
        catchThrowableOfType(
            () -> ScratchSettings.defaults().withPostgresMajor(14), SchemagateException.class);
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage()).contains("PostgreSQL 14 is not supported").contains("[15, 16, 17]");
    assertThat(e.nextStep()).contains("--scratch-url");
  }

  @Test
  void pinsOneReleasePerMajor() {
    assertThat(PostgresBinaries.pinnedVersion(15)).isEqualTo("15.18.0");
    assertThat(PostgresBinaries.pinnedVersion(16)).isEqualTo("16.4.0");
    assertThat(PostgresBinaries.pinnedVersion(17)).isEqualTo("17.6.0");
  }

  @Test
  void neverPrintsThePasswordOfTheScratchUrl() {
    ScratchSettings s = ScratchSettings.defaults().withScratchUrl("postgres://u:s3cret@h/postgres");
    assertThat(s.toString()).doesNotContain("s3cret").contains("h");
    assertThat(s.scratchSpec().password()).isEqualTo("s3cret");
    assertThat(s.scratchSpec().jdbcUrl()).doesNotContain("s3cret");
  }

  @Test
  void refusesASqliteScratchUrl() {
    SchemagateException e =
        catchThrowableOfType(
            () -> ScratchSettings.defaults().withScratchUrl("jdbc:sqlite:x.db"),
            SchemagateException.class);
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage()).contains("is not a PostgreSQL server");
  }

  @Test
  void defaultsNeedNoSetUp() {
    ScratchSettings s = ScratchSettings.defaults();
    assertThat(s.scratchUrl()).isNull();
    assertThat(s.postgresMajor()).isZero();
    assertThat(s.binariesCache().endsWith(Path.of("schemagate", "postgres"))).isTrue();
    assertThat(ScratchSettings.defaults().withScratchUrl("  ").scratchUrl()).isNull();
  }

  @Test
  void replacesTheDatabaseOfAJdbcUrl() {
    assertThat(ScratchServer.withDatabase("jdbc:postgresql://h:5433/postgres?ssl=true", "sg_x"))
        .isEqualTo("jdbc:postgresql://h:5433/sg_x?ssl=true");
    assertThat(ScratchServer.withDatabase("jdbc:postgresql://h1,h2:5433/", "sg_x"))
        .isEqualTo("jdbc:postgresql://h1,h2:5433/sg_x");
    assertThat(ScratchServer.withDatabase("jdbc:postgresql://h", "sg_x"))
        .isEqualTo("jdbc:postgresql://h/sg_x");
    assertThat(ScratchServer.withDatabase("jdbc:postgresql:postgres", "sg_x"))
        .isEqualTo("jdbc:postgresql:sg_x");
  }
}

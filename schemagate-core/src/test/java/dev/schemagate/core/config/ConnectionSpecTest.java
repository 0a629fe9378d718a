package dev.schemagate.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.sql.Dialect;
import org.junit.jupiter.api.Test;

class ConnectionSpecTest {

  @Test
  void libpqUrlBecomesJdbcWithCredentialsLiftedOut() {
    ConnectionSpec s =
        ConnectionSpec.parse("postgres://deploy:p%40ss@db.internal:6432/app?sslmode=require");
    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/app?sslmode=require");
    assertThat(s.user()).isEqualTo("deploy");
    assertThat(s.password()).isEqualTo("p@ss");
    assertThat(s.dialect()).isEqualTo(Dialect.POSTGRES);
  }

  @Test
  void libpqUrlDefaultsPortAndHost() {
    ConnectionSpec s = ConnectionSpec.parse("postgresql://me@/app");
    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/app");
    assertThat(s.password()).isNull();
  }

  @Test
  void jdbcQueryPasswordIsMovedOutOfTheUrl() {
    ConnectionSpec s =
        ConnectionSpec.parse("jdbc:postgresql://h/db?user=u&password=secret&ssl=true");
    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?ssl=true");
    assertThat(s.user()).isEqualTo("u");
    assertThat(s.password()).isEqualTo("secret");
    assertThat(s.toString()).doesNotContain("secret");
    assertThat(s.redacted()).doesNotContain("secret");
  }

  @Test
  void redactHidesPasswordsInBothForms() {
    assertThat(ConnectionSpec.redact("failed for postgres://u:topsecret@h:5432/db today"))
        .isEqualTo("failed for postgres://u:***@h:5432/db today");
    assertThat(ConnectionSpec.redact("jdbc:postgresql://h/db?user=u&password=topsecret&x=1"))
        .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&x=1");
    assertThat(ConnectionSpec.redact("Server=h;PWD=topsecret;SslPassword=other"))
        .isEqualTo("Server=h;PWD=***;SslPassword=***");
    assertThat(ConnectionSpec.redact("SET lock_timeout = '1s'; no secret here"))
        .isEqualTo("SET lock_timeout = '1s'; no secret here");
  }

  @Test
  void sqliteUrlIsKeptAsIs() {
    ConnectionSpec s = ConnectionSpec.parse("jdbc:sqlite:/tmp/x.db");
    assertThat(s.dialect()).isEqualTo(Dialect.SQLITE);
    assertThat(s.jdbcUrl()).isEqualTo("jdbc:sqlite:/tmp/x.db");
  }

  @Test
  void unsupportedDatabaseIsBadInputWithoutTheSecret() {
    SchemagateException e =
        catchThrowableOfType(
            () -> ConnectionSpec.parse("jdbc:mysql://h/db?password=hunter2"),
            SchemagateException.class);
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage()).contains("unsupported").doesNotContain("hunter2");
    assertThat(e.nextStep()).contains("jdbc:postgresql");
  }

  @Test
  void redactStopsAtTheEndOfTheValueAndKeepsTheLinesAfterIt() {
    String text =
        "$ schemagate --url jdbc:postgresql://h/db?password=S3cret upgrade head\n"
            + "PASS approvals: 1 valid approval from max; next; line";
    String redacted = ConnectionSpec.redact(text);
    assertThat(redacted)
        .doesNotContain("S3cret")
        .contains("password=*** upgrade head\n")
        .endsWith("PASS approvals: 1 valid approval from max; next; line");
  }

  @Test
  void aSqliteUrlWithAPasswordIsRedactedWherePrinted() {
    ConnectionSpec s = ConnectionSpec.parse("jdbc:sqlite:/tmp/x.db?password=S3cretXYZ");
    assertThat(s.redacted()).doesNotContain("S3cretXYZ").contains("jdbc:sqlite:/tmp/x.db");
  }

  @Test
  void evidenceTextHidesARolesPasswordLiteralButKeepsTheStatement() {
    String sql = "CREATE ROLE app LOGIN PASSWORD 'it''s S3cret';\nALTER ROLE ro password\n'x2'";
    String redacted = ConnectionSpec.redactEvidence(sql);
    assertThat(redacted)
        .doesNotContain("S3cret")
        .doesNotContain("'x2'")
        .contains("CREATE ROLE app LOGIN PASSWORD '***';")
        .contains("ALTER ROLE ro password\n'***'");
    assertThat(ConnectionSpec.redact(sql)).as("--sql output stays runnable").isEqualTo(sql);
  }
}

package dev.schemagate.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.schemagate.core.sql.Dialect;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SqlCommandTest {

  private static SqlCommand insert(Object... values) {
    return new SqlCommand("INSERT INTO t (a, b) VALUES (?, ?)", Arrays.asList(values), 1);
  }

  @Test
  void inlinesNumbersNullsAndQuotedStrings() {
    assertThat(insert(42, null).inlined(Dialect.POSTGRES))
        .isEqualTo("INSERT INTO t (a, b) VALUES (42, NULL)");
    assertThat(insert("it's", 7L).inlined(Dialect.SQLITE))
        .isEqualTo("INSERT INTO t (a, b) VALUES ('it''s', 7)");
  }

  @Test
  void writesABackslashAsAnEscapeStringOnPostgresOnly() {
    assertThat(insert("CORP\\alice", "x'\\'y").inlined(Dialect.POSTGRES))
        .isEqualTo("INSERT INTO t (a, b) VALUES (E'CORP\\\\alice', E'x''\\\\''y')");
    assertThat(insert("CORP\\alice", "plain").inlined(Dialect.SQLITE))
        .as("SQLite strings have no backslash escapes")
        .isEqualTo("INSERT INTO t (a, b) VALUES ('CORP\\alice', 'plain')");
  }

  @Test
  void leavesSqlWithoutParametersAlone() {
    assertThat(SqlCommand.of("SELECT '?'").inlined(Dialect.POSTGRES)).isEqualTo("SELECT '?'");
  }

  @Test
  void refusesANulCharacter() {
    assertThatThrownBy(() -> insert("a\0b", 1).inlined(Dialect.POSTGRES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NUL");
  }
}

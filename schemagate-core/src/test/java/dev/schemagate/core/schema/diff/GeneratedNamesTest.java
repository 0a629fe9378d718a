package dev.schemagate.core.schema.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeneratedNamesTest {

  @Test
  void takesTheNameOutOfAPostgresIndexDefinition() {
    assertThat(
            GeneratedNames.indexWithoutName(
                "CREATE UNIQUE INDEX users_email_idx ON public.users USING btree (email)"))
        .isEqualTo("CREATE UNIQUE INDEX <name> ON public.users USING btree (email)");
  }

  @Test
  void takesOutQuotedAndQualifiedNames() {
    assertThat(GeneratedNames.indexWithoutName("CREATE INDEX \"Odd \"\"name\" ON t (a)"))
        .isEqualTo("CREATE INDEX <name> ON t (a)");
    assertThat(GeneratedNames.indexWithoutName("create index if not exists main.idx_a on t(a)"))
        .isEqualTo("create index if not exists <name> on t(a)");
    assertThat(GeneratedNames.indexWithoutName("CREATE INDEX [idx] ON t (a)"))
        .isEqualTo("CREATE INDEX <name> ON t (a)");
  }

  @Test
  void leavesADefinitionWithoutANameAlone() {
    assertThat(GeneratedNames.indexWithoutName("CREATE INDEX ON t (a)"))
        .isEqualTo("CREATE INDEX ON t (a)");
    assertThat(GeneratedNames.indexWithoutName("something else entirely"))
        .isEqualTo("something else entirely");
  }

  @Test
  void takesALeadingConstraintNameOff() {
    assertThat(
            GeneratedNames.constraintWithoutName(
                "CONSTRAINT fk_a FOREIGN KEY (a) REFERENCES b(id)"))
        .isEqualTo("FOREIGN KEY (a) REFERENCES b(id)");
    assertThat(GeneratedNames.constraintWithoutName("UNIQUE (email)")).isEqualTo("UNIQUE (email)");
  }
}

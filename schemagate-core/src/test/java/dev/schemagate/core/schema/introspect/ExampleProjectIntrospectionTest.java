package dev.schemagate.core.schema.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.api.MigrateRequest;
import dev.schemagate.core.schema.Column;
import dev.schemagate.core.schema.Constraint;
import dev.schemagate.core.schema.ConstraintType;
import dev.schemagate.core.schema.Index;
import dev.schemagate.core.schema.ObjectKind;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.schema.Table;
import dev.schemagate.core.schema.View;
import dev.schemagate.core.testing.EmbeddedPostgresExtension;
import dev.schemagate.core.testing.NativeFiles;
import dev.schemagate.core.testing.PostgresDatabase;
import dev.schemagate.core.testing.TestMigrators;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The bundled example project, upgraded to head, read back on both dialects. */
@ExtendWith(EmbeddedPostgresExtension.class)
class ExampleProjectIntrospectionTest {
  @TempDir Path tmp;

  @Test
  void postgresSnapshotOfTheExampleHasItsTablesKeysIndexesAndView(PostgresDatabase db)
      throws Exception {
    TestMigrators.of(NativeFiles.exampleProject(), db.jdbcUrl())
        .upgrade(MigrateRequest.live("head"));
    SchemaSnapshot s;
    try (Connection c = db.connect()) {
      s = Introspector.read(c);
    }
    assertKnownObjects(s, "public");
    Column created = (Column) s.find(ObjectKind.COLUMN, "public.users.created_at").orElseThrow();
    assertThat(created.type()).isEqualTo("timestamp without time zone");
    assertThat(created.defaultValue()).isEqualTo("CURRENT_TIMESTAMP");
    assertThat(s.complete()).as(String.valueOf(s.skipped())).isTrue();
  }

  @Test
  void sqliteSnapshotOfTheExampleHasItsTablesKeysIndexesAndView() throws Exception {
    String url = "jdbc:sqlite:" + tmp.resolve("example.db");
    TestMigrators.of(NativeFiles.exampleProject(), url).upgrade(MigrateRequest.live("head"));
    SchemaSnapshot s;
    try (Connection c = DriverManager.getConnection(url)) {
      s = Introspector.read(c);
    }
    assertKnownObjects(s, "main");
    Column created = (Column) s.find(ObjectKind.COLUMN, "main.users.created_at").orElseThrow();
    assertThat(created.type()).isEqualTo("TIMESTAMP");
    assertThat(created.defaultValue()).isEqualTo("CURRENT_TIMESTAMP");
    assertThat(s.complete()).as(String.valueOf(s.skipped())).isTrue();
  }

  private static void assertKnownObjects(SchemaSnapshot s, String schema) {
    assertThat(s.all(Table.class))
        .extracting(Table::name)
        .contains("users", "user_profile", "onboarding_steps", "invoices", "agent_versions")
        .doesNotContain("schemagate_version", "schemagate_history");
    Constraint email =
        (Constraint) s.find(ObjectKind.CONSTRAINT, schema + ".users.uq_users_email").orElseThrow();
    assertThat(email.type()).isEqualTo(ConstraintType.UNIQUE);
    assertThat(email.columns()).containsExactly("email");
    Constraint fk =
        (Constraint)
            s.find(ObjectKind.CONSTRAINT, schema + ".user_profile.fk_user_profile_user")
                .orElseThrow();
    assertThat(fk.references()).isEqualTo(schema + ".users");
    assertThat(fk.columns()).containsExactly("user_id");
    assertThat(s.find(ObjectKind.INDEX, schema + ".invoices.ix_invoices_user_status"))
        .get()
        .extracting(o -> ((Index) o).keys())
        .asList()
        .containsExactly("user_id", "status");
    View v = (View) s.find(ObjectKind.VIEW, schema + ".v_user_billing_agents").orElseThrow();
    assertThat(v.dependsOn()).contains(schema + ".users");
    assertThat(s.all(Column.class))
        .filteredOn(c -> c.table().equals("user_profile"))
        .extracting(Column::name)
        .containsExactlyInAnyOrder("user_id", "locale", "timezone", "marketing_opt_in");
  }
}

package dev.schemagate.core.schema.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.schema.Column;
import dev.schemagate.core.schema.Constraint;
import dev.schemagate.core.schema.ConstraintType;
import dev.schemagate.core.schema.ObjectKind;
import dev.schemagate.core.schema.SchemaObject;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.testing.EmbeddedPostgresExtension;
import dev.schemagate.core.testing.PostgresDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresIntrospectorTest {

  private static SchemaSnapshot read(PostgresDatabase db, String ddl) throws Exception {
    try (Connection c = db.connect()) {
      try (Statement st = c.createStatement()) {
        st.execute(ddl);
      }
      return Introspector.read(c);
    }
  }

  private static <T extends SchemaObject> T get(
      SchemaSnapshot s, ObjectKind kind, String key, Class<T> type) {
    return type.cast(
        s.find(kind, key).orElseThrow(() -> new AssertionError("no " + kind + " " + key)));
  }

  @Test
  void readsForeignKeyActionsDeferrabilityAndNotValid(PostgresDatabase db) throws Exception {
    SchemaSnapshot s =
        read(
            db,
            "CREATE TABLE users (id bigint PRIMARY KEY);"
                + "CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint);"
                + "ALTER TABLE posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id)"
                + " REFERENCES users (id) ON DELETE CASCADE DEFERRABLE NOT VALID;");
    Constraint fk = get(s, ObjectKind.CONSTRAINT, "public.posts.posts_user_fk", Constraint.class);
    assertThat(fk.type()).isEqualTo(ConstraintType.FOREIGN_KEY);
    assertThat(fk.columns()).containsExactly("user_id");
    assertThat(fk.references()).isEqualTo("public.users");
    assertThat(fk.onDelete()).isEqualTo("CASCADE");
    assertThat(fk.onUpdate()).isEqualTo("NO ACTION");
    assertThat(fk.deferrable()).isTrue();
    assertThat(fk.initiallyDeferred()).isFalse();
    assertThat(fk.validated()).isFalse();
    assertThat(fk.definition())
        .isEqualTo(
            "FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE DEFERRABLE NOT VALID");
    assertThat(s.all(Column.class)).extracting(Column::key).contains("public.posts.user_id");
    assertThat(s.complete()).as(String.valueOf(s.skipped())).isTrue();
    s.objects().forEach(o -> System.out.println(o.kind() + " " + o.key() + " " + o.attributes()));
  }
}

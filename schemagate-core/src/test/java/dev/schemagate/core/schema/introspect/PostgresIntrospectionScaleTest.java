package dev.schemagate.core.schema.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.schema.Column;
import dev.schemagate.core.schema.Comment;
import dev.schemagate.core.schema.Constraint;
import dev.schemagate.core.schema.ConstraintType;
import dev.schemagate.core.schema.Index;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.schema.Table;
import dev.schemagate.core.testing.EmbeddedPostgresExtension;
import dev.schemagate.core.testing.PostgresDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A 1,000-table schema read completely. The time is printed for the record, not asserted: timing
 * belongs to the benchmark module.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresIntrospectionScaleTest {
  private static final int TABLES = 1000;

  @Test
  void readsAThousandTablesWithTheirColumnsKeysIndexesAndComments(PostgresDatabase db)
      throws Exception {
    try (Connection c = db.connect()) {
      try (Statement st = c.createStatement()) {
        StringBuilder ddl = new StringBuilder();
        for (int i = 0; i < TABLES; i++) {
          String parent = i == 0 ? "t0" : "t" + (i - 1);
          ddl.append("CREATE TABLE t")
              .append(i)
              .append(" (id bigint PRIMARY KEY, parent_id bigint REFERENCES ")
              .append(parent)
              .append(" (id), name text NOT NULL, amount numeric(12,2) DEFAULT 0,")
              .append(" created_at timestamptz NOT NULL DEFAULT now(), note varchar(200));")
              .append("CREATE INDEX t")
              .append(i)
              .append("_name ON t")
              .append(i)
              .append(" (name);COMMENT ON TABLE t")
              .append(i)
              .append(" IS 'table ")
              .append(i)
              .append("';");
        }
        st.execute(ddl.toString());
      }
      Introspector.read(c); // warm the connection's catalog caches, as a long-lived tool would
      long start = System.nanoTime();
      SchemaSnapshot s = Introspector.read(c);
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.println("introspected " + TABLES + " tables in " + millis + " ms");

      assertThat(s.all(Table.class)).hasSize(TABLES);
      assertThat(s.all(Column.class)).hasSize(TABLES * 6);
      assertThat(s.all(Constraint.class))
          .filteredOn(k -> k.type() == ConstraintType.PRIMARY_KEY)
          .hasSize(TABLES);
      assertThat(s.all(Constraint.class))
          .filteredOn(k -> k.type() == ConstraintType.FOREIGN_KEY)
          .hasSize(TABLES);
      assertThat(s.all(Index.class)).hasSize(TABLES);
      assertThat(s.all(Comment.class)).hasSize(TABLES);
      assertThat(s.complete()).as(String.valueOf(s.skipped())).isTrue();
    }
  }
}

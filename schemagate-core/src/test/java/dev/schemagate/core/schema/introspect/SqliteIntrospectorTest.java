package dev.schemagate.core.schema.introspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.schemagate.core.schema.Column;
import dev.schemagate.core.schema.Constraint;
import dev.schemagate.core.schema.ConstraintType;
import dev.schemagate.core.schema.Index;
import dev.schemagate.core.schema.ObjectKind;
import dev.schemagate.core.schema.SchemaObject;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.schema.Table;
import dev.schemagate.core.schema.Trigger;
import dev.schemagate.core.schema.View;
import dev.schemagate.core.sql.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteIntrospectorTest {
  @TempDir Path tmp;

  private SchemaSnapshot read(String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("t.db"))) {
      try (Statement st = c.createStatement()) {
        for (String s : statements) {
          st.execute(s);
        }
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
  void readsTablesWithOptionsAndColumnsWithTheirAttributes() throws Exception {
    SchemaSnapshot s =
        read(
            "CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER) WITHOUT ROWID, STRICT",
            "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                + " name VARCHAR(20) NOT NULL DEFAULT 'x' COLLATE NOCASE,"
                + " twice INTEGER GENERATED ALWAYS AS (id * 2) STORED,"
                + " half INTEGER AS (id / 2))");
    assertThat(s.dialect()).isEqualTo(Dialect.SQLITE);
    assertThat(s.serverVersion()).matches("3\\.\\d+\\.\\d+");
    assertThat(get(s, ObjectKind.TABLE, "main.kv", Table.class).options())
        .isEqualTo("WITHOUT ROWID, STRICT");
    assertThat(get(s, ObjectKind.TABLE, "main.t", Table.class).options()).isNull();
    assertThat(s.all(Column.class))
        .filteredOn(c -> c.table().equals("t"))
        .extracting(
            Column::name,
            Column::position,
            Column::type,
            Column::nullable,
            Column::defaultValue,
            Column::identity,
            Column::generated,
            Column::collation)
        .containsExactlyInAnyOrder(
            tuple("id", 1, "INTEGER", true, null, "autoincrement", null, null),
            tuple("name", 2, "VARCHAR(20)", false, "'x'", null, null, "NOCASE"),
            tuple("twice", 3, "INTEGER", true, null, null, "(id * 2)", null),
            tuple("half", 4, "INTEGER", true, null, null, "(id / 2) VIRTUAL", null));
    assertThat(s.all(Table.class))
        .extracting(Table::name)
        .as("sqlite_sequence is internal")
        .containsExactly("kv", "t");
    assertThat(s.complete()).as(String.valueOf(s.skipped())).isTrue();
  }

  @Test
  void readsPrimaryUniqueForeignAndCheckConstraints() throws Exception {
    SchemaSnapshot s =
        read(
            "CREATE TABLE p (a INTEGER, b TEXT, PRIMARY KEY (b, a))",
            "CREATE TABLE c (id INTEGER CONSTRAINT c_id_pk PRIMARY KEY,"
                + " pa INTEGER CHECK (pa > 0), pb TEXT UNIQUE,"
                + " x INTEGER, y INTEGER,"
                + " CONSTRAINT c_parent FOREIGN KEY (pb, pa) REFERENCES p (b, a)"
                + "   ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,"
                + " CONSTRAINT c_xy UNIQUE (x, y), CHECK (x < y))");
    assertThat(get(s, ObjectKind.CONSTRAINT, "main.p.p_pkey", Constraint.class).columns())
        .containsExactly("b", "a");
    assertThat(get(s, ObjectKind.CONSTRAINT, "main.c.c_id_pk", Constraint.class).type())
        .isEqualTo(ConstraintType.PRIMARY_KEY);
    Constraint fk = get(s, ObjectKind.CONSTRAINT, "main.c.c_parent", Constraint.class);
    assertThat(fk.columns()).containsExactly("pb", "pa");
    assertThat(fk.references()).isEqualTo("main.p");
    assertThat(fk.onDelete()).isEqualTo("CASCADE");
    assertThat(fk.onUpdate()).isEqualTo("NO ACTION");
    assertThat(fk.deferrable()).isTrue();
    assertThat(fk.initiallyDeferred()).isTrue();
    assertThat(fk.definition())
        .isEqualTo(
            "FOREIGN KEY (pb, pa) REFERENCES p(b, a) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED");
    assertThat(get(s, ObjectKind.CONSTRAINT, "main.c.c_pb_key", Constraint.class).definition())
        .isEqualTo("UNIQUE (pb)");
    assertThat(get(s, ObjectKind.CONSTRAINT, "main.c.c_xy", Constraint.class).columns())
        .containsExactly("x", "y");
    assertThat(get(s, ObjectKind.CONSTRAINT, "main.c.c_pa_check", Constraint.class).definition())
        .isEqualTo("CHECK (pa > 0)");
    assertThat(get(s, ObjectKind.CONSTRAINT, "main.c.c_check", Constraint.class).definition())
        .isEqualTo("CHECK (x < y)");
    assertThat(s.all(Index.class)).as("autoindexes belong to their constraints").isEmpty();
  }

  @Test
  void readsExplicitIndexesWithExpressionsAndPredicates() throws Exception {
    SchemaSnapshot s =
        read(
            "CREATE TABLE t (a TEXT UNIQUE, b INTEGER)",
            "CREATE   UNIQUE INDEX t_lower ON t (lower(a) , b DESC)\n   WHERE b > 0",
            "CREATE INDEX t_b ON t(b)");
    Index i = get(s, ObjectKind.INDEX, "main.t.t_lower", Index.class);
    assertThat(i.unique()).isTrue();
    assertThat(i.keys()).containsExactly("lower(a)", "b DESC");
    assertThat(i.predicate()).isEqualTo("b > 0");
    assertThat(i.definition())
        .isEqualTo("CREATE UNIQUE INDEX t_lower ON t (lower(a) , b DESC) WHERE b > 0");
    assertThat(s.all(Index.class)).extracting(Index::name).containsExactly("t_b", "t_lower");
  }

  @Test
  void readsViewsWithDependenciesAndTriggers() throws Exception {
    SchemaSnapshot s =
        read(
            "CREATE TABLE t (a INTEGER)",
            "CREATE TABLE log (a INTEGER)",
            "CREATE VIEW v AS SELECT a FROM t",
            "CREATE VIEW vv AS SELECT count(*) AS n FROM v",
            "CREATE TRIGGER t_log AFTER INSERT ON t BEGIN INSERT INTO log VALUES (NEW.a); END");
    View v = get(s, ObjectKind.VIEW, "main.v", View.class);
    assertThat(v.definition()).isEqualTo("CREATE VIEW v AS SELECT a FROM t");
    assertThat(v.dependsOn()).containsExactly("main.t");
    assertThat(get(s, ObjectKind.VIEW, "main.vv", View.class).dependsOn())
        .containsExactly("main.v");
    Trigger t = get(s, ObjectKind.TRIGGER, "main.t.t_log", Trigger.class);
    assertThat(t.definition()).startsWith("CREATE TRIGGER t_log AFTER INSERT ON t BEGIN");
    assertThat(t.enabled()).isEqualTo("O");
  }

  @Test
  void versionTablesAreNotListed() throws Exception {
    SchemaSnapshot s =
        read(
            "CREATE TABLE schemagate_version (version_num VARCHAR(255) NOT NULL PRIMARY KEY)",
            "CREATE TABLE schemagate_history (id INTEGER PRIMARY KEY AUTOINCREMENT)",
            "CREATE INDEX h_id ON schemagate_history (id)",
            "CREATE TABLE kept (id INTEGER)");
    assertThat(s.objects())
        .extracting(SchemaObject::key)
        .containsExactlyInAnyOrder("main.kept", "main.kept.id");
  }

  @Test
  void virtualTablesAreReportedSkipped() throws Exception {
    SchemaSnapshot s = read("CREATE VIRTUAL TABLE docs USING fts5(body)");
    assertThat(s.complete()).isFalse();
    assertThat(s.skipped()).first().asString().startsWith("virtual table main.docs");
    assertThat(s.all(Table.class)).isEmpty();
  }
}

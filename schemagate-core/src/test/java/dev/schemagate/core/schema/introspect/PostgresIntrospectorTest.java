package dev.schemagate.core.schema.introspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.schema.Column;
import dev.schemagate.core.schema.Comment;
import dev.schemagate.core.schema.CompositeType;
import dev.schemagate.core.schema.Constraint;
import dev.schemagate.core.schema.ConstraintType;
import dev.schemagate.core.schema.Domain;
import dev.schemagate.core.schema.EnumType;
import dev.schemagate.core.schema.Extension;
import dev.schemagate.core.schema.Index;
import dev.schemagate.core.schema.ObjectKind;
import dev.schemagate.core.schema.Routine;
import dev.schemagate.core.schema.Schema;
import dev.schemagate.core.schema.SchemaObject;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.schema.Sequence;
import dev.schemagate.core.schema.Table;
import dev.schemagate.core.schema.Trigger;
import dev.schemagate.core.schema.View;
import dev.schemagate.core.testing.EmbeddedPostgresExtension;
import dev.schemagate.core.testing.PostgresDatabase;
import dev.schemagate.core.testing.Sql;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
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
  }

  @Test
  void readsPartialExpressionIndexWithOpclassOrderAndInclude(PostgresDatabase db) throws Exception {
    SchemaSnapshot s =
        read(
            db,
            "CREATE TABLE t (id int PRIMARY KEY, email text, created timestamptz, note text);"
                + "CREATE INDEX t_lower_email ON t (lower(email) text_pattern_ops, created DESC)"
                + " INCLUDE (note) WHERE email IS NOT NULL;"
                + "CREATE UNIQUE INDEX t_created ON t USING btree (created NULLS FIRST);"
                + "CREATE INDEX t_note_hash ON t USING hash (note);");
    Index i = get(s, ObjectKind.INDEX, "public.t.t_lower_email", Index.class);
    assertThat(i.method()).isEqualTo("btree");
    assertThat(i.unique()).isFalse();
    assertThat(i.keys()).containsExactly("lower(email) text_pattern_ops", "created DESC");
    assertThat(i.include()).containsExactly("note");
    assertThat(i.predicate()).isEqualTo("(email IS NOT NULL)");
    assertThat(i.valid()).isTrue();
    assertThat(i.definition()).startsWith("CREATE INDEX t_lower_email ON public.t USING btree");
    Index u = get(s, ObjectKind.INDEX, "public.t.t_created", Index.class);
    assertThat(u.unique()).isTrue();
    assertThat(u.keys()).containsExactly("created NULLS FIRST");
    assertThat(get(s, ObjectKind.INDEX, "public.t.t_note_hash", Index.class).method())
        .isEqualTo("hash");
    assertThat(s.all(Index.class))
        .extracting(Index::name)
        .as("the primary key's index comes with its constraint")
        .doesNotContain("t_pkey");
  }

  @Test
  void readsIdentityAndSerialColumnsAndTheSerialSequenceOnly(PostgresDatabase db) throws Exception {
    SchemaSnapshot s =
        read(
            db,
            "CREATE TABLE a (id int GENERATED ALWAYS AS IDENTITY, n serial,"
                + " b bigint GENERATED BY DEFAULT AS IDENTITY);"
                + "CREATE SEQUENCE free_seq AS smallint INCREMENT 5 START 10 CACHE 3 CYCLE;");
    Column id = get(s, ObjectKind.COLUMN, "public.a.id", Column.class);
    assertThat(id.identity()).isEqualTo("always");
    assertThat(id.defaultValue()).isNull();
    assertThat(get(s, ObjectKind.COLUMN, "public.a.b", Column.class).identity())
        .isEqualTo("by default");
    Column n = get(s, ObjectKind.COLUMN, "public.a.n", Column.class);
    assertThat(n.identity()).isNull();
    assertThat(n.type()).isEqualTo("integer");
    assertThat(n.defaultValue()).isEqualTo("nextval('public.a_n_seq'::regclass)");
    assertThat(s.all(Sequence.class))
        .extracting(Sequence::key)
        .containsExactly("public.a_n_seq", "public.free_seq");
    Sequence serial = get(s, ObjectKind.SEQUENCE, "public.a_n_seq", Sequence.class);
    assertThat(serial.ownedBy()).isEqualTo("public.a.n");
    assertThat(serial.type()).isEqualTo("integer");
    Sequence free = get(s, ObjectKind.SEQUENCE, "public.free_seq", Sequence.class);
    assertThat(free)
        .isEqualTo(new Sequence("public", "free_seq", "smallint", 10, 5, 1, 32767, 3, true, null));
    assertThat(s.complete()).as(String.valueOf(s.skipped())).isTrue();
  }

  @Test
  void identityColumnWithCustomSequenceOptionsIsReportedSkipped(PostgresDatabase db)
      throws Exception {
    SchemaSnapshot s =
        read(db, "CREATE TABLE a (id int GENERATED ALWAYS AS IDENTITY (START WITH 100));");
    assertThat(s.skipped())
        .singleElement()
        .asString()
        .contains("identity column public.a.id", "START 100");
  }

  @Test
  void droppedColumnLeavesNoGapAndGeneratedDefaultCollationAreRead(PostgresDatabase db)
      throws Exception {
    SchemaSnapshot s =
        read(
            db,
            "CREATE TABLE t (a int, gone int, b text COLLATE \"C\" NOT NULL DEFAULT 'x',"
                + " c int GENERATED ALWAYS AS (a * 2) STORED);"
                + "ALTER TABLE t DROP COLUMN gone;");
    assertThat(s.all(Column.class))
        .extracting(Column::name, Column::position)
        .containsExactly(tuple("a", 1), tuple("b", 2), tuple("c", 3));
    Column b = get(s, ObjectKind.COLUMN, "public.t.b", Column.class);
    assertThat(b.nullable()).isFalse();
    assertThat(b.defaultValue()).isEqualTo("'x'::text");
    assertThat(b.collation()).isEqualTo("\"C\"");
    Column c = get(s, ObjectKind.COLUMN, "public.t.c", Column.class);
    assertThat(c.generated()).isEqualTo("(a * 2)");
    assertThat(c.defaultValue()).isNull();
    assertThat(get(s, ObjectKind.COLUMN, "public.t.a", Column.class).collation()).isNull();
  }

  @Test
  void readsUniqueCheckAndExclusionConstraints(PostgresDatabase db) throws Exception {
    SchemaSnapshot s =
        read(
            db,
            "CREATE TABLE r (id int, lo int, hi int, room int,"
                + " CONSTRAINT r_lo_hi UNIQUE (lo, hi) DEFERRABLE INITIALLY DEFERRED,"
                + " CONSTRAINT r_order CHECK (lo < hi),"
                + " CONSTRAINT r_no_overlap EXCLUDE USING gist (int4range(lo, hi) WITH &&));");
    Constraint u = get(s, ObjectKind.CONSTRAINT, "public.r.r_lo_hi", Constraint.class);
    assertThat(u.type()).isEqualTo(ConstraintType.UNIQUE);
    assertThat(u.columns()).containsExactly("lo", "hi");
    assertThat(u.initiallyDeferred()).isTrue();
    Constraint c = get(s, ObjectKind.CONSTRAINT, "public.r.r_order", Constraint.class);
    assertThat(c.type()).isEqualTo(ConstraintType.CHECK);
    assertThat(c.definition()).isEqualTo("CHECK ((lo < hi))");
    assertThat(c.onDelete()).isNull();
    Constraint x = get(s, ObjectKind.CONSTRAINT, "public.r.r_no_overlap", Constraint.class);
    assertThat(x.type()).isEqualTo(ConstraintType.EXCLUSION);
    assertThat(x.definition()).startsWith("EXCLUDE USING gist");
    assertThat(s.all(Index.class)).isEmpty();
  }

  @Test
  void readsPartitionedTablesUnloggedAndReloptions(PostgresDatabase db) throws Exception {
    SchemaSnapshot s =
        read(
            db,
            "CREATE TABLE ev (id int, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);"
                + "CREATE TABLE ev_2024 PARTITION OF ev"
                + " FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');"
                + "CREATE INDEX ev_at ON ev (at);"
                + "CREATE UNLOGGED TABLE scratch (x int) WITH (fillfactor = 70);");
    Table ev = get(s, ObjectKind.TABLE, "public.ev", Table.class);
    assertThat(ev.partitionBy()).isEqualTo("RANGE (at)");
    Table part = get(s, ObjectKind.TABLE, "public.ev_2024", Table.class);
    assertThat(part.partitionOf())
        .isEqualTo("public.ev FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
    Table scratch = get(s, ObjectKind.TABLE, "public.scratch", Table.class);
    assertThat(scratch.persistence()).isEqualTo("unlogged");
    assertThat(scratch.options()).isEqualTo("fillfactor=70");
    assertThat(ev.persistence()).isEqualTo("permanent");
    assertThat(s.all(Index.class))
        .as("the partition's copy of ev_at comes back with the parent's index")
        .extracting(Index::key)
        .containsExactly("public.ev.ev_at");
    assertThat(s.all(Constraint.class))
        .extracting(Constraint::key)
        .containsExactly("public.ev.ev_pkey");
  }

  @Test
  void readsViewsAndMaterializedViewsWithDependencies(PostgresDatabase db) throws Exception {
    SchemaSnapshot s =
        read(
            db,
            "CREATE TABLE t (id int, v text);"
                + "CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql IMMUTABLE"
                + " AS 'SELECT x * 2';"
                + "CREATE VIEW tv AS SELECT id, twice(id) AS d FROM t;"
                + "CREATE MATERIALIZED VIEW tm AS SELECT count(*) AS n FROM tv;"
                + "CREATE INDEX tm_n ON tm (n);");
    View tv = get(s, ObjectKind.VIEW, "public.tv", View.class);
    assertThat(tv.materialized()).isFalse();
    assertThat(tv.definition()).contains("public.twice(id) AS d", "FROM public.t");
    assertThat(tv.dependsOn()).containsExactly("public.t", "public.twice(x integer)");
    View tm = get(s, ObjectKind.VIEW, "public.tm", View.class);
    assertThat(tm.materialized()).isTrue();
    assertThat(tm.dependsOn()).containsExactly("public.tv");
    assertThat(s.find(ObjectKind.INDEX, "public.tm.tm_n")).isPresent();
  }

  @Test
  void overloadedFunctionsAreTwoRoutinesAndProceduresHaveNoResult(PostgresDatabase db)
      throws Exception {
    SchemaSnapshot s =
        read(
            db,
            "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a';"
                + "CREATE FUNCTION f(a text, b text) RETURNS text LANGUAGE sql AS 'SELECT a || b';"
                + "CREATE PROCEDURE p() LANGUAGE plpgsql AS $$BEGIN NULL; END$$;");
    assertThat(s.all(Routine.class))
        .extracting(Routine::key)
        .containsExactly("public.f(a integer)", "public.f(a text, b text)", "public.p()");
    Routine f = get(s, ObjectKind.ROUTINE, "public.f(a integer)", Routine.class);
    assertThat(f.routineKind()).isEqualTo("function");
    assertThat(f.returns()).isEqualTo("integer");
    assertThat(f.language()).isEqualTo("sql");
    assertThat(f.definition()).startsWith("CREATE OR REPLACE FUNCTION public.f(a integer)");
    Routine p = get(s, ObjectKind.ROUTINE, "public.p()", Routine.class);
    assertThat(p.routineKind()).isEqualTo("procedure");
    assertThat(p.returns()).isNull();
    assertThat(p.language()).isEqualTo("plpgsql");
  }

  @Test
  void readsUserTriggersButNotForeignKeyTriggers(PostgresDatabase db) throws Exception {
    SchemaSnapshot s =
        read(
            db,
            "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (p int REFERENCES p);"
                + "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql"
                + " AS $$BEGIN RETURN NEW; END$$;"
                + "CREATE TRIGGER c_touch BEFORE INSERT OR UPDATE ON c"
                + " FOR EACH ROW EXECUTE FUNCTION touch();"
                + "ALTER TABLE c DISABLE TRIGGER c_touch;");
    assertThat(s.all(Trigger.class)).extracting(Trigger::key).containsExactly("public.c.c_touch");
    Trigger t = get(s, ObjectKind.TRIGGER, "public.c.c_touch", Trigger.class);
    assertThat(t.definition())
        .isEqualTo(
            "CREATE TRIGGER c_touch BEFORE INSERT OR UPDATE ON public.c"
                + " FOR EACH ROW EXECUTE FUNCTION public.touch()");
    assertThat(t.enabled()).isEqualTo("D");
  }

  @Test
  void readsEnumsDomainsAndFreeStandingCompositeTypes(PostgresDatabase db) throws Exception {
    SchemaSnapshot s =
        read(
            db,
            "CREATE TYPE mood AS ENUM ('sad', 'ok');"
                + "ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';"
                + "CREATE DOMAIN pos AS numeric(10,2) NOT NULL DEFAULT 1"
                + " CONSTRAINT pos_b CHECK (VALUE < 1000) CONSTRAINT pos_a CHECK (VALUE > 0);"
                + "CREATE DOMAIN code AS text COLLATE \"C\";"
                + "CREATE TYPE pair AS (k text, v mood);"
                + "CREATE TABLE t (m mood, p pos);");
    assertThat(get(s, ObjectKind.ENUM, "public.mood", EnumType.class).labels())
        .containsExactly("sad", "meh", "ok");
    Domain pos = get(s, ObjectKind.DOMAIN, "public.pos", Domain.class);
    assertThat(pos.baseType()).isEqualTo("numeric(10,2)");
    assertThat(pos.notNull()).isTrue();
    assertThat(pos.defaultValue()).isEqualTo("1");
    assertThat(pos.checks())
        .containsExactly(
            "pos_a: CHECK ((VALUE > (0)::numeric))", "pos_b: CHECK ((VALUE < (1000)::numeric))");
    assertThat(get(s, ObjectKind.DOMAIN, "public.code", Domain.class).collation())
        .isEqualTo("\"C\"");
    assertThat(get(s, ObjectKind.COMPOSITE_TYPE, "public.pair", CompositeType.class).fields())
        .containsExactly("k text", "v public.mood");
    assertThat(s.all(CompositeType.class))
        .as("a table's row type is not a composite type object")
        .hasSize(1);
    assertThat(get(s, ObjectKind.COLUMN, "public.t.m", Column.class).type())
        .isEqualTo("public.mood");
    assertThat(s.complete()).as(String.valueOf(s.skipped())).isTrue();
  }

  @Test
  void readsCommentsOnEveryModelledKind(PostgresDatabase db) throws Exception {
    SchemaSnapshot s =
        read(
            db,
            "CREATE SCHEMA app; COMMENT ON SCHEMA app IS 's';"
                + "CREATE TABLE app.t (id int CONSTRAINT t_pk PRIMARY KEY, v text);"
                + "COMMENT ON TABLE app.t IS 'table'; COMMENT ON COLUMN app.t.v IS 'col';"
                + "COMMENT ON CONSTRAINT t_pk ON app.t IS 'pk';"
                + "CREATE INDEX t_v ON app.t (v); COMMENT ON INDEX app.t_v IS 'idx';"
                + "CREATE SEQUENCE app.sq; COMMENT ON SEQUENCE app.sq IS 'seq';"
                + "CREATE VIEW app.tv AS SELECT 1 AS one; COMMENT ON VIEW app.tv IS 'view';"
                + "CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 1';"
                + "COMMENT ON FUNCTION app.f() IS 'fn';"
                + "CREATE TYPE app.e AS ENUM ('a'); COMMENT ON TYPE app.e IS 'enum';"
                + "CREATE TYPE app.c AS (x int); COMMENT ON TYPE app.c IS 'comp';"
                + "CREATE DOMAIN app.d AS int; COMMENT ON DOMAIN app.d IS 'dom';");
    assertThat(s.all(Comment.class))
        .extracting(c -> c.key() + "=" + c.text())
        .containsExactlyInAnyOrder(
            "schema app=s",
            "table app.t=table",
            "column app.t.v=col",
            "constraint app.t.t_pk=pk",
            "index app.t.t_v=idx",
            "sequence app.sq=seq",
            "view app.tv=view",
            "routine app.f()=fn",
            "enum type app.e=enum",
            "composite type app.c=comp",
            "domain app.d=dom");
    assertThat(s.complete()).as(String.valueOf(s.skipped())).isTrue();
  }

  @Test
  void versionTablesAreNotListed(PostgresDatabase db) throws Exception {
    SchemaSnapshot s =
        read(
            db,
            "CREATE TABLE schemagate_version (version_num varchar(255) PRIMARY KEY);"
                + "CREATE TABLE schemagate_history (id bigint GENERATED BY DEFAULT AS IDENTITY"
                + " (START WITH 7) PRIMARY KEY, n serial);"
                + "COMMENT ON TABLE schemagate_history IS 'h';"
                + "GRANT SELECT ON schemagate_history TO PUBLIC;"
                + "CREATE TABLE kept (id int);");
    assertThat(s.objects())
        .extracting(SchemaObject::key)
        .containsExactlyInAnyOrder("public", "public.kept", "public.kept.id");
    assertThat(s.complete()).as(String.valueOf(s.skipped())).isTrue();
  }

  @Test
  void schemaOptionRestrictsWhatIsRead(PostgresDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      try (Statement st = c.createStatement()) {
        st.execute(
            "CREATE SCHEMA a; CREATE SCHEMA b; CREATE TABLE a.t (x int);"
                + " CREATE TABLE b.t (x int); COMMENT ON TABLE b.t IS 'b'");
      }
      SchemaSnapshot s =
          Introspector.read(c, IntrospectOptions.defaults().withSchemas(List.of("a")));
      assertThat(s.all(Table.class)).extracting(Table::key).containsExactly("a.t");
      assertThat(s.all(Schema.class)).extracting(Schema::name).containsExactly("a");
      assertThat(s.complete()).as(String.valueOf(s.skipped())).isTrue();
    }
  }

  @Test
  void extensionIsListedAndItsObjectsAreNot(PostgresDatabase db) throws Exception {
    String ext;
    try (Connection c = db.connect()) {
      List<String> available =
          Sql.column(
              c,
              "SELECT name FROM pg_available_extensions WHERE name IN ('citext', 'pg_trgm') ORDER BY 1");
      assumeThat(available).as("citext or pg_trgm in the embedded binaries").isNotEmpty();
      ext = available.get(0);
    }
    SchemaSnapshot s = read(db, "CREATE EXTENSION " + ext + "; CREATE TABLE t (x int);");
    Extension e = get(s, ObjectKind.EXTENSION, ext, Extension.class);
    assertThat(e.schema()).isEqualTo("public");
    assertThat(e.version()).isNotBlank();
    assertThat(s.all(Routine.class)).isEmpty();
    assertThat(s.all(Domain.class)).isEmpty();
    assertThat(s.all(Comment.class)).extracting(Comment::target).containsOnly(ObjectKind.EXTENSION);
    assertThat(s.complete()).as(String.valueOf(s.skipped())).isTrue();
  }

  @Test
  void rowLevelSecurityPoliciesMakeTheSnapshotIncomplete(PostgresDatabase db) throws Exception {
    SchemaSnapshot s =
        read(
            db,
            "CREATE TABLE accounts (owner text);"
                + "ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;"
                + "CREATE POLICY p_owner ON accounts USING (owner = current_user);"
                + "CREATE POLICY p_admin ON accounts USING (true);");
    assertThat(s.complete()).isFalse();
    assertThat(s.skipped())
        .containsExactlyInAnyOrder(
            "row-level security is enabled on table public.accounts",
            "2 row-level security policies on public.accounts (p_admin, p_owner)");
    assertThat(s.find(ObjectKind.TABLE, "public.accounts")).isPresent();
  }

  @Test
  void rulesAggregatesRangesInheritanceAndGrantsAreReportedSkipped(PostgresDatabase db)
      throws Exception {
    SchemaSnapshot s =
        read(
            db,
            "CREATE TABLE t (x int); CREATE TABLE log (x int);"
                + "CREATE RULE t_log AS ON INSERT TO t DO ALSO INSERT INTO log VALUES (NEW.x);"
                + "CREATE AGGREGATE my_sum (int) (SFUNC = int4pl, STYPE = int);"
                + "CREATE TYPE span AS RANGE (SUBTYPE = int);"
                + "CREATE TABLE child (y int) INHERITS (t);"
                + "CREATE TABLE two (a int, b int); CREATE STATISTICS t_stats ON a, b FROM two;"
                + "GRANT SELECT ON t TO PUBLIC;"
                + "COMMENT ON RULE t_log ON t IS 'r';");
    assertThat(s.complete()).isFalse();
    assertThat(s.skipped())
        .contains(
            "rule t_log on public.t",
            "aggregate function public.my_sum(integer)",
            "range type public.span",
            "table inheritance: public.child inherits public.t",
            "grants (GRANT/REVOKE) on 1 object are not compared: table public.t",
            "statistics object public.t_stats",
            "comment on rule t_log on table public.t");
  }

  @Test
  void unreadableDatabaseIsAClearFailure(PostgresDatabase db) throws Exception {
    Connection c = db.connect();
    c.close();
    assertThatThrownBy(() -> Introspector.read(c))
        .isInstanceOf(SchemagateException.class)
        .hasMessageContaining("could not");
  }
}

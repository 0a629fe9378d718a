package dev.schemagate.core.schema.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.schema.Column;
import dev.schemagate.core.schema.Comment;
import dev.schemagate.core.schema.Constraint;
import dev.schemagate.core.schema.ConstraintType;
import dev.schemagate.core.schema.Domain;
import dev.schemagate.core.schema.Index;
import dev.schemagate.core.schema.ObjectKind;
import dev.schemagate.core.schema.Routine;
import dev.schemagate.core.schema.Schema;
import dev.schemagate.core.schema.SchemaObject;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.schema.Sequence;
import dev.schemagate.core.schema.Table;
import dev.schemagate.core.schema.View;
import dev.schemagate.core.sql.Dialect;
import dev.schemagate.core.sql.SqlStatement;
import dev.schemagate.core.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DdlGeneratorTest {
  private final DdlGenerator generator = new DdlGenerator();

  private static SchemaSnapshot pg(SchemaObject... objects) {
    return new SchemaSnapshot(Dialect.POSTGRES, "16.4", List.of(objects), List.of());
  }

  private static Table table(String name) {
    return new Table("public", name, "permanent", null, null, null);
  }

  private static Column column(String table, String name, int position, String type) {
    return new Column("public", table, name, position, type, true, null, null, null, null);
  }

  private static Constraint fk(String table, String name, String column, String target) {
    return new Constraint(
        "public",
        table,
        name,
        ConstraintType.FOREIGN_KEY,
        List.of(column),
        "FOREIGN KEY (" + column + ") REFERENCES " + target + "(id)",
        "public." + target,
        "NO ACTION",
        "NO ACTION",
        false,
        false,
        true);
  }

  private static Constraint pk(String table) {
    return new Constraint(
        "public",
        table,
        table + "_pkey",
        ConstraintType.PRIMARY_KEY,
        List.of("id"),
        "PRIMARY KEY (id)",
        null,
        null,
        null,
        false,
        false,
        true);
  }

  private static int indexOfStarting(List<String> statements, String prefix) {
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no statement starts with " + prefix + " in " + statements);
  }

  @Test
  void foreignKeyCycleIsAddedAfterBothTablesAndDroppedBeforeEither() {
    SchemaSnapshot s =
        pg(
            new Schema("public"),
            table("a"),
            column("a", "id", 1, "integer"),
            column("a", "b_id", 2, "integer"),
            pk("a"),
            fk("a", "a_b_fk", "b_id", "b"),
            table("b"),
            column("b", "id", 1, "integer"),
            column("b", "a_id", 2, "integer"),
            pk("b"),
            fk("b", "b_a_fk", "a_id", "a"));
    Ddl ddl = generator.generate(s);
    List<String> create = ddl.create();
    int lastTable =
        Math.max(
            indexOfStarting(create, "CREATE TABLE public.a"),
            indexOfStarting(create, "CREATE TABLE public.b"));
    assertThat(indexOfStarting(create, "ALTER TABLE public.a ADD CONSTRAINT a_b_fk FOREIGN KEY"))
        .isGreaterThan(lastTable);
    assertThat(indexOfStarting(create, "ALTER TABLE public.b ADD CONSTRAINT b_a_fk FOREIGN KEY"))
        .isGreaterThan(lastTable);
    assertThat(create.get(indexOfStarting(create, "CREATE TABLE public.a")))
        .isEqualTo(
            "CREATE TABLE public.a (\n    id integer,\n    b_id integer,\n    CONSTRAINT a_pkey PRIMARY KEY (id)\n)");
    assertThat(ddl.drop())
        .containsExactly(
            "ALTER TABLE public.b DROP CONSTRAINT b_a_fk",
            "ALTER TABLE public.a DROP CONSTRAINT a_b_fk",
            "DROP TABLE public.b",
            "DROP TABLE public.a");
    assertThat(ddl.drop()).noneMatch(d -> d.contains("CASCADE"));
    assertThat(ddl.notReproduced()).isEmpty();
  }

  @Test
  void notValidForeignKeySaysSoOnce() {
    Constraint notValid =
        new Constraint(
            "public",
            "a",
            "a_fk",
            ConstraintType.FOREIGN_KEY,
            List.of("b_id"),
            "FOREIGN KEY (b_id) REFERENCES b(id) NOT VALID",
            "public.b",
            "NO ACTION",
            "NO ACTION",
            false,
            false,
            false);
    Constraint checkNotValid =
        new Constraint(
            "public",
            "a",
            "a_chk",
            ConstraintType.CHECK,
            List.of("b_id"),
            "CHECK ((b_id > 0))",
            null,
            null,
            null,
            false,
            false,
            false);
    List<String> create =
        generator.create(
            pg(table("a"), column("a", "b_id", 1, "integer"), notValid, checkNotValid, table("b")));
    assertThat(create)
        .contains(
            "ALTER TABLE public.a ADD CONSTRAINT a_fk FOREIGN KEY (b_id) REFERENCES b(id) NOT VALID",
            "ALTER TABLE public.a ADD CONSTRAINT a_chk CHECK ((b_id > 0)) NOT VALID");
    assertThat(create.get(indexOfStarting(create, "CREATE TABLE public.a")))
        .doesNotContain("CHECK");
  }

  @Test
  void viewOnViewComesAfterTheViewItReadsWhateverTheNames() {
    View base = new View("public", "z_base", false, " SELECT 1 AS one;", List.of());
    View top =
        new View(
            "public",
            "a_top",
            false,
            " SELECT z_base.one\n   FROM z_base;",
            List.of("public.z_base"));
    View middle =
        new View(
            "public", "m_mid", true, " SELECT a_top.one\n   FROM a_top;", List.of("public.a_top"));
    Ddl ddl = generator.generate(pg(top, middle, base));
    assertThat(ddl.create())
        .containsExactly(
            "CREATE VIEW public.z_base AS\nSELECT 1 AS one",
            "CREATE VIEW public.a_top AS\nSELECT z_base.one\n   FROM z_base",
            "CREATE MATERIALIZED VIEW public.m_mid AS\nSELECT a_top.one\n   FROM a_top");
    assertThat(ddl.drop())
        .containsExactly(
            "DROP MATERIALIZED VIEW public.m_mid",
            "DROP VIEW public.a_top",
            "DROP VIEW public.z_base");
  }

  @Test
  void sequenceUsedByADefaultIsCreatedBeforeTheTableAndOwnedAfterIt() {
    Sequence seq =
        new Sequence(
            "public",
            "items_id_seq",
            "integer",
            1,
            1,
            1,
            Integer.MAX_VALUE,
            1,
            false,
            "public.items.id");
    Column id =
        new Column(
            "public",
            "items",
            "id",
            1,
            "integer",
            false,
            "nextval('items_id_seq'::regclass)",
            null,
            null,
            null);
    Ddl ddl = generator.generate(pg(table("items"), id, seq));
    assertThat(ddl.create())
        .containsExactly(
            "CREATE SEQUENCE public.items_id_seq AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE",
            "CREATE TABLE public.items (\n    id integer DEFAULT nextval('items_id_seq'::regclass) NOT NULL\n)",
            "ALTER SEQUENCE public.items_id_seq OWNED BY public.items.id");
    // Ownership is released first so dropping the table does not take the sequence with it.
    assertThat(ddl.drop())
        .containsExactly(
            "ALTER SEQUENCE public.items_id_seq OWNED BY NONE",
            "DROP TABLE public.items",
            "DROP SEQUENCE public.items_id_seq");
  }

  @Test
  void functionsComeBeforeTheChecksAndDomainsThatCallThemAndAfterTheTypesTheyTake() {
    Routine positive =
        new Routine(
            "public",
            "is_positive",
            "function",
            "v integer",
            "boolean",
            "sql",
            "CREATE OR REPLACE FUNCTION public.is_positive(v integer)\n RETURNS boolean\n LANGUAGE sql\nAS $function$ SELECT v > 0 $function$\n");
    Domain positiveInt =
        new Domain(
            "public",
            "positive_int",
            "integer",
            false,
            null,
            null,
            List.of("positive_int_check: CHECK (is_positive(VALUE))"));
    Domain email = new Domain("public", "email", "text", false, null, null, List.of());
    Routine normalise =
        new Routine(
            "public",
            "a_normalise",
            "function",
            "e email",
            "email",
            "sql",
            "CREATE OR REPLACE FUNCTION public.a_normalise(e email)\n RETURNS email\n LANGUAGE sql\nAS $function$ SELECT lower(e) $function$\n");
    Routine rows =
        new Routine(
            "public",
            "a_rows",
            "function",
            "",
            "SETOF t",
            "sql",
            "CREATE OR REPLACE FUNCTION public.a_rows()\n RETURNS SETOF t\n LANGUAGE sql\nAS $function$ SELECT * FROM t $function$\n");
    Constraint check =
        new Constraint(
            "public",
            "t",
            "t_n_check",
            ConstraintType.CHECK,
            List.of("n"),
            "CHECK (is_positive(n))",
            null,
            null,
            null,
            false,
            false,
            true);
    List<String> create =
        generator.create(
            pg(
                table("t"),
                column("t", "n", 1, "integer"),
                check,
                positive,
                positiveInt,
                email,
                normalise,
                rows));
    assertThat(create.get(0)).isEqualTo(DdlGenerator.NO_FUNCTION_BODY_CHECKS);
    int function = indexOfStarting(create, "CREATE OR REPLACE FUNCTION public.is_positive");
    assertThat(indexOfStarting(create, "CREATE DOMAIN public.positive_int"))
        .isGreaterThan(function);
    assertThat(create.get(indexOfStarting(create, "CREATE DOMAIN public.positive_int")))
        .isEqualTo(
            "CREATE DOMAIN public.positive_int AS integer CONSTRAINT positive_int_check CHECK (is_positive(VALUE))");
    assertThat(indexOfStarting(create, "CREATE TABLE public.t")).isGreaterThan(function);
    assertThat(indexOfStarting(create, "CREATE OR REPLACE FUNCTION public.a_normalise"))
        .isGreaterThan(indexOfStarting(create, "CREATE DOMAIN public.email"));
    // Its result type is the table's row type, so it waits for the table.
    assertThat(indexOfStarting(create, "CREATE OR REPLACE FUNCTION public.a_rows"))
        .isGreaterThan(indexOfStarting(create, "CREATE TABLE public.t"));
    List<String> drop =
        generator.drop(
            pg(
                table("t"),
                column("t", "n", 1, "integer"),
                check,
                positive,
                positiveInt,
                email,
                normalise,
                rows));
    assertThat(drop.indexOf("DROP FUNCTION public.is_positive(v integer)"))
        .isGreaterThan(drop.indexOf("DROP DOMAIN public.positive_int"))
        .isGreaterThan(drop.indexOf("DROP TABLE public.t"));
    assertThat(drop.indexOf("DROP DOMAIN public.email"))
        .isGreaterThan(drop.indexOf("DROP FUNCTION public.a_normalise(e email)"));
  }

  @Test
  void partitionFollowsItsParentWithoutRedeclaringColumnsOrInheritedConstraints() {
    Table parent = new Table("public", "events", "permanent", "RANGE (at)", null, null);
    Table p2024 =
        new Table(
            "public",
            "events_2024",
            "permanent",
            null,
            "public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
            null);
    Constraint check =
        new Constraint(
            "public",
            "events",
            "events_at_check",
            ConstraintType.CHECK,
            List.of("at"),
            "CHECK ((at > '2000-01-01'::date))",
            null,
            null,
            null,
            false,
            false,
            true);
    Constraint inherited =
        new Constraint(
            "public",
            "events_2024",
            "events_at_check",
            ConstraintType.CHECK,
            List.of("at"),
            "CHECK ((at > '2000-01-01'::date))",
            null,
            null,
            null,
            false,
            false,
            true);
    Index idx =
        new Index(
            "public",
            "events",
            "events_at_idx",
            "btree",
            false,
            List.of("at"),
            List.of(),
            null,
            true,
            "CREATE INDEX events_at_idx ON ONLY public.events USING btree (at)");
    Column at = column("events", "at", 1, "date");
    Column atPart =
        new Column("public", "events_2024", "at", 1, "date", false, null, null, null, null);
    Ddl ddl = generator.generate(pg(p2024, parent, at, atPart, check, inherited, idx));
    assertThat(ddl.create())
        .containsExactly(
            "CREATE TABLE public.events (\n    at date,\n    CONSTRAINT events_at_check CHECK ((at > '2000-01-01'::date))\n) PARTITION BY RANGE (at)",
            "CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
            "ALTER TABLE ONLY public.events_2024 ALTER COLUMN at SET NOT NULL",
            "CREATE INDEX events_at_idx ON public.events USING btree (at)");
    assertThat(ddl.drop())
        .containsExactly("DROP TABLE public.events_2024", "DROP TABLE public.events");
  }

  @Test
  void namesAreQuotedOnlyWhenNeededAndCommentsAreEscaped() {
    Table t = new Table("Sales", "order", "unlogged", null, null, "fillfactor=70");
    Column c =
        new Column(
            "Sales", "order", "Total Sum", 1, "numeric(10,2)", true, null, null, null, "\"C\"");
    Column plain =
        new Column("Sales", "order", "note_2", 2, "text", true, "'it''s'::text", null, null, null);
    Comment onTable =
        new Comment(ObjectKind.TABLE, "Sales.order", "Orders; it's \\ the \"main\" one\n$$");
    Comment onColumn = new Comment(ObjectKind.COLUMN, "Sales.order.Total Sum", "in €");
    Comment orphan = new Comment(ObjectKind.TABLE, "Sales.gone", "x");
    Ddl ddl =
        generator.generate(
            pg(new Schema("Sales"), new Schema("public"), t, c, plain, onTable, onColumn, orphan));
    assertThat(ddl.create())
        .containsExactly(
            "CREATE SCHEMA \"Sales\"",
            "CREATE UNLOGGED TABLE \"Sales\".\"order\" (\n    \"Total Sum\" numeric(10,2) COLLATE \"C\",\n    note_2 text DEFAULT 'it''s'::text\n) WITH (fillfactor=70)",
            "COMMENT ON COLUMN \"Sales\".\"order\".\"Total Sum\" IS 'in €'",
            "COMMENT ON TABLE \"Sales\".\"order\" IS 'Orders; it''s \\ the \"main\" one\n$$'");
    assertThat(ddl.drop())
        .containsExactly("DROP TABLE \"Sales\".\"order\"", "DROP SCHEMA \"Sales\"");
    assertThat(ddl.notReproduced())
        .containsExactly("comment on table Sales.gone: the object is not in the snapshot");
  }

  @Test
  void identifierQuotingFollowsPostgresRules() {
    assertThat(SqlQuoting.ident("users")).isEqualTo("users");
    assertThat(SqlQuoting.ident("_x1")).isEqualTo("_x1");
    assertThat(SqlQuoting.ident("Users")).isEqualTo("\"Users\"");
    assertThat(SqlQuoting.ident("1st")).isEqualTo("\"1st\"");
    assertThat(SqlQuoting.ident("user")).isEqualTo("\"user\"");
    assertThat(SqlQuoting.ident("integer")).isEqualTo("\"integer\"");
    assertThat(SqlQuoting.ident("name")).isEqualTo("name"); // unreserved
    assertThat(SqlQuoting.ident("a\"b")).isEqualTo("\"a\"\"b\"");
    assertThat(SqlQuoting.ident("café")).isEqualTo("\"café\"");
    assertThat(SqlQuoting.ident("index", Dialect.SQLITE)).isEqualTo("\"index\"");
    assertThat(SqlQuoting.ident("index")).isEqualTo("index");
    assertThat(SqlQuoting.literal("it's")).isEqualTo("'it''s'");
    assertThat(SqlQuoting.literal("a\\nb")).isEqualTo("'a\\nb'");
    assertThat(SqlQuoting.literal("''")).isEqualTo("''''''");
  }

  @Test
  void scriptTerminatesEveryStatementSoTheSplitterGivesThemBack() {
    List<String> statements =
        List.of(
            "CREATE OR REPLACE FUNCTION public.f()\n RETURNS integer\n LANGUAGE plpgsql\nAS $function$ BEGIN RETURN 1; END; $function$\n",
            "CREATE TABLE t (a text DEFAULT ';') -- trailing; comment",
            "COMMENT ON TABLE t IS 'a;b -- not a comment'");
    String script = DdlGenerator.script(statements);
    List<String> back = new ArrayList<>();
    for (SqlStatement st : StatementSplitter.split(script, Dialect.POSTGRES)) {
      back.add(st.sql());
    }
    List<String> stripped = new ArrayList<>();
    statements.forEach(x -> stripped.add(x.strip()));
    assertThat(back).isEqualTo(stripped);
    assertThat(script).contains("$function$;\n").contains("-- trailing; comment\n;");
  }

  @Test
  void invalidIndexIsCreatedButReportedAsNotReproduced() {
    Index invalid =
        new Index(
            "public",
            "t",
            "t_a_idx",
            "btree",
            false,
            List.of("a"),
            List.of(),
            null,
            false,
            "CREATE INDEX t_a_idx ON public.t USING btree (a)");
    Ddl ddl = generator.generate(pg(table("t"), column("t", "a", 1, "integer"), invalid));
    assertThat(ddl.create()).contains("CREATE INDEX t_a_idx ON public.t USING btree (a)");
    assertThat(ddl.notReproduced())
        .containsExactly(
            "index public.t.t_a_idx is invalid (a failed CREATE INDEX CONCURRENTLY); the DDL creates"
                + " it valid");
  }

  @Test
  void sqliteKeepsConstraintsInsideCreateTableAndDropsChildrenFirst() {
    Column id =
        new Column("main", "child", "id", 1, "INTEGER", true, null, "autoincrement", null, null);
    Column parentId =
        new Column("main", "child", "parent_id", 2, "", true, "datetime('now')", null, null, null);
    Column score =
        new Column("main", "child", "score", 3, "REAL", false, "-1.5", null, null, "NOCASE");
    Constraint key =
        new Constraint(
            "main",
            "child",
            "child_pkey",
            ConstraintType.PRIMARY_KEY,
            List.of("id"),
            "PRIMARY KEY (id)",
            null,
            null,
            null,
            false,
            false,
            true);
    Constraint check =
        new Constraint(
            "main",
            "child",
            "child_score_check",
            ConstraintType.CHECK,
            List.of("score"),
            "CHECK (score > 0)",
            null,
            null,
            null,
            false,
            false,
            true);
    Constraint ref =
        new Constraint(
            "main",
            "child",
            "child_parent_id_fkey",
            ConstraintType.FOREIGN_KEY,
            List.of("parent_id"),
            "FOREIGN KEY (parent_id) REFERENCES parent(id)",
            "main.parent",
            "NO ACTION",
            "NO ACTION",
            false,
            false,
            true);
    Table child = new Table("main", "child", "permanent", null, null, null);
    Table parent = new Table("main", "parent", "permanent", null, null, "WITHOUT ROWID, STRICT");
    Column pid = new Column("main", "parent", "id", 1, "INT", false, null, null, null, null);
    Constraint pkey =
        new Constraint(
            "main",
            "parent",
            "parent_pkey",
            ConstraintType.PRIMARY_KEY,
            List.of("id"),
            "PRIMARY KEY (id)",
            null,
            null,
            null,
            false,
            false,
            true);
    dev.schemagate.core.schema.Trigger trigger =
        new dev.schemagate.core.schema.Trigger(
            "main",
            "child",
            "child_t",
            "CREATE TRIGGER child_t AFTER INSERT ON child BEGIN UPDATE child SET score = 1; END",
            "O");
    SchemaSnapshot s =
        new SchemaSnapshot(
            Dialect.SQLITE,
            "3.46.1",
            List.of(child, parent, id, parentId, score, key, check, ref, pid, pkey, trigger),
            List.of());
    Ddl ddl = generator.generate(s);
    assertThat(ddl.create())
        .containsExactly(
            "CREATE TABLE parent (\n    id INT NOT NULL,\n    CONSTRAINT parent_pkey PRIMARY KEY (id)\n) WITHOUT ROWID, STRICT",
            "CREATE TABLE child (\n    id INTEGER CONSTRAINT child_pkey PRIMARY KEY AUTOINCREMENT,\n"
                + "    parent_id DEFAULT (datetime('now')),\n"
                + "    score REAL NOT NULL DEFAULT -1.5 COLLATE NOCASE CONSTRAINT child_score_check CHECK (score > 0),\n"
                + "    CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES parent(id)\n)",
            "CREATE TRIGGER child_t AFTER INSERT ON child BEGIN UPDATE child SET score = 1; END");
    assertThat(ddl.drop()).containsExactly("DROP TABLE child", "DROP TABLE parent");
    List<String> back = new ArrayList<>();
    StatementSplitter.split(DdlGenerator.script(ddl.create()), Dialect.SQLITE)
        .forEach(st -> back.add(st.sql()));
    assertThat(back).isEqualTo(ddl.create());
  }
}

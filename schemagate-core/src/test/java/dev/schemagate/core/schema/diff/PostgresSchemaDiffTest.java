package dev.schemagate.core.schema.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.schemagate.core.schema.ObjectKind;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.schema.introspect.Introspector;
import dev.schemagate.core.testing.EmbeddedPostgresExtension;
import dev.schemagate.core.testing.PostgresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance on a real PostgreSQL: a schema with one object of every kind, then one change to one
 * kind at a time; the diff of the snapshots before and after must name exactly that change.
 *
 * <p>The schema is created once; each change runs in a transaction that is rolled back (all of
 * these statements are transactional in PostgreSQL 12 and later), which keeps the class fast.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresSchemaDiffTest {

  private static final String SCHEMA =
      """
      CREATE SCHEMA reporting;
      CREATE TYPE mood AS ENUM ('sad', 'happy');
      CREATE DOMAIN email AS text CONSTRAINT email_check CHECK (VALUE ~ '@');
      CREATE TYPE pair AS (a integer, b text);
      CREATE SEQUENCE ticket_seq INCREMENT 1;
      CREATE FUNCTION double_it(i integer) RETURNS integer LANGUAGE sql AS 'select i * 2';
      CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
      CREATE TABLE users (
        id integer PRIMARY KEY,
        email email,
        nickname text,
        age integer,
        feeling mood);
      CREATE TABLE orders (
        id integer PRIMARY KEY,
        user_id integer CONSTRAINT orders_user_id_fkey REFERENCES users (id) ON DELETE CASCADE);
      CREATE TABLE legacy (id integer, note text);
      CREATE INDEX users_nickname_idx ON users (nickname);
      CREATE VIEW active_users AS SELECT id, email FROM users;
      CREATE TRIGGER users_touch BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION touch();
      COMMENT ON TABLE users IS 'people';
      """;

  private PostgresDatabase shared;

  @BeforeAll
  void createTheSchemaOnce(PostgresDatabase db) throws SQLException {
    shared = db;
    try (Connection c = db.connect()) {
      execute(c, SCHEMA);
    }
  }

  /** name, SQL, expected type, kind, key, and the attribute that must differ (changed only). */
  static Stream<Arguments> oneChangeEach() {
    return Stream.of(
        change(
            "column type",
            "ALTER TABLE users ALTER COLUMN age TYPE bigint",
            ChangeType.CHANGED,
            ObjectKind.COLUMN,
            "public.users.age",
            "type"),
        change(
            "column nullability",
            "ALTER TABLE users ALTER COLUMN nickname SET NOT NULL",
            ChangeType.CHANGED,
            ObjectKind.COLUMN,
            "public.users.nickname",
            "nullable"),
        change(
            "column default",
            "ALTER TABLE users ALTER COLUMN age SET DEFAULT 18",
            ChangeType.CHANGED,
            ObjectKind.COLUMN,
            "public.users.age",
            "default"),
        change(
            "foreign key action",
            "ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey,"
                + " ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id)"
                + " REFERENCES users (id) ON DELETE RESTRICT",
            ChangeType.CHANGED,
            ObjectKind.CONSTRAINT,
            "public.orders.orders_user_id_fkey",
            "on delete"),
        change(
            "index predicate",
            "DROP INDEX users_nickname_idx;"
                + " CREATE INDEX users_nickname_idx ON users (nickname) WHERE age > 17",
            ChangeType.CHANGED,
            ObjectKind.INDEX,
            "public.users.users_nickname_idx",
            "predicate"),
        change(
            "sequence increment",
            "ALTER SEQUENCE ticket_seq INCREMENT 5",
            ChangeType.CHANGED,
            ObjectKind.SEQUENCE,
            "public.ticket_seq",
            "increment"),
        change(
            "view definition",
            "CREATE OR REPLACE VIEW active_users AS SELECT id, email FROM users WHERE age > 17",
            ChangeType.CHANGED,
            ObjectKind.VIEW,
            "public.active_users",
            "definition"),
        change(
            "function body",
            "CREATE OR REPLACE FUNCTION double_it(i integer) RETURNS integer"
                + " LANGUAGE sql AS 'select i + i'",
            ChangeType.CHANGED,
            ObjectKind.ROUTINE,
            "public.double_it(i integer)",
            "definition"),
        change(
            "trigger timing",
            "DROP TRIGGER users_touch ON users;"
                + " CREATE TRIGGER users_touch AFTER INSERT ON users"
                + " FOR EACH ROW EXECUTE FUNCTION touch()",
            ChangeType.CHANGED,
            ObjectKind.TRIGGER,
            "public.users.users_touch",
            "definition"),
        change(
            "enum label added",
            "ALTER TYPE mood ADD VALUE 'calm'",
            ChangeType.CHANGED,
            ObjectKind.ENUM,
            "public.mood",
            "labels"),
        change(
            "domain check",
            "ALTER DOMAIN email DROP CONSTRAINT email_check;"
                + " ALTER DOMAIN email ADD CONSTRAINT email_check CHECK (VALUE ~ '.@.')",
            ChangeType.CHANGED,
            ObjectKind.DOMAIN,
            "public.email",
            "checks"),
        change(
            "composite field",
            "ALTER TYPE pair ALTER ATTRIBUTE b TYPE varchar(20)",
            ChangeType.CHANGED,
            ObjectKind.COMPOSITE_TYPE,
            "public.pair",
            "fields"),
        change(
            "comment text",
            "COMMENT ON TABLE users IS 'accounts'",
            ChangeType.CHANGED,
            ObjectKind.COMMENT,
            "table public.users",
            "text"),
        change(
            "table added",
            "CREATE TABLE invoices (id integer PRIMARY KEY, total numeric(10,2) NOT NULL)",
            ChangeType.ADDED,
            ObjectKind.TABLE,
            "public.invoices",
            null),
        change(
            "table removed",
            "DROP TABLE legacy",
            ChangeType.REMOVED,
            ObjectKind.TABLE,
            "public.legacy",
            null),
        change(
            "schema added",
            "CREATE SCHEMA billing",
            ChangeType.ADDED,
            ObjectKind.SCHEMA,
            "billing",
            null));
  }

  private static Arguments change(
      String name, String sql, ChangeType type, ObjectKind kind, String key, String attribute) {
    return Arguments.of(name, sql, type, kind, key, attribute);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneChangeEach")
  void namesTheOneChange(
      String name, String sql, ChangeType type, ObjectKind kind, String key, String attribute)
      throws SQLException {
    try (Connection c = shared.connect()) {
      c.setAutoCommit(false);
      try {
        SchemaSnapshot before = Introspector.read(c);
        execute(c, sql);
        SchemaSnapshot after = Introspector.read(c);

        assertThat(before.skipped()).as("what the reader skipped").isEmpty();
        DiffResult diff = SchemaDiff.compare(before, after);
        assertThat(diff.status()).as(DiffRenderer.text(diff)).isEqualTo(DiffStatus.DIFFERENT);
        assertThat(diff.topLevel()).as(DiffRenderer.text(diff)).hasSize(1);
        Change only = diff.topLevel().get(0);
        assertThat(only.type()).isEqualTo(type);
        assertThat(only.kind()).isEqualTo(kind);
        assertThat(only.key()).isEqualTo(key);
        if (attribute != null) {
          // The printed definition restates the structured parts, so it may differ alongside.
          assertThat(only.differences())
              .as(DiffRenderer.text(diff))
              .extracting(AttributeChange::name)
              .contains(attribute)
              .allMatch(n -> n.equals(attribute) || n.equals("definition"));
        }
      } finally {
        c.rollback();
      }
    }
  }

  @Test
  void extensionAddedIsNamed(PostgresDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      String extension = availableExtension(c);
      assumeTrue(extension != null, "skipped: this PostgreSQL build ships no contrib extension");
      SchemaSnapshot before = Introspector.read(c);
      execute(c, "CREATE EXTENSION " + extension);
      SchemaSnapshot after = Introspector.read(c);

      DiffResult diff = SchemaDiff.compare(before, after);
      assertThat(diff.topLevel())
          .as(DiffRenderer.text(diff))
          .extracting(Change::type, Change::kind, Change::key)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  ChangeType.ADDED, ObjectKind.EXTENSION, extension));
    }
  }

  @Test
  void theSameDatabaseReadTwiceIsEqual() throws SQLException {
    try (Connection c = shared.connect()) {
      DiffResult diff = SchemaDiff.compare(Introspector.read(c), Introspector.read(c));
      assertThat(diff.status()).as(DiffRenderer.text(diff)).isEqualTo(DiffStatus.EQUAL);
      assertThat(DiffRenderer.summary(diff)).isEqualTo("no differences");
    }
  }

  @Test
  void columnDroppedAndAddedBackIsOnlyColumnOrder() throws SQLException {
    try (Connection c = shared.connect()) {
      c.setAutoCommit(false);
      SchemaSnapshot before = Introspector.read(c);
      execute(
          c, "ALTER TABLE users DROP COLUMN nickname; ALTER TABLE users ADD COLUMN nickname text");
      // the index on nickname went with the column; put it back so only the order differs
      execute(c, "CREATE INDEX users_nickname_idx ON users (nickname)");
      SchemaSnapshot after = Introspector.read(c);

      DiffResult diff = SchemaDiff.compare(before, after);
      assertThat(diff.status()).as(DiffRenderer.text(diff)).isEqualTo(DiffStatus.ONLY_COLUMN_ORDER);
      assertThat(diff.reorderedColumns()).contains("public.users.nickname");
      assertThat(SchemaDiff.compare(before, after, DiffOptions.LENIENT).equal()).isTrue();
      c.rollback();
    }
  }

  @Test
  void systemNamedConstraintRenamedIsEqualOnlyWhenNamesAreIgnored(PostgresDatabase db)
      throws SQLException {
    try (Connection c = db.connect()) {
      execute(c, "CREATE TABLE t (a integer UNIQUE, b integer)");
      SchemaSnapshot before = Introspector.read(c);
      execute(c, "ALTER TABLE t RENAME CONSTRAINT t_a_key TO t_a_key1");
      SchemaSnapshot after = Introspector.read(c);

      DiffResult strict = SchemaDiff.compare(before, after);
      assertThat(strict.changes())
          .as(DiffRenderer.text(strict))
          .singleElement()
          .satisfies(
              ch -> {
                assertThat(ch.previousKey()).isEqualTo("public.t.t_a_key");
                assertThat(ch.key()).isEqualTo("public.t.t_a_key1");
              });
      DiffResult lenient =
          SchemaDiff.compare(before, after, DiffOptions.DEFAULT.withIgnoreGeneratedNames(true));
      assertThat(lenient.equal()).as(DiffRenderer.text(lenient)).isTrue();
    }
  }

  private static String availableExtension(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT name FROM pg_available_extensions WHERE installed_version IS NULL"
                    + " AND name IN ('pg_trgm', 'citext', 'hstore', 'btree_gist', 'cube')"
                    + " ORDER BY name LIMIT 1")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}

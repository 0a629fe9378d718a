package dev.schemagate.core.schema.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.schema.ObjectKind;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.schema.introspect.Introspector;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance on SQLite: tables, columns, indexes, views and triggers, one change at a time; the
 * diff of the snapshots before and after must name exactly that change.
 */
class SqliteSchemaDiffTest {

  private static final String[] SCHEMA = {
    "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, nickname TEXT)",
    "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
    "CREATE TABLE legacy (id INTEGER, note TEXT)",
    "CREATE TABLE audit (at TEXT, what TEXT)",
    "CREATE INDEX users_email_idx ON users (email)",
    "CREATE VIEW named_users AS SELECT id, email FROM users",
    "CREATE TRIGGER users_audit BEFORE INSERT ON users"
        + " BEGIN INSERT INTO audit VALUES (datetime('now'), 'user'); END",
  };

  /** Rebuilds notes the way SQLite changes a column: new table, copy, drop, rename. */
  private static List<String> rebuildNotes(String columns) {
    return List.of(
        "CREATE TABLE notes_new (" + columns + ")",
        "INSERT INTO notes_new SELECT * FROM notes",
        "DROP TABLE notes",
        "ALTER TABLE notes_new RENAME TO notes");
  }

  /** name, statements, expected type, kind, key, and the attribute that must differ. */
  static Stream<Arguments> oneChangeEach() {
    return Stream.of(
        Arguments.of(
            "table added",
            List.of("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL NOT NULL)"),
            ChangeType.ADDED,
            ObjectKind.TABLE,
            "main.invoices",
            null),
        Arguments.of(
            "table removed",
            List.of("DROP TABLE legacy"),
            ChangeType.REMOVED,
            ObjectKind.TABLE,
            "main.legacy",
            null),
        Arguments.of(
            "column added",
            List.of("ALTER TABLE users ADD COLUMN age INTEGER"),
            ChangeType.ADDED,
            ObjectKind.COLUMN,
            "main.users.age",
            null),
        Arguments.of(
            "column removed",
            List.of("ALTER TABLE users DROP COLUMN nickname"),
            ChangeType.REMOVED,
            ObjectKind.COLUMN,
            "main.users.nickname",
            null),
        Arguments.of(
            "column nullability",
            rebuildNotes("id INTEGER PRIMARY KEY, body TEXT NOT NULL"),
            ChangeType.CHANGED,
            ObjectKind.COLUMN,
            "main.notes.body",
            "nullable"),
        Arguments.of(
            "column type",
            rebuildNotes("id INTEGER PRIMARY KEY, body BLOB"),
            ChangeType.CHANGED,
            ObjectKind.COLUMN,
            "main.notes.body",
            "type"),
        Arguments.of(
            "index predicate",
            List.of(
                "DROP INDEX users_email_idx",
                "CREATE INDEX users_email_idx ON users (email) WHERE email IS NOT NULL"),
            ChangeType.CHANGED,
            ObjectKind.INDEX,
            "main.users.users_email_idx",
            "predicate"),
        Arguments.of(
            "view definition",
            List.of(
                "DROP VIEW named_users",
                "CREATE VIEW named_users AS SELECT id, email FROM users WHERE email IS NOT NULL"),
            ChangeType.CHANGED,
            ObjectKind.VIEW,
            "main.named_users",
            "definition"),
        Arguments.of(
            "trigger timing",
            List.of(
                "DROP TRIGGER users_audit",
                "CREATE TRIGGER users_audit AFTER INSERT ON users"
                    + " BEGIN INSERT INTO audit VALUES (datetime('now'), 'user'); END"),
            ChangeType.CHANGED,
            ObjectKind.TRIGGER,
            "main.users.users_audit",
            "definition"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneChangeEach")
  void namesTheOneChange(
      String name,
      List<String> statements,
      ChangeType type,
      ObjectKind kind,
      String key,
      String attribute,
      @TempDir Path dir)
      throws SQLException {
    try (Connection c = open(dir)) {
      for (String ddl : SCHEMA) {
        execute(c, ddl);
      }
      SchemaSnapshot before = Introspector.read(c);
      for (String statement : statements) {
        execute(c, statement);
      }
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
        assertThat(only.differences())
            .as(DiffRenderer.text(diff))
            .extracting(AttributeChange::name)
            .contains(attribute)
            .allMatch(n -> n.equals(attribute) || n.equals("definition"));
      }
    }
  }

  @Test
  void theSameDatabaseReadTwiceIsEqual(@TempDir Path dir) throws SQLException {
    try (Connection c = open(dir)) {
      for (String ddl : SCHEMA) {
        execute(c, ddl);
      }
      DiffResult diff = SchemaDiff.compare(Introspector.read(c), Introspector.read(c));
      assertThat(diff.status()).as(DiffRenderer.text(diff)).isEqualTo(DiffStatus.EQUAL);
    }
  }

  private static Connection open(Path dir) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("test.db"));
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}

package dev.schemagate.core.schema.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.api.MigrateRequest;
import dev.schemagate.core.schema.ObjectKind;
import dev.schemagate.core.schema.SchemaObject;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.schema.Table;
import dev.schemagate.core.schema.introspect.Introspector;
import dev.schemagate.core.testing.NativeFiles;
import dev.schemagate.core.testing.TestMigrators;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite round trip: introspect, generate, apply to an empty file, introspect, compare. */
class DdlRoundTripSqliteTest {
  @TempDir Path tmp;
  private final DdlGenerator generator = new DdlGenerator();

  private static final List<String> RICH_SCHEMA =
      List.of(
          "CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL COLLATE"
              + " NOCASE UNIQUE, status VARCHAR(10) DEFAULT 'new' CHECK (status IN ('new', 'old')),"
              + " created TEXT DEFAULT (datetime('now')), score REAL DEFAULT -1.5, flags INT"
              + " DEFAULT 0, manager_id INTEGER REFERENCES users(id) ON DELETE SET NULL)",
          "CREATE TABLE \"Order\" (id INTEGER NOT NULL, \"user\" INTEGER NOT NULL, qty INT,"
              + " total INT GENERATED ALWAYS AS (qty * 2) STORED, half INT AS (qty / 2),"
              + " CONSTRAINT order_pk PRIMARY KEY (id, \"user\"), CONSTRAINT qty_positive CHECK"
              + " (qty > 0 AND qty < 1000), FOREIGN KEY (\"user\") REFERENCES users(id)"
              + " DEFERRABLE INITIALLY DEFERRED, UNIQUE (qty, total))",
          "CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b(id))",
          "CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a(id))",
          "CREATE TABLE kv (k TEXT PRIMARY KEY, v ANY) WITHOUT ROWID, STRICT",
          "CREATE TABLE untyped (x, y DEFAULT NULL)",
          "CREATE INDEX users_status ON users (status) WHERE status <> 'old'",
          "CREATE UNIQUE INDEX order_lower ON \"Order\" (lower(\"user\"), qty DESC)",
          "CREATE VIEW z_base AS SELECT id, email FROM users",
          "CREATE VIEW a_top AS SELECT email FROM z_base WHERE id > 1",
          "CREATE TRIGGER users_touch AFTER UPDATE ON users FOR EACH ROW BEGIN"
              + " UPDATE users SET flags = flags + 1 WHERE id = NEW.id; END");

  @Test
  void richSchemaRoundTripsAndDropsBackToEmpty() throws Exception {
    String source = url("source.db");
    execute(source, RICH_SCHEMA);
    SchemaSnapshot original = read(source);
    assertThat(original.objects())
        .extracting(SchemaObject::kind)
        .contains(
            ObjectKind.TABLE,
            ObjectKind.COLUMN,
            ObjectKind.CONSTRAINT,
            ObjectKind.INDEX,
            ObjectKind.VIEW,
            ObjectKind.TRIGGER);
    roundTrip(original);
  }

  @Test
  void exampleProjectRoundTrips() throws Exception {
    String source = url("example.db");
    TestMigrators.of(NativeFiles.exampleProject(), source).upgrade(MigrateRequest.live("head"));
    SchemaSnapshot original = read(source);
    assertThat(original.all(Table.class)).hasSizeGreaterThan(10);
    roundTrip(original);
  }

  private void roundTrip(SchemaSnapshot original) throws Exception {
    assertThat(original.skipped()).as("what the source has that the model cannot hold").isEmpty();
    String copy = url("copy.db");
    SchemaSnapshot empty = read(copy);
    Ddl ddl = generator.generate(original);
    assertThat(ddl.notReproduced()).as("what the DDL cannot carry").isEmpty();

    execute(copy, ddl.create());
    SchemaSnapshot rebuilt = read(copy);
    assertThat(rebuilt.skipped()).isEmpty();
    assertSameObjects(original, rebuilt);

    execute(copy, ddl.drop());
    assertSameObjects(empty, read(copy));
    assertThat(empty.objects()).isEmpty();
  }

  private static void assertSameObjects(SchemaSnapshot expected, SchemaSnapshot actual) {
    Set<SchemaObject> want = new HashSet<>(expected.objects());
    Set<SchemaObject> got = new HashSet<>(actual.objects());
    List<SchemaObject> missing = new ArrayList<>();
    expected.objects().stream().filter(o -> !got.contains(o)).forEach(missing::add);
    List<SchemaObject> extra = new ArrayList<>();
    actual.objects().stream().filter(o -> !want.contains(o)).forEach(extra::add);
    assertThat(missing).as("objects not reproduced (extra or changed ones: %s)", extra).isEmpty();
    assertThat(extra).as("objects that appeared").isEmpty();
    assertThat(actual.objects()).isEqualTo(expected.objects());
  }

  private String url(String file) {
    return "jdbc:sqlite:" + tmp.resolve(file);
  }

  private static SchemaSnapshot read(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      return Introspector.read(c);
    }
  }

  private static void execute(String url, List<String> statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA foreign_keys = ON");
      for (String s : statements) {
        try {
          st.execute(s);
        } catch (SQLException e) {
          throw new AssertionError("statement failed: " + e.getMessage() + "\n" + s, e);
        }
      }
    }
  }
}

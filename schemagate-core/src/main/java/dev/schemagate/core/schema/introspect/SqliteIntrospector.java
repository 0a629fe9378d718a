package dev.schemagate.core.schema.introspect;

import dev.schemagate.core.schema.Column;
import dev.schemagate.core.schema.Constraint;
import dev.schemagate.core.schema.ConstraintType;
import dev.schemagate.core.schema.Index;
import dev.schemagate.core.schema.SchemaObject;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.schema.Table;
import dev.schemagate.core.schema.Trigger;
import dev.schemagate.core.schema.View;
import dev.schemagate.core.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a SQLite database (schema {@code main}) from {@code sqlite_schema} and the pragmas, and
 * from the stored CREATE statements where no pragma says it.
 *
 * <ul>
 *   <li>Tables: {@code WITHOUT ROWID} and {@code STRICT} as {@link Table#options()}, from {@code
 *       pragma table_list}.
 *   <li>Columns ({@code pragma table_xinfo}): declared type as written, NOT NULL, default,
 *       collation and generated expression from the CREATE TABLE text ({@code (a * 2)} for a stored
 *       column, {@code (a * 2) VIRTUAL} for a virtual one); {@code AUTOINCREMENT} is reported as
 *       {@link Column#identity()} {@code autoincrement}.
 *   <li>Constraints: the primary key from the pk column order, unique constraints from {@code
 *       pragma index_list} (origin {@code u}), foreign keys from {@code pragma foreign_key_list}
 *       with their actions, CHECK constraints from the CREATE TABLE text. A constraint without a
 *       CONSTRAINT name gets PostgreSQL's default name ({@code t_pkey}, {@code t_a_b_key}, {@code
 *       t_a_fkey}, {@code t_a_check} or {@code t_check}), so names compare alike on both dialects.
 *       Deferrability is read from the text of the foreign key clause.
 *   <li>Indexes created with CREATE INDEX (origin {@code c}); the definition is the stored SQL with
 *       whitespace and comments collapsed; keys are the indexed terms as written.
 *   <li>Views (the whole CREATE VIEW, whitespace collapsed) and triggers (likewise).
 * </ul>
 *
 * <p>Internal tables ({@code sqlite_%}) and the excluded names are not listed. Virtual tables and
 * their shadow tables are reported in {@link SchemaSnapshot#skipped()}.
 */
final class SqliteIntrospector {
  private static final String MAIN = "main";

  private final Connection connection;
  private final IntrospectOptions options;
  private final List<SchemaObject> objects = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();

  private record Entry(String type, String name, String table, String sql) {}

  /** A constraint clause found in the CREATE TABLE text. */
  private record Clause(String name, String kind, List<String> columns, String text) {}

  SqliteIntrospector(Connection connection, IntrospectOptions options) {
    this.connection = connection;
    this.options = options;
  }

  SchemaSnapshot read() throws SQLException {
    String version = single("SELECT sqlite_version()");
    List<Entry> entries = new ArrayList<>();
    query(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema"
            + " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
        List.of(),
        rs ->
            entries.add(
                new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))));
    Map<String, String[]> tableList = new TreeMap<>();
    query(
        "SELECT name, type, wr, strict FROM pragma_table_list WHERE schema = 'main'",
        List.of(),
        rs ->
            tableList.put(
                rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)}));

    Set<String> relations = new HashSet<>();
    Set<String> virtualShadows = new TreeSet<>();
    for (Entry e : entries) {
      if (excluded(e.name()) || excluded(e.table())) {
        continue;
      }
      String[] info = tableList.get(e.name());
      if ("table".equals(e.type())) {
        String kind = info == null ? "table" : info[0];
        if ("virtual".equals(kind)) {
          skipped.add(
              "virtual table "
                  + MAIN
                  + "."
                  + e.name()
                  + " ("
                  + SqliteText.normalize(e.sql())
                  + ")");
          continue;
        }
        if ("shadow".equals(kind)) {
          virtualShadows.add(e.name());
          continue;
        }
        relations.add(e.name());
        readTable(e, info);
      } else if ("view".equals(e.type())) {
        relations.add(e.name());
      }
    }
    if (!virtualShadows.isEmpty()) {
      skipped.add("shadow tables of virtual tables: " + String.join(", ", virtualShadows));
    }
    for (Entry e : entries) {
      if (excluded(e.name()) || excluded(e.table()) || e.sql() == null) {
        continue;
      }
      if ("view".equals(e.type())) {
        readView(e, relations);
      } else if ("trigger".equals(e.type()) && relations.contains(e.table())) {
        objects.add(new Trigger(MAIN, e.table(), e.name(), SqliteText.normalize(e.sql()), "O"));
      } else if ("index".equals(e.type()) && relations.contains(e.table())) {
        readIndex(e);
      }
    }
    return new SchemaSnapshot(Dialect.SQLITE, version, objects, skipped);
  }

  private boolean excluded(String name) {
    return name != null && options.excludedTables().contains(name);
  }

  private void readTable(Entry e, String[] info) throws SQLException {
    String table = e.name();
    List<String> opts = new ArrayList<>();
    if (info != null && "1".equals(info[1])) {
      opts.add("WITHOUT ROWID");
    }
    if (info != null && "1".equals(info[2])) {
      opts.add("STRICT");
    }
    objects.add(
        new Table(
            MAIN, table, "permanent", null, null, opts.isEmpty() ? null : String.join(", ", opts)));

    // The column definitions and table constraints as written.
    Map<String, String> columnText = new LinkedHashMap<>();
    List<Clause> clauses = new ArrayList<>();
    int[] body = e.sql() == null ? null : SqliteText.group(e.sql(), 0);
    if (body != null) {
      for (String part : SqliteText.split(e.sql().substring(body[0] + 1, body[1]))) {
        String first = part.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        if (Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN").contains(first)) {
          clauses.addAll(clauses(part, null));
        } else {
          String name = (firstName(part));
          columnText.put(name.toLowerCase(Locale.ROOT), part);
          clauses.addAll(clauses(part, name));
        }
      }
    }

    Map<Integer, String> pk = new TreeMap<>();
    int[] position = {0};
    query(
        "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?)",
        List.of(table),
        rs -> {
          int hidden = rs.getInt(7);
          if (hidden == 1) {
            return;
          }
          String name = rs.getString(2);
          String text = columnText.getOrDefault(name.toLowerCase(Locale.ROOT), "");
          String generated = null;
          if (hidden == 2 || hidden == 3) {
            generated = generatedExpression(text) + (hidden == 2 ? " VIRTUAL" : "");
          }
          String identity =
              SqliteText.keyword(text, "AUTOINCREMENT", 0) >= 0 ? "autoincrement" : null;
          objects.add(
              new Column(
                  MAIN,
                  table,
                  name,
                  ++position[0],
                  rs.getString(3),
                  rs.getInt(4) == 0,
                  rs.getString(5),
                  identity,
                  generated,
                  collation(text)));
          if (rs.getInt(6) > 0) {
            pk.put(rs.getInt(6), name);
          }
        });

    if (!pk.isEmpty()) {
      List<String> cols = new ArrayList<>(pk.values());
      String name = named(clauses, "PRIMARY", cols);
      objects.add(
          constraint(
              table,
              name == null ? table + "_pkey" : name,
              ConstraintType.PRIMARY_KEY,
              cols,
              "PRIMARY KEY (" + String.join(", ", cols) + ")",
              null,
              null,
              null,
              false,
              false));
    }
    readUniques(table, clauses);
    readForeignKeys(table, clauses);
    readChecks(table, clauses);
  }

  private void readUniques(String table, List<Clause> clauses) throws SQLException {
    List<String> indexes = new ArrayList<>();
    query(
        "SELECT name FROM pragma_index_list(?) WHERE origin = 'u' ORDER BY seq DESC",
        List.of(table),
        rs -> indexes.add(rs.getString(1)));
    for (String index : indexes) {
      List<String> cols = new ArrayList<>();
      query(
          "SELECT name FROM pragma_index_info(?) ORDER BY seqno",
          List.of(index),
          rs -> cols.add(rs.getString(1)));
      String name = named(clauses, "UNIQUE", cols);
      objects.add(
          constraint(
              table,
              name == null ? table + "_" + String.join("_", cols) + "_key" : name,
              ConstraintType.UNIQUE,
              cols,
              "UNIQUE (" + String.join(", ", cols) + ")",
              null,
              null,
              null,
              false,
              false));
    }
  }

  private void readForeignKeys(String table, List<Clause> clauses) throws SQLException {
    // One row per column of each key; rows of one key share its id and come in seq order.
    Map<Integer, List<String[]>> keys = new TreeMap<>();
    query(
        "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete"
            + " FROM pragma_foreign_key_list(?) ORDER BY id, seq",
        List.of(table),
        rs ->
            keys.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                .add(
                    new String[] {
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7)
                    }));
    for (List<String[]> rows : keys.values()) {
      String parent = rows.get(0)[0];
      List<String> from = new ArrayList<>();
      List<String> to = new ArrayList<>();
      for (String[] r : rows) {
        from.add(r[1]);
        if (r[2] != null) {
          to.add(r[2]);
        }
      }
      String onUpdate = rows.get(0)[3];
      String onDelete = rows.get(0)[4];
      Clause clause = find(clauses, "REFERENCES", from);
      String text = clause == null ? "" : clause.text().toUpperCase(Locale.ROOT);
      boolean deferrable = text.contains("DEFERRABLE") && !text.contains("NOT DEFERRABLE");
      boolean deferred = deferrable && text.contains("INITIALLY DEFERRED");
      StringBuilder def =
          new StringBuilder("FOREIGN KEY (")
              .append(String.join(", ", from))
              .append(") REFERENCES ")
              .append(parent);
      if (!to.isEmpty()) {
        def.append('(').append(String.join(", ", to)).append(')');
      }
      if (!"NO ACTION".equals(onUpdate)) {
        def.append(" ON UPDATE ").append(onUpdate);
      }
      if (!"NO ACTION".equals(onDelete)) {
        def.append(" ON DELETE ").append(onDelete);
      }
      if (deferrable) {
        def.append(" DEFERRABLE");
        if (deferred) {
          def.append(" INITIALLY DEFERRED");
        }
      }
      String name = clause == null ? null : clause.name();
      objects.add(
          constraint(
              table,
              name == null ? table + "_" + String.join("_", from) + "_fkey" : name,
              ConstraintType.FOREIGN_KEY,
              from,
              def.toString(),
              MAIN + "." + parent,
              onUpdate,
              onDelete,
              deferrable,
              deferred));
    }
  }

  private void readChecks(String table, List<Clause> clauses) {
    Set<String> used = new HashSet<>();
    for (Clause c : clauses) {
      if (!c.kind().equals("CHECK")) {
        continue;
      }
      String name = c.name();
      if (name == null) {
        String base = table + (c.columns().isEmpty() ? "" : "_" + c.columns().get(0)) + "_check";
        name = base;
        for (int n = 1; used.contains(name); n++) {
          name = base + n;
        }
      }
      used.add(name);
      objects.add(
          constraint(
              table,
              name,
              ConstraintType.CHECK,
              c.columns(),
              c.text(),
              null,
              null,
              null,
              false,
              false));
    }
  }

  private static Constraint constraint(
      String table,
      String name,
      ConstraintType type,
      List<String> columns,
      String definition,
      String references,
      String onUpdate,
      String onDelete,
      boolean deferrable,
      boolean deferred) {
    return new Constraint(
        MAIN,
        table,
        name,
        type,
        columns,
        definition,
        references,
        onUpdate,
        onDelete,
        deferrable,
        deferred,
        true);
  }

  /**
   * The constraint clauses of one part of a CREATE TABLE list: a table constraint (column null) or
   * a column definition, whose PRIMARY KEY, UNIQUE, CHECK and REFERENCES apply to that column.
   */
  private static List<Clause> clauses(String part, String column) {
    List<int[]> marks = new ArrayList<>();
    for (String word :
        List.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "REFERENCES", "FOREIGN")) {
      int at = SqliteText.keyword(part, word, 0);
      while (at >= 0) {
        marks.add(new int[] {at, word.length()});
        at = SqliteText.keyword(part, word, at + word.length());
      }
    }
    marks.sort((a, b) -> Integer.compare(a[0], b[0]));
    List<Clause> out = new ArrayList<>();
    String pendingName = null;
    for (int m = 0; m < marks.size(); m++) {
      int at = marks.get(m)[0];
      int end = m + 1 < marks.size() ? marks.get(m + 1)[0] : part.length();
      String word = part.substring(at, at + marks.get(m)[1]).toUpperCase(Locale.ROOT);
      String text = SqliteText.normalize(part.substring(at, end));
      if (word.equals("CONSTRAINT")) {
        pendingName = (firstName(text.substring("CONSTRAINT".length()).trim()));
        continue;
      }
      if (word.equals("REFERENCES") && column == null) {
        // The REFERENCES of a table-level FOREIGN KEY clause: part of that clause.
        continue;
      }
      List<String> cols = new ArrayList<>();
      if (column != null) {
        cols.add(column);
      } else if (!word.equals("CHECK")) {
        int[] g = SqliteText.group(part, at);
        if (g != null) {
          for (String c : SqliteText.split(part.substring(g[0] + 1, g[1]))) {
            cols.add((firstName(c)));
          }
        }
      }
      String kind = word.equals("FOREIGN") ? "REFERENCES" : word;
      if (kind.equals("REFERENCES") && column == null) {
        // Text of FOREIGN KEY (...) REFERENCES ... up to the next clause.
        text = SqliteText.normalize(part.substring(at));
      }
      if (kind.equals("CHECK")) {
        int[] g = SqliteText.group(part, at);
        text =
            g == null
                ? text
                : "CHECK (" + SqliteText.normalize(part.substring(g[0] + 1, g[1])) + ")";
      }
      out.add(new Clause(pendingName, kind, cols, text));
      pendingName = null;
    }
    return out;
  }

  private static Clause find(List<Clause> clauses, String kind, List<String> columns) {
    for (Clause c : clauses) {
      if (c.kind().equals(kind) && sameNames(c.columns(), columns)) {
        return c;
      }
    }
    return null;
  }

  private static String named(List<Clause> clauses, String kind, List<String> columns) {
    Clause c = find(clauses, kind, columns);
    return c == null ? null : c.name();
  }

  private static boolean sameNames(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equalsIgnoreCase(b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The first name of a text: a quoted identifier (unquoted) or a run of word characters. */
  private static String firstName(String text) {
    List<String> words = SqliteText.words(text);
    return words.isEmpty() ? text : words.get(0);
  }

  private static String generatedExpression(String columnText) {
    int as = SqliteText.keyword(columnText, "AS", 0);
    int[] g = as < 0 ? null : SqliteText.group(columnText, as);
    return g == null ? "?" : "(" + SqliteText.normalize(columnText.substring(g[0] + 1, g[1])) + ")";
  }

  private static String collation(String columnText) {
    int at = SqliteText.keyword(columnText, "COLLATE", 0);
    if (at < 0) {
      return null;
    }
    List<String> words = SqliteText.words(columnText.substring(at + "COLLATE".length()));
    return words.isEmpty() ? null : words.get(0);
  }

  private void readIndex(Entry e) throws SQLException {
    boolean[] found = {false};
    boolean[] unique = {false};
    query(
        "SELECT \"unique\", origin FROM pragma_index_list(?) WHERE name = ?",
        List.of(e.table(), e.name()),
        rs -> {
          found[0] = "c".equals(rs.getString(2));
          unique[0] = rs.getInt(1) == 1;
        });
    if (!found[0]) {
      return;
    }
    String sql = e.sql();
    int on = SqliteText.keyword(sql, "ON", 0);
    int[] g = on < 0 ? null : SqliteText.group(sql, on);
    List<String> keys = g == null ? List.of() : SqliteText.split(sql.substring(g[0] + 1, g[1]));
    String predicate = null;
    if (g != null) {
      int where = SqliteText.keyword(sql, "WHERE", g[1] + 1);
      if (where >= 0) {
        predicate = SqliteText.normalize(sql.substring(where + "WHERE".length()));
      }
    }
    objects.add(
        new Index(
            MAIN,
            e.table(),
            e.name(),
            "btree",
            unique[0],
            keys,
            List.of(),
            predicate,
            true,
            SqliteText.normalize(sql)));
  }

  private void readView(Entry e, Set<String> relations) {
    TreeSet<String> deps = new TreeSet<>();
    Map<String, String> byLower = new TreeMap<>();
    for (String r : relations) {
      byLower.put(r.toLowerCase(Locale.ROOT), r);
    }
    int body = SqliteText.keyword(e.sql(), "AS", 0);
    for (String w : SqliteText.words(body < 0 ? e.sql() : e.sql().substring(body))) {
      String r = byLower.get(w.toLowerCase(Locale.ROOT));
      if (r != null && !r.equals(e.name())) {
        deps.add(MAIN + "." + r);
      }
    }
    objects.add(
        new View(MAIN, e.name(), false, SqliteText.normalize(e.sql()), new ArrayList<>(deps)));
  }

  private String single(String sql) throws SQLException {
    String[] out = {null};
    query(sql, List.of(), rs -> out[0] = rs.getString(1));
    return out[0];
  }

  private interface RowReader {
    void row(ResultSet rs) throws SQLException;
  }

  private void query(String sql, List<String> parameters, RowReader reader) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        ps.setString(i + 1, parameters.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.row(rs);
        }
      }
    }
  }
}

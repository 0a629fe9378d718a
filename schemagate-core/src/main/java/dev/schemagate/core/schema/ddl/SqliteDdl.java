package dev.schemagate.core.schema.ddl;

import dev.schemagate.core.schema.Column;
import dev.schemagate.core.schema.Constraint;
import dev.schemagate.core.schema.Index;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.schema.Table;
import dev.schemagate.core.schema.Trigger;
import dev.schemagate.core.schema.View;
import dev.schemagate.core.sql.Dialect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SQLite DDL for one snapshot.
 *
 * <p>SQLite cannot add a constraint to an existing table, so every constraint goes inside CREATE
 * TABLE: a CHECK that names one column as a column constraint (so it reads back with that column),
 * the rest as named table constraints; an {@code AUTOINCREMENT} key on its column, where SQLite
 * wants it. Tables are ordered so a referenced table comes first where the references allow; it is
 * not needed to create them (SQLite checks references on use) but makes the reverse order drop
 * children before parents. Indexes, views and triggers are the statements SQLite stored.
 */
final class SqliteDdl {
  /** A default SQLite accepts without parentheses: a literal or a current-time keyword. */
  private static final Pattern LITERAL =
      Pattern.compile(
          "(?i)[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(e[+-]?\\d+)?|0x[0-9a-f]+|'(?:[^']|'')*'|x'[0-9a-f]*'"
              + "|null|true|false|current_time|current_date|current_timestamp");

  private final SchemaSnapshot snapshot;
  private final List<String> create = new ArrayList<>();
  private final List<String> drop = new ArrayList<>();
  private final List<String> notReproduced = new ArrayList<>();

  SqliteDdl(SchemaSnapshot snapshot) {
    this.snapshot = snapshot;
  }

  Ddl generate() {
    Map<String, List<Column>> columns = new HashMap<>();
    for (Column c : snapshot.all(Column.class)) {
      columns.computeIfAbsent(c.tableKey(), k -> new ArrayList<>()).add(c);
    }
    columns.values().forEach(l -> l.sort(Comparator.comparingInt(Column::position)));
    Map<String, List<Constraint>> constraints = new HashMap<>();
    for (Constraint c : snapshot.all(Constraint.class)) {
      constraints.computeIfAbsent(c.tableKey(), k -> new ArrayList<>()).add(c);
    }
    List<Table> tables =
        DependencyOrder.sort(
            snapshot.all(Table.class),
            Table::key,
            t -> {
              List<String> refs = new ArrayList<>();
              for (Constraint c : constraints.getOrDefault(t.key(), List.of())) {
                if (c.references() != null && !c.references().equals(t.key())) {
                  refs.add(c.references());
                }
              }
              return refs;
            });
    List<String> tableDrops = new ArrayList<>();
    for (Table t : tables) {
      create.add(
          table(
              t,
              columns.getOrDefault(t.key(), List.of()),
              constraints.getOrDefault(t.key(), List.of())));
      tableDrops.add(0, "DROP TABLE " + ident(t.name()));
    }
    for (Index i : snapshot.all(Index.class)) {
      create.add(i.definition().strip());
    }
    List<String> viewDrops = new ArrayList<>();
    for (View v : DependencyOrder.sort(snapshot.all(View.class), View::key, View::dependsOn)) {
      create.add(v.definition().strip());
      viewDrops.add(0, "DROP VIEW " + ident(v.name()));
    }
    for (Trigger t : snapshot.all(Trigger.class)) {
      create.add(t.definition().strip());
      if (!"O".equals(t.enabled())) {
        notReproduced.add(
            "trigger " + t.key() + " has state " + t.enabled() + ", which SQLite has not");
      }
    }
    // Triggers and indexes go with their tables; triggers on views with their views.
    drop.addAll(viewDrops);
    drop.addAll(tableDrops);
    return new Ddl(create, drop, notReproduced);
  }

  private String table(Table t, List<Column> cols, List<Constraint> constraints) {
    Map<String, String> keyOnColumn = new HashMap<>();
    Map<String, List<String>> onColumn = new HashMap<>();
    List<String> tableLevel = new ArrayList<>();
    for (Constraint c : constraints) {
      String named = "CONSTRAINT " + ident(c.name()) + " ";
      switch (c.type()) {
        case PRIMARY_KEY -> {
          if (c.columns().size() == 1 && autoincrement(cols, c.columns().get(0))) {
            keyOnColumn.put(c.columns().get(0), named + "PRIMARY KEY AUTOINCREMENT");
          } else {
            tableLevel.add(named + "PRIMARY KEY (" + idents(c.columns()) + ")");
          }
        }
        case UNIQUE -> tableLevel.add(named + "UNIQUE (" + idents(c.columns()) + ")");
        case CHECK -> {
          if (c.columns().size() == 1) {
            onColumn
                .computeIfAbsent(c.columns().get(0), k -> new ArrayList<>())
                .add(named + c.definition());
          } else {
            tableLevel.add(named + c.definition());
          }
        }
        case FOREIGN_KEY -> tableLevel.add(named + c.definition());
        default ->
            notReproduced.add(
                "constraint " + c.key() + ": SQLite has no " + c.type().sql() + " constraints");
      }
    }
    List<String> elements = new ArrayList<>();
    for (Column c : cols) {
      elements.add(
          column(c, keyOnColumn.get(c.name()), onColumn.getOrDefault(c.name(), List.of())));
      if ("autoincrement".equals(c.identity()) && !keyOnColumn.containsKey(c.name())) {
        notReproduced.add("column " + c.key() + " is AUTOINCREMENT but not the table's only key");
      }
    }
    elements.addAll(tableLevel);
    StringBuilder sb = new StringBuilder("CREATE TABLE ").append(ident(t.name())).append(" (");
    for (int i = 0; i < elements.size(); i++) {
      sb.append(i == 0 ? "\n    " : ",\n    ").append(elements.get(i));
    }
    sb.append("\n)");
    if (t.options() != null && !t.options().isBlank()) {
      sb.append(' ').append(t.options().strip());
    }
    return sb.toString();
  }

  private String column(Column c, String key, List<String> checks) {
    StringBuilder sb = new StringBuilder(ident(c.name()));
    if (c.type() != null && !c.type().isBlank()) {
      sb.append(' ').append(c.type());
    }
    if (key != null) {
      sb.append(' ').append(key);
    }
    if (!c.nullable()) {
      sb.append(" NOT NULL");
    }
    if (c.defaultValue() != null) {
      String d = c.defaultValue().strip();
      sb.append(" DEFAULT ").append(LITERAL.matcher(d).matches() ? d : "(" + d + ")");
    }
    if (c.collation() != null) {
      sb.append(" COLLATE ").append(c.collation());
    }
    if (c.generated() != null) {
      String g = c.generated().strip();
      boolean virtual = g.toUpperCase(Locale.ROOT).endsWith(" VIRTUAL");
      if (virtual) {
        g = g.substring(0, g.length() - " VIRTUAL".length()).strip();
      }
      if (!g.startsWith("(")) {
        g = "(" + g + ")";
      }
      sb.append(" GENERATED ALWAYS AS ").append(g).append(virtual ? " VIRTUAL" : " STORED");
    }
    checks.forEach(x -> sb.append(' ').append(x));
    return sb.toString();
  }

  private static boolean autoincrement(List<Column> cols, String name) {
    return cols.stream()
        .anyMatch(c -> c.name().equals(name) && "autoincrement".equals(c.identity()));
  }

  private static String ident(String name) {
    return SqlQuoting.ident(name, Dialect.SQLITE);
  }

  private static String idents(List<String> names) {
    List<String> out = new ArrayList<>();
    names.forEach(n -> out.add(ident(n)));
    return String.join(", ", out);
  }
}

package dev.schemagate.core.schema.ddl;

import static dev.schemagate.core.schema.ddl.SqlQuoting.ident;
import static dev.schemagate.core.schema.ddl.SqlQuoting.literal;
import static dev.schemagate.core.schema.ddl.SqlQuoting.qualified;

import dev.schemagate.core.schema.ArrayCasts;
import dev.schemagate.core.schema.Column;
import dev.schemagate.core.schema.Comment;
import dev.schemagate.core.schema.CompositeType;
import dev.schemagate.core.schema.Constraint;
import dev.schemagate.core.schema.ConstraintType;
import dev.schemagate.core.schema.Domain;
import dev.schemagate.core.schema.EnumType;
import dev.schemagate.core.schema.Extension;
import dev.schemagate.core.schema.Index;
import dev.schemagate.core.schema.Routine;
import dev.schemagate.core.schema.Schema;
import dev.schemagate.core.schema.SchemaObject;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.schema.Sequence;
import dev.schemagate.core.schema.Table;
import dev.schemagate.core.schema.Trigger;
import dev.schemagate.core.schema.View;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL DDL for one snapshot; see {@link DdlGenerator} for the order and its reasons. */
final class PostgresDdl {

  /**
   * One created object: its statement and the statement that undoes it (null: goes with another).
   */
  private record Step(String create, String drop, boolean dropFirst) {
    Step(String create, String drop) {
      this(create, drop, false);
    }
  }

  private static final Pattern WORD =
      Pattern.compile("\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_$]*)");
  private static final Pattern NOT_VALID = Pattern.compile("(?i)\\s+NOT\\s+VALID\\s*$");
  private static final Pattern ON_ONLY = Pattern.compile(" ON ONLY ");

  private final SchemaSnapshot snapshot;
  private final List<Step> steps = new ArrayList<>();
  private final List<String> notReproduced = new ArrayList<>();

  private final Map<String, Table> tables = new HashMap<>();
  private final Map<String, View> views = new HashMap<>();
  private final Map<String, List<Column>> columns = new HashMap<>();
  private final Map<String, List<Constraint>> constraints = new HashMap<>();
  private final Map<String, List<Index>> indexes = new HashMap<>();
  private final Map<String, List<Trigger>> triggers = new HashMap<>();

  PostgresDdl(SchemaSnapshot snapshot) {
    this.snapshot = snapshot;
    for (Table t : snapshot.all(Table.class)) {
      tables.put(t.key(), t);
    }
    for (View v : snapshot.all(View.class)) {
      views.put(v.key(), v);
    }
    for (Column c : snapshot.all(Column.class)) {
      columns.computeIfAbsent(c.tableKey(), k -> new ArrayList<>()).add(c);
    }
    columns.values().forEach(l -> l.sort(Comparator.comparingInt(Column::position)));
    for (Constraint c : snapshot.all(Constraint.class)) {
      constraints.computeIfAbsent(c.tableKey(), k -> new ArrayList<>()).add(c);
    }
    for (Index i : snapshot.all(Index.class)) {
      indexes.computeIfAbsent(i.tableKey(), k -> new ArrayList<>()).add(i);
    }
    for (Trigger t : snapshot.all(Trigger.class)) {
      triggers.computeIfAbsent(t.tableKey(), k -> new ArrayList<>()).add(t);
    }
  }

  Ddl generate() {
    schemasAndExtensions();
    if (!snapshot.all(Routine.class).isEmpty()) {
      steps.add(new Step(DdlGenerator.NO_FUNCTION_BODY_CHECKS, null));
    }
    List<SchemaObject> late = typesSequencesAndRoutines();
    List<Table> ordered = tablesInOrder();
    for (Table t : ordered) {
      table(t);
    }
    for (Table t : ordered) {
      for (Constraint c : constraints.getOrDefault(t.key(), List.of())) {
        if (!inline(c) && !inheritedConstraint(t, c)) {
          String add =
              "ALTER TABLE "
                  + name(t)
                  + " ADD CONSTRAINT "
                  + ident(c.name())
                  + " "
                  + constraintDefinition(c);
          String drop =
              c.type() == ConstraintType.FOREIGN_KEY
                  ? "ALTER TABLE " + name(t) + " DROP CONSTRAINT " + ident(c.name())
                  : null;
          steps.add(new Step(add, drop, drop != null));
        }
      }
    }
    sequenceOwnership();
    for (Table t : ordered) {
      for (Index i : indexes.getOrDefault(t.key(), List.of())) {
        if (!inheritedIndex(t, i)) {
          index(i, t.partitionBy() != null);
        }
      }
    }
    viewsAndLateRoutines(late);
    for (Trigger t : snapshot.all(Trigger.class)) {
      trigger(t);
    }
    for (Comment c : snapshot.all(Comment.class)) {
      comment(c);
    }
    List<String> create = new ArrayList<>();
    for (Step s : steps) {
      create.add(s.create());
    }
    // Foreign keys are dropped first, whatever their place: a table referenced from a table created
    // before it (or from itself, or in a cycle) is only droppable once the references are gone.
    List<String> drop = new ArrayList<>();
    for (boolean first : new boolean[] {true, false}) {
      for (int i = steps.size() - 1; i >= 0; i--) {
        Step s = steps.get(i);
        if (s.drop() != null && s.dropFirst() == first) {
          drop.add(s.drop());
        }
      }
    }
    return new Ddl(create, drop, notReproduced);
  }

  // ---------------------------------------------------------------- schemas and extensions

  private void schemasAndExtensions() {
    for (Schema s : snapshot.all(Schema.class)) {
      if (!s.name().equals("public")) {
        steps.add(new Step("CREATE SCHEMA " + ident(s.name()), "DROP SCHEMA " + ident(s.name())));
      }
    }
    for (Extension e : snapshot.all(Extension.class)) {
      StringBuilder sb =
          new StringBuilder("CREATE EXTENSION IF NOT EXISTS ").append(ident(e.name()));
      if (e.schema() != null) {
        sb.append(" SCHEMA ").append(ident(e.schema()));
      }
      if (e.version() != null) {
        sb.append(" VERSION ").append(literal(e.version()));
      }
      steps.add(new Step(sb.toString(), "DROP EXTENSION " + ident(e.name())));
    }
  }

  // ---------------------------------------------------------------- types, sequences, routines

  /**
   * Creates enums, domains, composite types, sequences and the routines whose signatures name no
   * table or view, sorted so each comes after the types its text names and a domain after the
   * functions its checks call. Returns the routines that must wait for tables and views.
   */
  private List<SchemaObject> typesSequencesAndRoutines() {
    Map<String, String> typeKeys = new HashMap<>();
    for (SchemaObject o : snapshot.objects()) {
      if (o instanceof EnumType || o instanceof Domain || o instanceof CompositeType) {
        typeKeys.putIfAbsent(simpleName(o), o.key());
      }
    }
    Map<String, List<String>> routineKeys = new HashMap<>();
    for (Routine r : snapshot.all(Routine.class)) {
      routineKeys.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r.key());
    }
    Set<String> relationNames = new LinkedHashSet<>();
    tables.values().forEach(t -> relationNames.add(t.name()));
    views.values().forEach(v -> relationNames.add(v.name()));

    List<SchemaObject> early = new ArrayList<>();
    List<SchemaObject> late = new ArrayList<>();
    Map<SchemaObject, Collection<String>> deps = new HashMap<>();
    for (SchemaObject o : snapshot.objects()) {
      switch (o.kind()) {
        case ENUM, SEQUENCE -> {
          early.add(o);
          deps.put(o, List.of());
        }
        case DOMAIN -> {
          Domain d = (Domain) o;
          List<String> ds = new ArrayList<>(known(typeWords(d.baseType()), typeKeys));
          for (String w : words(String.join(" ", d.checks()) + " " + nz(d.defaultValue()))) {
            ds.addAll(routineKeys.getOrDefault(w, List.of()));
          }
          early.add(o);
          deps.put(o, ds);
        }
        case COMPOSITE_TYPE -> {
          CompositeType c = (CompositeType) o;
          early.add(o);
          deps.put(o, known(typeWords(String.join(", ", c.fields())), typeKeys));
        }
        case ROUTINE -> {
          Routine r = (Routine) o;
          Set<String> named = typeWords(r.arguments());
          named.addAll(typeWords(returnsTypes(r.returns())));
          if (named.stream().anyMatch(relationNames::contains)) {
            late.add(o);
          } else {
            early.add(o);
            deps.put(o, known(named, typeKeys));
          }
        }
        default -> {}
      }
    }
    for (SchemaObject o : DependencyOrder.sort(early, SchemaObject::key, deps::get)) {
      switch (o.kind()) {
        case ENUM -> enumType((EnumType) o);
        case DOMAIN -> domain((Domain) o);
        case COMPOSITE_TYPE -> composite((CompositeType) o);
        case SEQUENCE -> sequence((Sequence) o);
        case ROUTINE -> routine((Routine) o);
        default -> throw new IllegalStateException(o.kind().label());
      }
    }
    return late;
  }

  private void enumType(EnumType e) {
    List<String> labels = new ArrayList<>();
    e.labels().forEach(l -> labels.add(literal(l)));
    String name = qualified(e.schema(), e.name());
    steps.add(
        new Step(
            "CREATE TYPE " + name + " AS ENUM (" + String.join(", ", labels) + ")",
            "DROP TYPE " + name));
  }

  private void domain(Domain d) {
    String name = qualified(d.schema(), d.name());
    StringBuilder sb =
        new StringBuilder("CREATE DOMAIN ").append(name).append(" AS ").append(d.baseType());
    if (d.collation() != null) {
      sb.append(" COLLATE ").append(collation(d.collation()));
    }
    if (d.defaultValue() != null) {
      sb.append(" DEFAULT ").append(ArrayCasts.stable(d.defaultValue()));
    }
    if (d.notNull()) {
      sb.append(" NOT NULL");
    }
    for (String check : d.checks()) {
      int colon = check.indexOf(": ");
      if (colon < 0) {
        notReproduced.add(
            "domain " + d.key() + ": check '" + check + "' is not in the form name: CHECK (...)");
        continue;
      }
      sb.append(" CONSTRAINT ")
          .append(ident(check.substring(0, colon)))
          .append(' ')
          .append(ArrayCasts.stable(check.substring(colon + 2)));
    }
    steps.add(new Step(sb.toString(), "DROP DOMAIN " + name));
  }

  private void composite(CompositeType c) {
    String name = qualified(c.schema(), c.name());
    steps.add(
        new Step(
            "CREATE TYPE " + name + " AS (" + String.join(", ", c.fields()) + ")",
            "DROP TYPE " + name));
  }

  private void sequence(Sequence s) {
    String name = qualified(s.schema(), s.name());
    String create =
        "CREATE SEQUENCE "
            + name
            + (s.type() == null ? "" : " AS " + s.type())
            + " INCREMENT BY "
            + s.increment()
            + " MINVALUE "
            + s.min()
            + " MAXVALUE "
            + s.max()
            + " START WITH "
            + s.start()
            + " CACHE "
            + s.cache()
            + (s.cycle() ? " CYCLE" : " NO CYCLE");
    steps.add(new Step(create, "DROP SEQUENCE " + name));
  }

  private void routine(Routine r) {
    String kind = "procedure".equalsIgnoreCase(r.routineKind()) ? "PROCEDURE" : "FUNCTION";
    steps.add(new Step(r.definition().strip(), "DROP " + kind + " " + routineName(r)));
  }

  private static String routineName(Routine r) {
    return qualified(r.schema(), r.name()) + "(" + nz(r.arguments()) + ")";
  }

  // ---------------------------------------------------------------- tables

  /** Tables by key, each partition after its parent. */
  private List<Table> tablesInOrder() {
    List<Table> all = snapshot.all(Table.class);
    return DependencyOrder.sort(
        all,
        Table::key,
        t -> {
          Table parent = parentOf(t);
          return parent == null ? List.of() : List.of(parent.key());
        });
  }

  /** The parent of a partition, found by the key that starts {@link Table#partitionOf()}. */
  private Table parentOf(Table t) {
    if (t.partitionOf() == null) {
      return null;
    }
    Table best = null;
    for (Table candidate : tables.values()) {
      String k = candidate.key();
      if (t.partitionOf().startsWith(k + " ")
          && (best == null || k.length() > best.key().length())) {
        best = candidate;
      }
    }
    return best;
  }

  private void table(Table t) {
    String name = name(t);
    Table parent = parentOf(t);
    StringBuilder sb = new StringBuilder("CREATE ");
    if ("unlogged".equalsIgnoreCase(t.persistence())) {
      sb.append("UNLOGGED ");
    }
    sb.append("TABLE ").append(name);
    List<String> elements = new ArrayList<>();
    List<Column> cols = columns.getOrDefault(t.key(), List.of());
    List<String> afterwards = new ArrayList<>();
    if (parent == null) {
      if (t.partitionOf() != null) {
        notReproduced.add(
            "table "
                + t.key()
                + ": the parent named in '"
                + t.partitionOf()
                + "' is not in the snapshot");
        return;
      }
      for (Column c : cols) {
        elements.add(column(c));
      }
    } else {
      // A partition takes its columns from the parent; only differences are stated afterwards.
      Map<String, Column> inherited = new HashMap<>();
      columns.getOrDefault(parent.key(), List.of()).forEach(c -> inherited.put(c.name(), c));
      for (Column c : cols) {
        Column p = inherited.get(c.name());
        String alter = "ALTER TABLE ONLY " + name + " ALTER COLUMN " + ident(c.name());
        if (p == null) {
          notReproduced.add(
              "column " + c.key() + " of partition " + t.key() + " is not a column of its parent");
          continue;
        }
        if (!Objects.equals(p.defaultValue(), c.defaultValue())) {
          afterwards.add(
              alter
                  + (c.defaultValue() == null
                      ? " DROP DEFAULT"
                      : " SET DEFAULT " + ArrayCasts.stable(c.defaultValue())));
        }
        if (p.nullable() && !c.nullable()) {
          afterwards.add(alter + " SET NOT NULL");
        }
      }
    }
    for (Constraint c : constraints.getOrDefault(t.key(), List.of())) {
      if (inline(c) && !inheritedConstraint(t, c)) {
        elements.add("CONSTRAINT " + ident(c.name()) + " " + ArrayCasts.stable(c.definition()));
      }
    }
    if (parent == null) {
      sb.append(" (");
      for (int i = 0; i < elements.size(); i++) {
        sb.append(i == 0 ? "\n    " : ",\n    ").append(elements.get(i));
      }
      sb.append(elements.isEmpty() ? ")" : "\n)");
    } else {
      String bound = t.partitionOf().substring(parent.key().length()).strip();
      sb.append(" PARTITION OF ").append(name(parent));
      if (!elements.isEmpty()) {
        sb.append(" (").append(String.join(", ", elements)).append(")");
      }
      sb.append(' ').append(bound);
    }
    if (t.partitionBy() != null) {
      sb.append(" PARTITION BY ").append(t.partitionBy());
    }
    if (t.options() != null && !t.options().isBlank()) {
      String o = t.options().strip();
      if (o.startsWith("{") && o.endsWith("}")) {
        o = o.substring(1, o.length() - 1);
      }
      sb.append(" WITH (").append(o).append(')');
    }
    steps.add(new Step(sb.toString(), "DROP TABLE " + name));
    afterwards.forEach(a -> steps.add(new Step(a, null)));
  }

  private String column(Column c) {
    StringBuilder sb = new StringBuilder(ident(c.name())).append(' ').append(c.type());
    if (c.collation() != null) {
      sb.append(" COLLATE ").append(collation(c.collation()));
    }
    if (c.identity() != null) {
      sb.append(" GENERATED ").append(c.identity().toUpperCase(Locale.ROOT)).append(" AS IDENTITY");
    } else if (c.generated() != null) {
      sb.append(" GENERATED ALWAYS AS (")
          .append(ArrayCasts.stable(c.generated()))
          .append(") STORED");
    } else if (c.defaultValue() != null) {
      sb.append(" DEFAULT ").append(ArrayCasts.stable(c.defaultValue()));
    }
    if (!c.nullable()) {
      sb.append(" NOT NULL");
    }
    return sb.toString();
  }

  /** Constraints that go inside CREATE TABLE: everything but foreign keys and NOT VALID ones. */
  private static boolean inline(Constraint c) {
    return c.type() != ConstraintType.FOREIGN_KEY
        && c.validated()
        && !NOT_VALID.matcher(c.definition()).find();
  }

  private static String constraintDefinition(Constraint c) {
    String d = ArrayCasts.stable(c.definition().strip());
    if (!c.validated() && !NOT_VALID.matcher(d).find()) {
      d = d + " NOT VALID";
    }
    return d;
  }

  /**
   * True for a partition's constraint that PostgreSQL creates itself when the partition is attached
   * (same type and definition as one of the parent's): stating it again would fail or duplicate.
   */
  private boolean inheritedConstraint(Table t, Constraint c) {
    Table parent = parentOf(t);
    if (parent == null) {
      return false;
    }
    for (Constraint p : constraints.getOrDefault(parent.key(), List.of())) {
      if (p.type() == c.type() && p.definition().equals(c.definition())) {
        return true;
      }
    }
    return false;
  }

  private void sequenceOwnership() {
    Map<String, Column> byKey = new HashMap<>();
    for (Column c : snapshot.all(Column.class)) {
      byKey.put(c.key(), c);
    }
    for (Sequence s : snapshot.all(Sequence.class)) {
      if (s.ownedBy() == null) {
        continue;
      }
      Column owner = byKey.get(s.ownedBy());
      if (owner == null) {
        notReproduced.add(
            "sequence " + s.key() + ": owner column " + s.ownedBy() + " is not in the snapshot");
        continue;
      }
      String seq = qualified(s.schema(), s.name());
      steps.add(
          new Step(
              "ALTER SEQUENCE "
                  + seq
                  + " OWNED BY "
                  + qualified(owner.schema(), owner.table())
                  + "."
                  + ident(owner.name()),
              "ALTER SEQUENCE " + seq + " OWNED BY NONE"));
    }
  }

  // ---------------------------------------------------------------- indexes, views, triggers

  private void index(Index i, boolean onPartitionedParent) {
    String def = ArrayCasts.stable(i.definition().strip());
    if (onPartitionedParent) {
      // ON ONLY leaves the parent's index invalid until every partition's index is attached;
      // without
      // ONLY, PostgreSQL builds the partitions' indexes and attaches them itself.
      def = ON_ONLY.matcher(def).replaceFirst(" ON ");
    }
    if (!i.valid()) {
      notReproduced.add(
          "index "
              + i.key()
              + " is invalid (a failed CREATE INDEX CONCURRENTLY); the DDL creates it valid");
    }
    steps.add(new Step(def, null));
  }

  /** A partition's index that PostgreSQL builds itself from an index of the parent. */
  private boolean inheritedIndex(Table t, Index i) {
    Table parent = parentOf(t);
    if (parent == null) {
      return false;
    }
    for (Index p : indexes.getOrDefault(parent.key(), List.of())) {
      if (p.unique() == i.unique()
          && p.method().equals(i.method())
          && p.keys().equals(i.keys())
          && p.include().equals(i.include())
          && Objects.equals(p.predicate(), i.predicate())) {
        return true;
      }
    }
    return false;
  }

  private void viewsAndLateRoutines(List<SchemaObject> late) {
    List<SchemaObject> items = new ArrayList<>(snapshot.all(View.class));
    items.addAll(late);
    Map<String, String> relationKeyByName = new HashMap<>();
    tables.values().forEach(t -> relationKeyByName.putIfAbsent(t.name(), t.key()));
    views.values().forEach(v -> relationKeyByName.putIfAbsent(v.name(), v.key()));
    List<SchemaObject> ordered =
        DependencyOrder.sort(
            items,
            SchemaObject::key,
            o -> {
              if (o instanceof View v) {
                return v.dependsOn();
              }
              Routine r = (Routine) o;
              Set<String> named = typeWords(r.arguments());
              named.addAll(typeWords(returnsTypes(r.returns())));
              return known(named, relationKeyByName);
            });
    for (SchemaObject o : ordered) {
      if (o instanceof Routine r) {
        routine(r);
        continue;
      }
      View v = (View) o;
      String name = qualified(v.schema(), v.name());
      String query = ArrayCasts.stable(v.definition().strip());
      if (query.endsWith(";")) {
        query = query.substring(0, query.length() - 1).stripTrailing();
      }
      String kind = v.materialized() ? "MATERIALIZED VIEW " : "VIEW ";
      steps.add(new Step("CREATE " + kind + name + " AS\n" + query, "DROP " + kind + name));
      for (Index i : indexes.getOrDefault(v.key(), List.of())) {
        index(i, false);
      }
    }
  }

  private void trigger(Trigger t) {
    Table table = tables.get(t.tableKey());
    Table parent = table == null ? null : parentOf(table);
    if (parent != null
        && triggers.getOrDefault(parent.key(), List.of()).stream()
            .anyMatch(p -> p.name().equals(t.name()))) {
      return; // cloned onto the partition by PostgreSQL from the parent's trigger
    }
    steps.add(new Step(t.definition().strip(), null));
    String on = "ALTER TABLE " + qualified(t.schema(), t.table());
    String state =
        switch (t.enabled() == null ? "O" : t.enabled()) {
          case "D" -> " DISABLE TRIGGER ";
          case "R" -> " ENABLE REPLICA TRIGGER ";
          case "A" -> " ENABLE ALWAYS TRIGGER ";
          default -> null;
        };
    if (state != null) {
      steps.add(new Step(on + state + ident(t.name()), null));
    }
  }

  // ---------------------------------------------------------------- comments

  private void comment(Comment c) {
    String target = commentTarget(c);
    if (target == null) {
      notReproduced.add(
          "comment on "
              + c.target().label()
              + " "
              + c.targetKey()
              + ": the object is not in the snapshot");
      return;
    }
    steps.add(new Step("COMMENT ON " + target + " IS " + literal(c.text()), null));
  }

  private String commentTarget(Comment c) {
    String key = c.targetKey();
    switch (c.target()) {
      case TABLE, VIEW -> {
        Table t = tables.get(key);
        if (t != null) {
          return "TABLE " + name(t);
        }
        View v = views.get(key);
        if (v != null) {
          return (v.materialized() ? "MATERIALIZED VIEW " : "VIEW ")
              + qualified(v.schema(), v.name());
        }
        return null;
      }
      case COLUMN -> {
        for (Column col : snapshot.all(Column.class)) {
          if (col.key().equals(key)) {
            return "COLUMN " + qualified(col.schema(), col.table()) + "." + ident(col.name());
          }
        }
        // A view's column: the view is known, its columns are not listed.
        for (View v : views.values()) {
          if (key.startsWith(v.key() + ".")) {
            return "COLUMN "
                + qualified(v.schema(), v.name())
                + "."
                + ident(key.substring(v.key().length() + 1));
          }
        }
        return null;
      }
      default -> {}
    }
    SchemaObject o = snapshot.find(c.target(), key).orElse(null);
    if (o == null) {
      return null;
    }
    if (o instanceof Schema s) {
      return "SCHEMA " + ident(s.name());
    } else if (o instanceof Extension e) {
      return "EXTENSION " + ident(e.name());
    } else if (o instanceof EnumType e) {
      return "TYPE " + qualified(e.schema(), e.name());
    } else if (o instanceof CompositeType t) {
      return "TYPE " + qualified(t.schema(), t.name());
    } else if (o instanceof Domain d) {
      return "DOMAIN " + qualified(d.schema(), d.name());
    } else if (o instanceof Sequence s) {
      return "SEQUENCE " + qualified(s.schema(), s.name());
    } else if (o instanceof Routine r) {
      return ("procedure".equalsIgnoreCase(r.routineKind()) ? "PROCEDURE " : "FUNCTION ")
          + routineName(r);
    } else if (o instanceof Constraint k) {
      return "CONSTRAINT " + ident(k.name()) + " ON " + qualified(k.schema(), k.table());
    } else if (o instanceof Index i) {
      return "INDEX " + qualified(i.schema(), i.name());
    } else if (o instanceof Trigger t) {
      return "TRIGGER " + ident(t.name()) + " ON " + qualified(t.schema(), t.table());
    }
    return null;
  }

  // ---------------------------------------------------------------- names

  private static String name(Table t) {
    return qualified(t.schema(), t.name());
  }

  private static String collation(String collation) {
    // Printed either bare (C, en_US) or already quoted/qualified by the catalog.
    return collation.contains("\"") || collation.contains(".") ? collation : ident(collation);
  }

  private static String simpleName(SchemaObject o) {
    if (o instanceof EnumType e) {
      return e.name();
    } else if (o instanceof Domain d) {
      return d.name();
    } else if (o instanceof CompositeType c) {
      return c.name();
    }
    return o.key();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** Every identifier in a text, quoted ones unquoted. */
  static Set<String> words(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = WORD.matcher(nz(text));
    while (m.find()) {
      out.add(m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2));
    }
    return out;
  }

  /**
   * The type names in a comma-separated list of {@code [mode] [name] type} items (routine
   * arguments, composite fields): the last identifier of each item, after array brackets and type
   * modifiers are removed. Argument names are thereby ignored, so a parameter called like a table
   * does not make a function depend on it.
   */
  static Set<String> typeWords(String list) {
    Set<String> out = new LinkedHashSet<>();
    for (String item : splitTopLevel(nz(list))) {
      String s = item.strip();
      int eq = s.toUpperCase(Locale.ROOT).indexOf(" DEFAULT ");
      if (eq >= 0) {
        s = s.substring(0, eq).strip();
      }
      boolean changed = true;
      while (changed) {
        changed = false;
        if (s.endsWith("[]")) {
          s = s.substring(0, s.length() - 2).strip();
          changed = true;
        } else if (s.endsWith(")")) {
          int open = s.lastIndexOf('(');
          if (open > 0) {
            s = s.substring(0, open).strip();
            changed = true;
          }
        }
      }
      List<String> ws = new ArrayList<>(words(s));
      if (!ws.isEmpty()) {
        out.add(lastWord(s));
      }
    }
    return out;
  }

  private static String lastWord(String s) {
    String last = null;
    Matcher m = WORD.matcher(s);
    while (m.find()) {
      last = m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2);
    }
    return last;
  }

  /** The types a RETURNS clause names: {@code SETOF x}, {@code TABLE(a x, b y)} or {@code x}. */
  static String returnsTypes(String returns) {
    String r = nz(returns).strip();
    if (r.regionMatches(true, 0, "SETOF ", 0, 6)) {
      r = r.substring(6).strip();
    }
    if (r.regionMatches(true, 0, "TABLE(", 0, 6) && r.endsWith(")")) {
      r = r.substring(6, r.length() - 1);
    }
    return r;
  }

  private static List<String> splitTopLevel(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')') {
        depth--;
      } else if (!quoted && depth == 0 && ch == ',') {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  private static List<String> known(Collection<String> names, Map<String, String> keysByName) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      String k = keysByName.get(n);
      if (k != null) {
        out.add(k);
      }
    }
    return out;
  }
}

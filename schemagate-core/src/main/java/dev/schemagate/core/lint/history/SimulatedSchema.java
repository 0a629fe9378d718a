package dev.schemagate.core.lint.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema as the history has built it so far, known only from the SQL text: names of relations
 * (tables, views, materialized views, sequences) with their columns, indexes, types and functions,
 * each per schema. Also remembers what was dropped or renamed away, so a later use can say where.
 *
 * <p>Mutable and single-threaded: the simulator owns one per branch tip and {@link #copy() copies}
 * it where the graph forks. Trap: a relation whose columns the text does not determine (CREATE
 * TABLE .. AS, LIKE, INHERITS, a view, touched by a DO block, assumed to pre-exist) has {@link
 * Relation#shapeKnown} false, and column checks must stay silent for it.
 */
final class SimulatedSchema {

  /** A schema-qualified name; quoted names may contain dots, so no string concatenation. */
  record Key(String schema, String name) {
    @Override
    public String toString() {
      return "public".equals(schema) ? name : schema + "." + name;
    }
  }

  /** Where something happened. */
  record Loc(String revision, Path file, int line) {
    String describe() {
      return GraphChecks.describe(file) + ":" + line + " (revision " + revision + ")";
    }
  }

  /** Why a name is gone: dropped, or renamed to something else. */
  record Gone(Loc where, String how) {}

  enum RelKind {
    TABLE,
    VIEW,
    SEQUENCE
  }

  static final class Relation {
    final RelKind kind;
    final Loc created;

    /** Not created by a statement we understood (assumed, or made in a DO block). */
    final boolean uncertain;

    final boolean temporary;
    boolean shapeKnown;
    final Map<String, Loc> columns = new LinkedHashMap<>();
    final Map<String, Gone> goneColumns = new HashMap<>();

    /** Columns already reported as unknown: counted as present so one mistake gives one finding. */
    final Set<String> tolerated = new HashSet<>();

    Relation(RelKind kind, Loc created, boolean uncertain, boolean temporary, boolean shapeKnown) {
      this.kind = kind;
      this.created = created;
      this.uncertain = uncertain;
      this.temporary = temporary;
      this.shapeKnown = shapeKnown;
    }

    Relation copy() {
      Relation r = new Relation(kind, created, uncertain, temporary, shapeKnown);
      r.columns.putAll(columns);
      r.goneColumns.putAll(goneColumns);
      r.tolerated.addAll(tolerated);
      return r;
    }

    void addColumn(String name, Loc at) {
      columns.put(name, at);
      goneColumns.remove(name);
    }

    boolean hasColumn(String name) {
      return columns.containsKey(name) || tolerated.contains(name);
    }
  }

  /** An index and the relation it belongs to. */
  record Index(Key table, Loc created, boolean uncertain) {}

  /** A type, domain or other object known by name only. */
  record Named(Loc created, boolean uncertain) {}

  final Map<Key, Relation> relations = new LinkedHashMap<>();
  final Map<Key, Gone> goneRelations = new HashMap<>();
  final Map<Key, Index> indexes = new HashMap<>();
  final Map<Key, Named> types = new HashMap<>();
  final Set<Key> functions = new HashSet<>();

  SimulatedSchema copy() {
    SimulatedSchema s = new SimulatedSchema();
    relations.forEach((k, v) -> s.relations.put(k, v.copy()));
    s.goneRelations.putAll(goneRelations);
    s.indexes.putAll(indexes);
    s.types.putAll(types);
    s.functions.addAll(functions);
    return s;
  }

  /**
   * Adds what {@code other} has: the union a merge revision starts from. A relation on both sides
   * keeps the union of its columns, and its shape is known only if both sides know it. A name gone
   * on one side but present on the other is present.
   */
  void mergeFrom(SimulatedSchema other) {
    other.relations.forEach(
        (k, theirs) -> {
          Relation mine = relations.get(k);
          if (mine == null) {
            relations.put(k, theirs.copy());
            return;
          }
          mine.shapeKnown = mine.shapeKnown && theirs.shapeKnown;
          theirs.columns.forEach(mine.columns::putIfAbsent);
          mine.tolerated.addAll(theirs.tolerated);
          theirs.goneColumns.forEach(mine.goneColumns::putIfAbsent);
          mine.goneColumns.keySet().removeIf(mine.columns::containsKey);
        });
    other.goneRelations.forEach(goneRelations::putIfAbsent);
    goneRelations.keySet().removeIf(relations::containsKey);
    other.indexes.forEach(indexes::putIfAbsent);
    other.types.forEach(types::putIfAbsent);
    functions.addAll(other.functions);
  }

  /**
   * The relation a possibly unqualified name means: exact for a qualified name; for an unqualified
   * one, the default schema first, else the only relation of that name in any schema (search_path
   * settings are not modelled, so a unique match elsewhere is taken as meant).
   */
  Key resolve(Map<Key, ?> map, String schema, String name, String defaultSchema) {
    if (schema != null) {
      Key k = new Key(schema, name);
      return map.containsKey(k) ? k : null;
    }
    Key k = new Key(defaultSchema, name);
    if (map.containsKey(k)) {
      return k;
    }
    Key only = null;
    for (Key candidate : map.keySet()) {
      if (candidate.name().equals(name)) {
        if (only != null) {
          return null;
        }
        only = candidate;
      }
    }
    return only;
  }

  /** Moves a relation to a new key, with its indexes; the old name is remembered as gone. */
  void renameRelation(Key from, Key to, Loc at) {
    Relation r = relations.remove(from);
    if (r == null) {
      return;
    }
    relations.put(to, r);
    goneRelations.remove(to);
    goneRelations.put(from, new Gone(at, "renamed to " + to));
    List<Key> moved = new ArrayList<>();
    indexes.forEach(
        (k, ix) -> {
          if (ix.table().equals(from)) {
            moved.add(k);
          }
        });
    for (Key k : moved) {
      Index ix = indexes.get(k);
      indexes.put(k, new Index(to, ix.created(), ix.uncertain()));
    }
  }

  /** Removes a relation and its indexes; the name is remembered as gone. */
  void dropRelation(Key key, Loc at) {
    if (relations.remove(key) == null) {
      return;
    }
    goneRelations.put(key, new Gone(at, "dropped"));
    indexes.values().removeIf(ix -> ix.table().equals(key));
  }

  /** DROP SCHEMA .. CASCADE: everything in it goes. */
  void dropSchema(String schemaName, Loc at) {
    List<Key> rels =
        relations.keySet().stream().filter(k -> k.schema().equals(schemaName)).toList();
    for (Key k : rels) {
      dropRelation(k, at);
    }
    indexes.keySet().removeIf(k -> k.schema().equals(schemaName));
    types.keySet().removeIf(k -> k.schema().equals(schemaName));
    functions.removeIf(k -> k.schema().equals(schemaName));
  }

  /** ALTER SCHEMA a RENAME TO b: every object moves with it. */
  void renameSchema(String from, String to, Loc at) {
    List<Key> rels = relations.keySet().stream().filter(k -> k.schema().equals(from)).toList();
    for (Key k : rels) {
      renameRelation(k, new Key(to, k.name()), at);
    }
    indexes.putAll(rekey(indexes, from, to));
    types.putAll(rekey(types, from, to));
    List<Key> fns = functions.stream().filter(k -> k.schema().equals(from)).toList();
    fns.forEach(functions::remove);
    fns.forEach(k -> functions.add(new Key(to, k.name())));
  }

  private static <V> Map<Key, V> rekey(Map<Key, V> map, String from, String to) {
    Map<Key, V> moved = new HashMap<>();
    map.entrySet()
        .removeIf(
            e -> {
              if (!e.getKey().schema().equals(from)) {
                return false;
              }
              moved.put(new Key(to, e.getKey().name()), e.getValue());
              return true;
            });
    return moved;
  }

  /** Temporary tables end with the session, that is, with their migration. */
  void endSession() {
    Set<Key> temp = new LinkedHashSet<>();
    relations.forEach(
        (k, r) -> {
          if (r.temporary) {
            temp.add(k);
          }
        });
    for (Key k : temp) {
      relations.remove(k);
      indexes.values().removeIf(ix -> ix.table().equals(k));
    }
  }
}

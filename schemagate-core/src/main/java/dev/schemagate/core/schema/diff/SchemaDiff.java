package dev.schemagate.core.schema.diff;

import dev.schemagate.core.schema.Column;
import dev.schemagate.core.schema.Comment;
import dev.schemagate.core.schema.Constraint;
import dev.schemagate.core.schema.Index;
import dev.schemagate.core.schema.ObjectKind;
import dev.schemagate.core.schema.SchemaObject;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.schema.Trigger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two {@link SchemaSnapshot}s. Pure: no database, no state; the same inputs give the same
 * result, in the same order.
 *
 * <p>How objects are matched:
 *
 * <ol>
 *   <li>by kind and {@link SchemaObject#key()};
 *   <li>then a constraint or index found on one side only is paired with one on the other side that
 *       has the same table, type and definition apart from its name. Such a pair is one {@link
 *       ChangeType#CHANGED} change whose first difference is {@code name} (a rename reads better
 *       than a removal and an addition); with {@link DiffOptions#ignoreGeneratedNames()} the name
 *       is not a difference, so the pair is reported only if something else differs. When several
 *       candidates share a signature they are paired in key order;
 *   <li>comments follow their target: a comment on a constraint or index paired by definition is
 *       compared with the comment on its partner.
 * </ol>
 *
 * <p>Column order is compared relative to the columns both sides have: a column added or dropped
 * elsewhere in the table does not make the others "moved". A moved column is a {@code position}
 * difference unless {@link DiffOptions#ignoreColumnOrder()}; either way it is listed in {@link
 * DiffResult#reorderedColumns()}.
 *
 * <p>The trap this class exists to avoid: the skipped lines of both snapshots travel into the
 * result, so a comparison of incomplete snapshots is never {@link DiffResult#equal() equal}.
 */
public final class SchemaDiff {

  private static final Comparator<Change> ORDER =
      Comparator.comparing(Change::kind).thenComparing(Change::key);

  private SchemaDiff() {}

  /** Compares with {@link DiffOptions#DEFAULT}. */
  public static DiffResult compare(SchemaSnapshot from, SchemaSnapshot to) {
    return compare(from, to, DiffOptions.DEFAULT);
  }

  /**
   * What changed from {@code from} to {@code to}: objects only in {@code to} are added, objects
   * only in {@code from} removed.
   */
  public static DiffResult compare(SchemaSnapshot from, SchemaSnapshot to, DiffOptions options) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(options, "options");
    List<Skipped> skipped = new ArrayList<>();
    from.skipped().forEach(s -> skipped.add(new Skipped(Skipped.Side.FROM, s)));
    to.skipped().forEach(s -> skipped.add(new Skipped(Skipped.Side.TO, s)));
    Map<ObjectRef, SchemaObject> a = index(from, options, Skipped.Side.FROM, skipped);
    Map<ObjectRef, SchemaObject> b = index(to, options, Skipped.Side.TO, skipped);

    List<Pair> pairs = new ArrayList<>();
    List<SchemaObject> onlyFrom = new ArrayList<>();
    List<SchemaObject> onlyTo = new ArrayList<>();
    // Comments wait until renames are known, since their keys contain their target's key.
    for (Map.Entry<ObjectRef, SchemaObject> e : a.entrySet()) {
      if (e.getKey().kind() == ObjectKind.COMMENT) {
        continue;
      }
      SchemaObject other = b.get(e.getKey());
      if (other != null) {
        pairs.add(new Pair(e.getValue(), other, false));
      } else {
        onlyFrom.add(e.getValue());
      }
    }
    for (Map.Entry<ObjectRef, SchemaObject> e : b.entrySet()) {
      if (e.getKey().kind() != ObjectKind.COMMENT && !a.containsKey(e.getKey())) {
        onlyTo.add(e.getValue());
      }
    }
    Map<ObjectRef, String> renamed = pairByDefinition(onlyFrom, onlyTo, pairs);
    pairComments(a, b, renamed, pairs, onlyFrom, onlyTo);

    Set<String> moved = movedColumns(a.values(), b.values());
    List<Change> changes = new ArrayList<>();
    for (Pair p : pairs) {
      List<AttributeChange> diffs = differences(p, moved, options);
      if (!diffs.isEmpty()) {
        changes.add(Change.changed(p.from, p.to, diffs));
      }
    }
    onlyFrom.forEach(o -> changes.add(Change.removed(o)));
    onlyTo.forEach(o -> changes.add(Change.added(o)));
    List<Change> withParents = assignParents(changes);
    withParents.sort(ORDER);
    return new DiffResult(options, withParents, new ArrayList<>(new TreeSet<>(moved)), skipped);
  }

  private record Pair(SchemaObject from, SchemaObject to, boolean byDefinition) {}

  private static Map<ObjectRef, SchemaObject> index(
      SchemaSnapshot s, DiffOptions options, Skipped.Side side, List<Skipped> skipped) {
    Map<ObjectRef, SchemaObject> out = new LinkedHashMap<>();
    Map<ObjectRef, Integer> duplicates = new LinkedHashMap<>();
    for (SchemaObject o : s.objects()) {
      if (!options.compares(o.kind())) {
        continue;
      }
      ObjectRef ref = new ObjectRef(o.kind(), o.key());
      if (out.putIfAbsent(ref, o) != null) {
        duplicates.merge(ref, 2, (x, y) -> x + 1);
      }
    }
    // Two objects with one key cannot both be matched; say so rather than compare half of them.
    duplicates.forEach(
        (ref, n) ->
            skipped.add(
                new Skipped(
                    side, n + " objects share the key " + ref + "; only the first was compared")));
    return out;
  }

  /**
   * Pairs unmatched constraints and indexes whose definitions differ only by name, moving them from
   * the one-side lists into {@code pairs}. Returns the renames, from-side ref to to-side key.
   */
  private static Map<ObjectRef, String> pairByDefinition(
      List<SchemaObject> onlyFrom, List<SchemaObject> onlyTo, List<Pair> pairs) {
    Map<String, ArrayDeque<SchemaObject>> candidates = new HashMap<>();
    for (SchemaObject o : onlyFrom) {
      if (GeneratedNames.applies(o)) {
        candidates.computeIfAbsent(GeneratedNames.signature(o), k -> new ArrayDeque<>()).add(o);
      }
    }
    Map<ObjectRef, String> renamed = new HashMap<>();
    if (candidates.isEmpty()) {
      return renamed;
    }
    Set<SchemaObject> pairedFrom = new HashSet<>();
    Set<SchemaObject> pairedTo = new HashSet<>();
    for (SchemaObject o : onlyTo) {
      if (!GeneratedNames.applies(o)) {
        continue;
      }
      ArrayDeque<SchemaObject> queue = candidates.get(GeneratedNames.signature(o));
      if (queue != null && !queue.isEmpty()) {
        SchemaObject partner = queue.poll();
        pairs.add(new Pair(partner, o, true));
        pairedFrom.add(partner);
        pairedTo.add(o);
        renamed.put(new ObjectRef(partner.kind(), partner.key()), o.key());
      }
    }
    onlyFrom.removeIf(pairedFrom::contains);
    onlyTo.removeIf(pairedTo::contains);
    return renamed;
  }

  private static void pairComments(
      Map<ObjectRef, SchemaObject> a,
      Map<ObjectRef, SchemaObject> b,
      Map<ObjectRef, String> renamed,
      List<Pair> pairs,
      List<SchemaObject> onlyFrom,
      List<SchemaObject> onlyTo) {
    Set<ObjectRef> matched = new HashSet<>();
    for (Map.Entry<ObjectRef, SchemaObject> e : a.entrySet()) {
      if (!(e.getValue() instanceof Comment c)) {
        continue;
      }
      String newTarget = renamed.get(new ObjectRef(c.target(), c.targetKey()));
      ObjectRef lookup =
          newTarget == null
              ? e.getKey()
              : new ObjectRef(ObjectKind.COMMENT, new Comment(c.target(), newTarget, "").key());
      SchemaObject other = b.get(lookup);
      if (other != null) {
        pairs.add(new Pair(c, other, false));
        matched.add(lookup);
      } else {
        onlyFrom.add(c);
      }
    }
    for (Map.Entry<ObjectRef, SchemaObject> e : b.entrySet()) {
      if (e.getKey().kind() == ObjectKind.COMMENT && !matched.contains(e.getKey())) {
        onlyTo.add(e.getValue());
      }
    }
  }

  /**
   * Keys of the columns whose rank among the columns both sides' table has differs. Ranks, not
   * positions: dropping a column shifts the positions of the ones after it without moving them.
   */
  private static Set<String> movedColumns(
      Iterable<SchemaObject> fromObjects, Iterable<SchemaObject> toObjects) {
    Map<String, List<Column>> fromTables = columnsByTable(fromObjects);
    Map<String, List<Column>> toTables = columnsByTable(toObjects);
    Set<String> moved = new HashSet<>();
    for (Map.Entry<String, List<Column>> e : fromTables.entrySet()) {
      List<Column> toColumns = toTables.get(e.getKey());
      if (toColumns == null) {
        continue;
      }
      List<String> fromOrder = names(e.getValue());
      List<String> toOrder = names(toColumns);
      List<String> commonFrom = new ArrayList<>(fromOrder);
      commonFrom.retainAll(new HashSet<>(toOrder));
      List<String> commonTo = new ArrayList<>(toOrder);
      commonTo.retainAll(new HashSet<>(fromOrder));
      Map<String, Integer> toRank = new HashMap<>();
      for (int i = 0; i < commonTo.size(); i++) {
        toRank.put(commonTo.get(i), i);
      }
      for (int i = 0; i < commonFrom.size(); i++) {
        if (toRank.get(commonFrom.get(i)) != i) {
          moved.add(e.getKey() + "." + commonFrom.get(i));
        }
      }
    }
    return moved;
  }

  private static Map<String, List<Column>> columnsByTable(Iterable<SchemaObject> objects) {
    Map<String, List<Column>> out = new HashMap<>();
    for (SchemaObject o : objects) {
      if (o instanceof Column c) {
        out.computeIfAbsent(c.tableKey(), k -> new ArrayList<>()).add(c);
      }
    }
    return out;
  }

  private static List<String> names(List<Column> columns) {
    List<Column> sorted = new ArrayList<>(columns);
    sorted.sort(Comparator.comparingInt(Column::position).thenComparing(Column::name));
    List<String> out = new ArrayList<>(sorted.size());
    sorted.forEach(c -> out.add(c.name()));
    return out;
  }

  private static List<AttributeChange> differences(Pair p, Set<String> moved, DiffOptions options) {
    List<AttributeChange> out = new ArrayList<>();
    if (p.byDefinition && !options.ignoreGeneratedNames()) {
      out.add(new AttributeChange("name", GeneratedNames.name(p.from), GeneratedNames.name(p.to)));
    }
    Map<String, String> am = p.from.attributes();
    Map<String, String> bm = p.to.attributes();
    Set<String> names = new LinkedHashSet<>(am.keySet());
    names.addAll(bm.keySet());
    for (String name : names) {
      String av = am.get(name);
      String bv = bm.get(name);
      boolean same;
      if (p.from instanceof Column && name.equals(Column.POSITION)) {
        same = options.ignoreColumnOrder() || !moved.contains(p.from.key());
      } else if (p.byDefinition && name.equals("definition")) {
        // The definition names the object; the name difference is reported once, above.
        same =
            Objects.equals(
                GeneratedNames.definitionWithoutName(p.from),
                GeneratedNames.definitionWithoutName(p.to));
      } else {
        same = Objects.equals(av, bv);
      }
      if (!same) {
        out.add(new AttributeChange(name, av, bv));
      }
    }
    return out;
  }

  /**
   * Marks the objects that came or went with an added or removed table or view (and comments that
   * came or went with their target) so renderers can show them under it.
   */
  private static List<Change> assignParents(List<Change> changes) {
    Map<ObjectRef, Change> oneSided = new HashMap<>();
    for (Change c : changes) {
      if (c.type() != ChangeType.CHANGED) {
        oneSided.put(c.ref(), c);
      }
    }
    Map<ObjectRef, ObjectRef> parentOf = new HashMap<>();
    for (Change c : changes) {
      String tableKey = tableKey(c.object());
      if (c.type() == ChangeType.CHANGED || tableKey == null) {
        continue;
      }
      for (ObjectKind container : new ObjectKind[] {ObjectKind.TABLE, ObjectKind.VIEW}) {
        ObjectRef ref = new ObjectRef(container, tableKey);
        Change parent = oneSided.get(ref);
        if (parent != null && parent.type() == c.type()) {
          parentOf.put(c.ref(), ref);
          break;
        }
      }
    }
    for (Change c : changes) {
      if (c.type() == ChangeType.CHANGED || !(c.object() instanceof Comment comment)) {
        continue;
      }
      ObjectRef target = new ObjectRef(comment.target(), comment.targetKey());
      Change targetChange = oneSided.get(target);
      if (targetChange != null && targetChange.type() == c.type()) {
        parentOf.put(c.ref(), parentOf.getOrDefault(target, target));
      }
    }
    List<Change> out = new ArrayList<>(changes.size());
    for (Change c : changes) {
      ObjectRef parent = c.type() == ChangeType.CHANGED ? null : parentOf.get(c.ref());
      out.add(parent == null ? c : c.withParent(parent));
    }
    return out;
  }

  private static String tableKey(SchemaObject o) {
    if (o instanceof Column c) {
      return c.tableKey();
    }
    if (o instanceof Constraint c) {
      return c.tableKey();
    }
    if (o instanceof Index i) {
      return i.tableKey();
    }
    if (o instanceof Trigger t) {
      return t.tableKey();
    }
    return null;
  }
}

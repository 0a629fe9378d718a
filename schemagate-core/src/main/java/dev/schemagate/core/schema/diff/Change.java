package dev.schemagate.core.schema.diff;

import dev.schemagate.core.schema.Column;
import dev.schemagate.core.schema.ObjectKind;
import dev.schemagate.core.schema.SchemaObject;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One object that differs between two snapshots.
 *
 * <p>An added or removed table (or view) brings its columns, constraints, indexes, triggers and
 * comments with it. They are listed as changes of their own, so the detail is all there, and carry
 * the table as their {@link #parent()}; renderers show them under it, and summaries count them
 * apart.
 *
 * @param type added, removed or changed
 * @param from the object in the {@code from} snapshot; null when added
 * @param to the object in the {@code to} snapshot; null when removed
 * @param differences for a changed object, the attributes that differ, in attribute order (a
 *     renamed object starts with a {@code name} entry); empty otherwise
 * @param parent the added or removed table, view or other object this one came or went with, or
 *     null when it stands on its own
 */
public record Change(
    ChangeType type,
    SchemaObject from,
    SchemaObject to,
    List<AttributeChange> differences,
    ObjectRef parent) {

  public Change {
    Objects.requireNonNull(type, "type");
    differences = List.copyOf(differences);
    boolean shapeOk =
        switch (type) {
          case ADDED -> from == null && to != null && differences.isEmpty();
          case REMOVED -> from != null && to == null && differences.isEmpty();
          case CHANGED -> from != null && to != null && from.kind() == to.kind();
        };
    if (!shapeOk) {
      throw new IllegalArgumentException("inconsistent " + type + " change: " + from + " / " + to);
    }
  }

  public static Change added(SchemaObject to) {
    return new Change(ChangeType.ADDED, null, to, List.of(), null);
  }

  public static Change removed(SchemaObject from) {
    return new Change(ChangeType.REMOVED, from, null, List.of(), null);
  }

  public static Change changed(SchemaObject from, SchemaObject to, List<AttributeChange> diffs) {
    return new Change(ChangeType.CHANGED, from, to, diffs, null);
  }

  Change withParent(ObjectRef p) {
    return new Change(type, from, to, differences, p);
  }

  /** The object as it is now: {@link #to()}, or {@link #from()} when removed. */
  public SchemaObject object() {
    return to != null ? to : from;
  }

  public ObjectKind kind() {
    return object().kind();
  }

  /** The key in {@code to} (in {@code from} when removed). */
  public String key() {
    return object().key();
  }

  public ObjectRef ref() {
    return new ObjectRef(kind(), key());
  }

  /** True when a constraint or index was paired with one of another name by its definition. */
  public boolean renamed() {
    return type == ChangeType.CHANGED && !from.key().equals(to.key());
  }

  /** The key in {@code from} when {@link #renamed()}, else null. */
  public String previousKey() {
    return renamed() ? from.key() : null;
  }

  /** The attributes of {@link #object()}: the whole detail of an added or removed object. */
  public Map<String, String> attributes() {
    return object().attributes();
  }

  /** True for a column whose only difference is where it sits. */
  public boolean positionOnly() {
    return type == ChangeType.CHANGED
        && kind() == ObjectKind.COLUMN
        && differences.size() == 1
        && differences.get(0).name().equals(Column.POSITION);
  }
}

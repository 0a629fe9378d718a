package dev.schemagate.core.schema;

import dev.schemagate.core.sql.Dialect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a database's schema is at one moment: every object introspection understood, and a plain
 * account of what it saw but could not model.
 *
 * <p>The trap: a snapshot with {@link #skipped()} entries is incomplete. Two incomplete snapshots
 * may differ in what was skipped, so a comparison involving one must never be reported as "equal"
 * (see {@code SchemaDiff}).
 *
 * @param dialect the database it was read from
 * @param serverVersion the server's version as it reports it ({@code 16.4}, {@code 3.46.1})
 * @param objects every object, sorted by kind (in creation order) and key
 * @param skipped what was present but not compared, one readable line each ({@code 2 row-level
 *     security policies on public.accounts (p_owner, p_admin)})
 */
public record SchemaSnapshot(
    Dialect dialect, String serverVersion, List<SchemaObject> objects, List<String> skipped) {

  private static final Comparator<SchemaObject> ORDER =
      Comparator.comparing(SchemaObject::kind).thenComparing(SchemaObject::key);

  public SchemaSnapshot {
    List<SchemaObject> sorted = new ArrayList<>(objects);
    sorted.sort(ORDER);
    objects = List.copyOf(sorted);
    skipped = List.copyOf(skipped);
  }

  /** True when nothing was skipped, so an empty diff means equal. */
  public boolean complete() {
    return skipped.isEmpty();
  }

  /** The objects of one kind, in key order, cast to their record type. */
  public <T extends SchemaObject> List<T> all(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (SchemaObject o : objects) {
      if (type.isInstance(o)) {
        out.add(type.cast(o));
      }
    }
    return out;
  }

  /** The object of a kind with a key. */
  public Optional<SchemaObject> find(ObjectKind kind, String key) {
    for (SchemaObject o : objects) {
      if (o.kind() == kind && o.key().equals(key)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}

package dev.schemagate.core.schema.diff;

import dev.schemagate.core.schema.ObjectKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a schema comparison may overlook. Immutable; build variants with the {@code with...}
 * methods.
 *
 * @param ignoreColumnOrder columns that sit in a different order (relative to the columns both
 *     sides have) are not differences; {@link DiffResult#reorderedColumns()} still lists them
 * @param ignoreGeneratedNames a constraint or index found on one side only is paired with one on
 *     the other side that has the same table, type and definition apart from its name, and the pair
 *     is not a difference. The trap: every name is treated as if the system chose it, so a
 *     deliberate rename is hidden too, and a later migration that names the object will fail on one
 *     of the two databases. Use it to compare shapes, not names.
 * @param ignoredKinds kinds of object that are not compared at all (listed in the rendered output,
 *     so a reader knows)
 */
public record DiffOptions(
    boolean ignoreColumnOrder, boolean ignoreGeneratedNames, Set<ObjectKind> ignoredKinds) {

  /** Compares everything, names and column order included. The default. */
  public static final DiffOptions STRICT = new DiffOptions(false, false, Set.of());

  /** The default: {@link #STRICT}. */
  public static final DiffOptions DEFAULT = STRICT;

  /** Ignores column order and system-generated constraint and index names. */
  public static final DiffOptions LENIENT = new DiffOptions(true, true, Set.of());

  public DiffOptions {
    ignoredKinds =
        ignoredKinds.isEmpty()
            ? Set.of()
            : Set.copyOf(EnumSet.copyOf(ignoredKinds)); // copyOf rejects nulls
  }

  public DiffOptions withIgnoreColumnOrder(boolean ignore) {
    return new DiffOptions(ignore, ignoreGeneratedNames, ignoredKinds);
  }

  public DiffOptions withIgnoreGeneratedNames(boolean ignore) {
    return new DiffOptions(ignoreColumnOrder, ignore, ignoredKinds);
  }

  public DiffOptions withIgnoredKinds(Set<ObjectKind> kinds) {
    return new DiffOptions(ignoreColumnOrder, ignoreGeneratedNames, kinds);
  }

  /** True when objects of this kind are compared. */
  public boolean compares(ObjectKind kind) {
    return !ignoredKinds.contains(kind);
  }
}

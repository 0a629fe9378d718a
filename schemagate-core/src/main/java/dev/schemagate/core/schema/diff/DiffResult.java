package dev.schemagate.core.schema.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The structured difference between two snapshots, made by {@link SchemaDiff#compare}.
 *
 * <p>One call answers the usual questions: {@link #equal()} for a yes/no check such as a parity
 * check, {@link #status()} for a report that must tell "only column order differs" from real
 * differences and from "could not compare".
 *
 * <p>The trap: an empty {@link #changes()} list does not mean equal. When either snapshot skipped
 * something ({@link #skipped()} not empty) the status is {@link DiffStatus#INCOMPLETE} and {@link
 * #equal()} is false, whatever was found.
 *
 * @param options what the comparison overlooked
 * @param changes every difference under {@code options}, sorted by kind (in creation order), then
 *     key; objects of added or removed tables included (see {@link Change#parent()})
 * @param reorderedColumns keys of the columns whose order among the columns both sides have
 *     differs, whatever {@link DiffOptions#ignoreColumnOrder()} says; sorted
 * @param skipped what could not be compared, from either side
 */
public record DiffResult(
    DiffOptions options,
    List<Change> changes,
    List<String> reorderedColumns,
    List<Skipped> skipped) {

  public DiffResult {
    Objects.requireNonNull(options, "options");
    changes = List.copyOf(changes);
    reorderedColumns = List.copyOf(reorderedColumns);
    skipped = List.copyOf(skipped);
  }

  /** True when neither side skipped anything. */
  public boolean complete() {
    return skipped.isEmpty();
  }

  /**
   * The verdict, computed the same way whatever the options say about column order: see {@link
   * DiffStatus}.
   */
  public DiffStatus status() {
    if (!complete()) {
      return DiffStatus.INCOMPLETE;
    }
    if (onlyColumnOrder()) {
      return DiffStatus.ONLY_COLUMN_ORDER;
    }
    return changes.isEmpty() ? DiffStatus.EQUAL : DiffStatus.DIFFERENT;
  }

  /**
   * True only when both snapshots are complete and nothing differs under the options (so a column
   * order difference counts only when column order was not ignored).
   */
  public boolean equal() {
    return complete() && changes.isEmpty();
  }

  /**
   * True when both snapshots are complete, some columns sit in another order, and nothing else
   * differs. Computed the same way with or without {@link DiffOptions#ignoreColumnOrder()}.
   */
  public boolean onlyColumnOrder() {
    return complete()
        && !reorderedColumns.isEmpty()
        && changes.stream().allMatch(Change::positionOnly);
  }

  /** The changes that stand on their own (no {@link Change#parent()}), in order. */
  public List<Change> topLevel() {
    List<Change> out = new ArrayList<>();
    for (Change c : changes) {
      if (c.parent() == null) {
        out.add(c);
      }
    }
    return out;
  }

  /** The changes that came or went with an added or removed object, in order. */
  public List<Change> within(Change parent) {
    ObjectRef ref = parent.ref();
    List<Change> out = new ArrayList<>();
    for (Change c : changes) {
      if (ref.equals(c.parent())) {
        out.add(c);
      }
    }
    return out;
  }

  /** How many top-level changes are of this type. */
  public int count(ChangeType type) {
    int n = 0;
    for (Change c : changes) {
      if (c.parent() == null && c.type() == type) {
        n++;
      }
    }
    return n;
  }
}

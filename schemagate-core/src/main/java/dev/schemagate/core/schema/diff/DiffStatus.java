package dev.schemagate.core.schema.diff;

/**
 * The verdict of a comparison, independent of {@link DiffOptions#ignoreColumnOrder()} so that a
 * drill can tell a column moved from a real difference whatever the options were.
 */
public enum DiffStatus {
  /** Both snapshots are complete and nothing differs. */
  EQUAL,
  /**
   * Both snapshots are complete and the only differences are columns sitting in another order.
   * {@link DiffResult#equal()} is true for this status only when column order was ignored.
   */
  ONLY_COLUMN_ORDER,
  /** Both snapshots are complete and something other than column order differs. */
  DIFFERENT,
  /**
   * At least one snapshot skipped something it could not model, so the comparison could not be
   * complete. Never equal, even when no difference was found in what was compared; the changes
   * found are still listed.
   */
  INCOMPLETE;

  /** How JSON names it: {@code equal}, {@code only_column_order}... */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

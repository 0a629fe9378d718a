package dev.schemagate.core.audit;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts by name, kept apart by where they happen.
 *
 * @param upgrade counts in the upgrade
 * @param downgrade counts in the downgrade
 * @param other counts elsewhere (Alembic helpers called from both, or module level)
 */
public record Tally(
    SortedMap<String, Integer> upgrade,
    SortedMap<String, Integer> downgrade,
    SortedMap<String, Integer> other) {

  public Tally {
    upgrade = Collections.unmodifiableSortedMap(new TreeMap<>(upgrade));
    downgrade = Collections.unmodifiableSortedMap(new TreeMap<>(downgrade));
    other = Collections.unmodifiableSortedMap(new TreeMap<>(other));
  }

  /** All three added up, by name. */
  public SortedMap<String, Integer> total() {
    SortedMap<String, Integer> total = new TreeMap<>(upgrade);
    downgrade.forEach((k, v) -> total.merge(k, v, Integer::sum));
    other.forEach((k, v) -> total.merge(k, v, Integer::sum));
    return Collections.unmodifiableSortedMap(total);
  }

  /** Every name counted anywhere, sorted. */
  public TreeSet<String> names() {
    TreeSet<String> names = new TreeSet<>(upgrade.keySet());
    names.addAll(downgrade.keySet());
    names.addAll(other.keySet());
    return names;
  }
}

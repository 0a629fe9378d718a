package dev.schemagate.core.schema.ddl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * A stable topological sort: every item comes after the items it depends on, and among the items
 * that are free to go next the one earliest in the input goes first. So an input already sorted by
 * key stays sorted wherever dependencies allow, and the output is the same on every run.
 *
 * <p>Dependencies on items not in the input are ignored (they were created by an earlier group).
 * Items caught in a cycle keep their input order after everything else: the database then names the
 * real problem, which is better than dropping objects from the script.
 */
final class DependencyOrder {
  private DependencyOrder() {}

  static <T> List<T> sort(
      List<T> items, Function<T, String> key, Function<T, Collection<String>> deps) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      index.putIfAbsent(key.apply(items.get(i)), i);
    }
    int n = items.size();
    int[] waiting = new int[n];
    List<List<Integer>> dependents = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      dependents.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (String d : deps.apply(items.get(i))) {
        Integer j = index.get(d);
        if (j != null && j != i) {
          waiting[i]++;
          dependents.get(j).add(i);
        }
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    boolean[] done = new boolean[n];
    List<T> out = new ArrayList<>(n);
    while (!ready.isEmpty()) {
      int i = ready.poll();
      done[i] = true;
      out.add(items.get(i));
      for (int d : dependents.get(i)) {
        if (--waiting[d] == 0) {
          ready.add(d);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (!done[i]) {
        out.add(items.get(i));
      }
    }
    return out;
  }
}

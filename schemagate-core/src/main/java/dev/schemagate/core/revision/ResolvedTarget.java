package dev.schemagate.core.revision;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where a {@link Target} points in one graph, given the current heads: a state of the database
 * described by two sets.
 *
 * <p>{@code revisions} are revisions the target names: the state is "these and all their ancestors
 * (with dependencies) applied". {@code below} are revisions the target points just beneath: the
 * state is "these and everything descending from them not applied" ({@code base} is below every
 * base revision, {@code payments@base} below the first revision of the payments branch, {@code -1}
 * from a root below that root). Both empty means "nothing to name", e.g. {@code head} of an empty
 * graph or {@code +0} from an empty database.
 *
 * <p>Trap: {@code below} is not "the parents of"; a root has no parents, and a label's base may sit
 * on a branch point shared with other branches that must stay applied.
 *
 * @param target the target as parsed
 * @param revisions revision ids the target names, in topological order
 * @param below revision ids the target points beneath, in topological order
 */
public record ResolvedTarget(Target target, Set<String> revisions, Set<String> below) {

  public ResolvedTarget {
    revisions = Collections.unmodifiableSet(new LinkedHashSet<>(revisions));
    below = Collections.unmodifiableSet(new LinkedHashSet<>(below));
  }

  /** A target naming exactly these revisions. */
  static ResolvedTarget at(Target target, Set<String> revisions) {
    return new ResolvedTarget(target, revisions, Set.of());
  }

  /** A target pointing beneath these revisions. */
  static ResolvedTarget beneath(Target target, Set<String> below) {
    return new ResolvedTarget(target, Set.of(), below);
  }

  /** Whether the target names exactly one revision, as {@code show} and {@code merge} need. */
  public boolean namesOneRevision() {
    return revisions.size() == 1 && below.isEmpty();
  }
}

package dev.schemagate.core.plan;

import dev.schemagate.core.revision.ResolvedTarget;
import dev.schemagate.core.revision.Revision;
import dev.schemagate.core.revision.RevisionGraph;
import dev.schemagate.core.revision.RevisionGraphException;
import dev.schemagate.core.revision.RevisionGraphException.Kind;
import dev.schemagate.core.revision.Target;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes what an upgrade or downgrade will do: pure, no database, same answer for the same input.
 *
 * <p><b>Applied set.</b> The database's current heads plus all their ancestors through
 * down_revision and depends_on. A revision is applied exactly when it is in that set.
 *
 * <p><b>Upgrade to T</b> runs every revision that T needs (T's revisions and their ancestors,
 * dependencies included) and that is not applied, in {@linkplain RevisionGraph#revisions()
 * topological order}. A T that is applied already is a no-op; a T that is applied and has an
 * applied child (it is older than where the database is) is a {@link Kind#WRONG_DIRECTION} error
 * pointing at {@code downgrade}.
 *
 * <p><b>Downgrade to T</b> (as Alembic) removes the applied revisions that descend from T's
 * children, or from the revisions T points beneath ({@code base}, {@code <label>@base}, {@code -N}
 * past a root), following down_revision and depends_on: a revision that depends on a removed one is
 * removed too. Children go before parents. Revisions on other branches are left alone: with heads
 * {@code b1} and {@code b2} forked from {@code a}, {@code downgrade b1} changes nothing and {@code
 * downgrade a} removes both branches. A T that is not applied is a {@link Kind#WRONG_DIRECTION}
 * error pointing at {@code upgrade}.
 *
 * <p><b>Head maintenance</b> (drives the version table, so it is exact). UP of R deletes the
 * current heads among R's down_revision ancestors (several for a merge) and inserts R; a depends_on
 * target stays a head. DOWN of R deletes R and inserts each of R's down_revisions and depends_on
 * that is not already an ancestor-or-self (dependencies included) of a remaining head. Trap:
 * inserting dependencies back on DOWN is what keeps "heads plus ancestors" equal to the applied set
 * when a dependency was covered only by R; Alembic does the same. The plan's {@code headsAfter} is
 * the heads after the last step; an empty plan keeps {@code headsBefore}.
 */
public final class Planner {

  private Planner() {}

  /**
   * Plans an upgrade.
   *
   * @param graph the revisions on disk
   * @param currentHeads the database's current heads (empty for a fresh database)
   * @param target target text, see {@link Target}
   * @throws RevisionGraphException {@link Kind#UNKNOWN_REVISION} when a current head is not on disk
   *     or the target names nothing; {@link Kind#WRONG_DIRECTION} for an older target or a negative
   *     relative one; any error of {@link Target#parse} and {@link Target#resolve}
   */
  public static MigrationPlan upgrade(
      RevisionGraph graph, Set<String> currentHeads, String target) {
    return upgrade(graph, currentHeads, Target.parse(target));
  }

  /** As {@link #upgrade(RevisionGraph, Set, String)}, with a parsed target. */
  public static MigrationPlan upgrade(
      RevisionGraph graph, Set<String> currentHeads, Target target) {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(target, "target");
    graph.checkCurrentHeads(currentHeads);
    if (target instanceof Target.Relative relative && relative.steps() < 0) {
      throw wrongWay(
          "'" + target.text() + "' moves down, but this is an upgrade.",
          "Run `schemagate downgrade " + target.text() + "`.");
    }
    ResolvedTarget resolved = target.resolve(graph, currentHeads);
    Set<String> applied = applied(graph, currentHeads);

    if (!resolved.below().isEmpty()) {
      Set<String> above = graph.descendantsOrSelf(resolved.below(), true);
      List<String> appliedAbove = above.stream().filter(applied::contains).toList();
      if (!appliedAbove.isEmpty()) {
        throw wrongWay(
            "'"
                + target.text()
                + "' is below the current heads "
                + graph.describeAll(sorted(currentHeads))
                + ": an upgrade cannot remove "
                + graph.describeAll(appliedAbove)
                + ".",
            "Run `schemagate downgrade " + target.text() + "` to remove them.");
      }
    }
    for (String id : resolved.revisions()) {
      if (applied.contains(id) && graph.children(id).stream().anyMatch(applied::contains)) {
        throw wrongWay(
            "Revision "
                + graph.describe(id)
                + " is older than the current heads "
                + graph.describeAll(sorted(currentHeads))
                + "; an upgrade only moves forward.",
            "Run `schemagate downgrade " + id + "` to go back to it.");
      }
    }

    Set<String> needed = graph.ancestorsOrSelf(resolved.revisions(), true);
    List<PlanStep> steps = new ArrayList<>();
    Set<String> heads = new TreeSet<>(currentHeads);
    for (String id : needed) {
      if (applied.contains(id)) {
        continue;
      }
      List<String> delete =
          heads.stream()
              .filter(h -> !h.equals(id) && graph.isAncestorOrSelf(h, id, false))
              .toList();
      heads.removeAll(delete);
      heads.add(id);
      steps.add(new PlanStep(graph.get(id), Direction.UP, delete, List.of(id)));
    }
    return new MigrationPlan(Direction.UP, currentHeads, steps, heads);
  }

  /**
   * Plans a downgrade.
   *
   * @param graph the revisions on disk
   * @param currentHeads the database's current heads
   * @param target target text, see {@link Target}
   * @throws RevisionGraphException {@link Kind#UNKNOWN_REVISION} when a current head is not on disk
   *     or the target names nothing; {@link Kind#WRONG_DIRECTION} for a target that is not applied
   *     or a positive relative one; any error of {@link Target#parse} and {@link Target#resolve}
   */
  public static MigrationPlan downgrade(
      RevisionGraph graph, Set<String> currentHeads, String target) {
    return downgrade(graph, currentHeads, Target.parse(target));
  }

  /** As {@link #downgrade(RevisionGraph, Set, String)}, with a parsed target. */
  public static MigrationPlan downgrade(
      RevisionGraph graph, Set<String> currentHeads, Target target) {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(target, "target");
    graph.checkCurrentHeads(currentHeads);
    if (target instanceof Target.Relative relative && relative.steps() > 0) {
      throw wrongWay(
          "'" + target.text() + "' moves up, but this is a downgrade.",
          "Run `schemagate upgrade " + target.text() + "`.");
    }
    ResolvedTarget resolved = target.resolve(graph, currentHeads);
    Set<String> applied = applied(graph, currentHeads);

    Set<String> roots = new LinkedHashSet<>(resolved.below());
    for (String id : resolved.revisions()) {
      if (!applied.contains(id)) {
        throw wrongWay(
            "Revision "
                + graph.describe(id)
                + " is not applied"
                + (currentHeads.isEmpty()
                    ? " (the database is empty)"
                    : " (current heads: " + graph.describeAll(sorted(currentHeads)) + ")")
                + ", so there is nothing to downgrade to.",
            "Run `schemagate upgrade " + id + "` to move forward to it.");
      }
      roots.addAll(graph.children(id));
    }

    Set<String> removable = graph.descendantsOrSelf(roots, true);
    List<String> order = new ArrayList<>();
    for (String id : removable) {
      if (applied.contains(id)) {
        order.add(0, id); // reverse topological: children and dependents first
      }
    }

    List<PlanStep> steps = new ArrayList<>();
    Set<String> heads = new TreeSet<>(currentHeads);
    for (String id : order) {
      if (!heads.remove(id)) {
        // Cannot happen: everything above id was removed first, so id is maximal in the applied
        // set, and a maximal applied revision is always one of the heads.
        throw new IllegalStateException("revision " + id + " is not a current head " + heads);
      }
      PlanStep step = revertHead(graph, heads, id);
      heads.addAll(step.insertHeads());
      steps.add(step);
    }
    return new MigrationPlan(Direction.DOWN, currentHeads, steps, heads);
  }

  /**
   * The downgrade of one current head, as {@link #downgrade} would plan it: the head goes, and its
   * prerequisites come back unless a remaining head already covers them. Used by the reversibility
   * drill, which undoes exactly the revision it just applied.
   *
   * @param otherHeads the current heads without {@code head}
   * @param head a current head (nothing applied depends on it)
   */
  public static PlanStep revertHead(RevisionGraph graph, Set<String> otherHeads, String head) {
    Revision revision = graph.get(head);
    Set<String> prerequisites = new LinkedHashSet<>(revision.downRevisions());
    prerequisites.addAll(revision.dependsOn());
    List<String> insert =
        prerequisites.stream()
            .filter(p -> otherHeads.stream().noneMatch(h -> graph.isAncestorOrSelf(p, h, true)))
            .sorted()
            .toList();
    return new PlanStep(revision, Direction.DOWN, List.of(head), insert);
  }

  /**
   * The applied set: the current heads and every ancestor through down_revision and depends_on.
   *
   * @throws RevisionGraphException {@link Kind#UNKNOWN_REVISION} for a head not on disk
   */
  public static Set<String> applied(RevisionGraph graph, Collection<String> currentHeads) {
    graph.checkCurrentHeads(currentHeads);
    return graph.ancestorsOrSelf(currentHeads, true);
  }

  private static List<String> sorted(Collection<String> ids) {
    return ids.stream().sorted().toList();
  }

  private static RevisionGraphException wrongWay(String message, String nextStep) {
    return new RevisionGraphException(Kind.WRONG_DIRECTION, List.of(), message, nextStep);
  }
}

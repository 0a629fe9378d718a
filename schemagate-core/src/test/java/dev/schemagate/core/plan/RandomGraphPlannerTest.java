package dev.schemagate.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.revision.Revision;
import dev.schemagate.core.revision.RevisionGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Property checks over random small DAGs (fixed seeds, so failures reproduce): whatever the shape,
 * plans apply each revision once, respect edges, and their head changes replay exactly.
 */
class RandomGraphPlannerTest {

  private static final int GRAPHS = 300;

  /** Revisions r00..rNN; each picks 0-2 earlier parents and sometimes an earlier dependency. */
  private static RevisionGraph randomGraph(Random random) {
    int size = 1 + random.nextInt(9);
    List<Revision> revisions = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String id = String.format("r%02d", i);
      Set<String> parents = new TreeSet<>();
      Set<String> deps = new TreeSet<>();
      if (i > 0 && random.nextInt(5) > 0) {
        int count = 1 + (random.nextInt(4) == 0 ? 1 : 0);
        for (int p = 0; p < count; p++) {
          parents.add(String.format("r%02d", random.nextInt(i)));
        }
      }
      if (i > 0 && random.nextInt(4) == 0) {
        String dep = String.format("r%02d", random.nextInt(i));
        if (!parents.contains(dep)) {
          deps.add(dep);
        }
      }
      revisions.add(
          new Revision(
              id,
              List.copyOf(parents),
              Set.of(),
              List.copyOf(deps),
              "",
              Path.of("versions", id + ".sql")));
    }
    Collections.shuffle(revisions, random);
    return RevisionGraph.of(revisions);
  }

  /** Replays a plan's head changes, checking each delete hits a present head. */
  private static Set<String> replay(MigrationPlan plan) {
    Set<String> heads = new HashSet<>(plan.headsBefore());
    for (PlanStep step : plan.steps()) {
      assertThat(heads).containsAll(step.deleteHeads());
      heads.removeAll(step.deleteHeads());
      assertThat(Collections.disjoint(heads, step.insertHeads()))
          .as("insert %s into %s", step.insertHeads(), heads)
          .isTrue();
      heads.addAll(step.insertHeads());
    }
    assertThat(heads).isEqualTo(plan.headsAfter());
    return heads;
  }

  /** Checks that after every step the heads describe exactly what has been applied so far. */
  private static void assertHeadsTrackApplied(RevisionGraph g, MigrationPlan plan) {
    Set<String> applied = new HashSet<>(Planner.applied(g, plan.headsBefore()));
    Set<String> heads = new HashSet<>(plan.headsBefore());
    for (PlanStep step : plan.steps()) {
      String id = step.revision().id();
      if (step.direction() == Direction.UP) {
        assertThat(applied).doesNotContain(id).containsAll(g.ancestors(id, true));
        applied.add(id);
      } else {
        assertThat(applied).contains(id);
        applied.remove(id);
        for (String other : applied) {
          assertThat(g.ancestors(other, true))
              .as("%s still needs %s", other, id)
              .doesNotContain(id);
        }
      }
      heads.removeAll(step.deleteHeads());
      heads.addAll(step.insertHeads());
      assertThat(Planner.applied(g, heads)).isEqualTo(applied);
    }
  }

  @Test
  void upgradeHeadsThenDowngradeBaseRunsEachRevisionOnceEachWayAndEndsEmpty() {
    Random random = new Random(20240611L);
    for (int n = 0; n < GRAPHS; n++) {
      RevisionGraph g = randomGraph(random);

      MigrationPlan up = Planner.upgrade(g, Set.of(), "heads");
      List<String> upIds = up.steps().stream().map(s -> s.revision().id()).toList();
      assertThat(upIds).as("graph %s", g).doesNotHaveDuplicates().hasSize(g.size());
      assertThat(replay(up)).isEqualTo(new HashSet<>(g.heads()));
      assertHeadsTrackApplied(g, up);

      MigrationPlan down = Planner.downgrade(g, up.headsAfter(), "base");
      List<String> downIds = down.steps().stream().map(s -> s.revision().id()).toList();
      assertThat(downIds).as("graph %s", g).doesNotHaveDuplicates().hasSize(g.size());
      assertThat(replay(down)).isEmpty();
      assertHeadsTrackApplied(g, down);
    }
  }

  @Test
  void upgradeToAnyRevisionThenDowngradeToAnyAppliedOneKeepsHeadsConsistent() {
    Random random = new Random(99L);
    for (int n = 0; n < GRAPHS; n++) {
      RevisionGraph g = randomGraph(random);
      List<Revision> all = g.revisions();
      String upTo = all.get(random.nextInt(all.size())).id();

      MigrationPlan up = Planner.upgrade(g, Set.of(), upTo);
      assertHeadsTrackApplied(g, up);
      assertThat(Planner.applied(g, up.headsAfter()))
          .isEqualTo(g.ancestorsOrSelf(List.of(upTo), true));

      List<String> applied = new ArrayList<>(Planner.applied(g, up.headsAfter()));
      String downTo = applied.get(random.nextInt(applied.size()));
      MigrationPlan down = Planner.downgrade(g, up.headsAfter(), downTo);
      replay(down);
      assertHeadsTrackApplied(g, down);
      assertThat(Planner.applied(g, down.headsAfter())).contains(downTo);
      assertThat(
              Collections.disjoint(
                  Planner.applied(g, down.headsAfter()), g.descendants(downTo, false)))
          .isTrue();

      MigrationPlan again = Planner.upgrade(g, down.headsAfter(), "heads");
      assertHeadsTrackApplied(g, again);
      assertThat(replay(again)).isEqualTo(new HashSet<>(g.heads()));
    }
  }
}

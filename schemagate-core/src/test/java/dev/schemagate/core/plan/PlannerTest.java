package dev.schemagate.core.plan;

import static dev.schemagate.core.revision.RevisionFixtures.dependent;
import static dev.schemagate.core.revision.RevisionFixtures.fileName;
import static dev.schemagate.core.revision.RevisionFixtures.graph;
import static dev.schemagate.core.revision.RevisionFixtures.labelled;
import static dev.schemagate.core.revision.RevisionFixtures.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.schemagate.core.revision.RevisionGraph;
import dev.schemagate.core.revision.RevisionGraphException;
import dev.schemagate.core.revision.RevisionGraphException.Kind;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private static RevisionGraphException failure(Runnable action) {
    return catchThrowableOfType(action::run, RevisionGraphException.class);
  }

  /** Each step as "UP b -[a] +[b]", so head changes are visible in one assertion. */
  private static List<String> describe(MigrationPlan plan) {
    return plan.steps().stream()
        .map(
            s ->
                s.direction()
                    + " "
                    + s.revision().id()
                    + " -"
                    + s.deleteHeads()
                    + " +"
                    + s.insertHeads())
        .collect(Collectors.toList());
  }

  private static Set<String> heads(String... ids) {
    return Set.of(ids);
  }

  private final RevisionGraph linear = graph(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "c"));

  // a -> b1 -> c1 [pay]
  //   -> b2 [ship]
  //   merged later in `diamond` by m(c1, b2)
  private final RevisionGraph forked =
      graph(rev("a"), rev("b1", "a"), labelled("c1", "pay", "b1"), labelled("b2", "ship", "a"));

  private final RevisionGraph diamond =
      graph(rev("a"), rev("b1", "a"), rev("c1", "b1"), rev("b2", "a"), rev("m", "c1", "b2"));

  @Nested
  class Upgrade {
    @Test
    void linearFromEmptyToHeadRunsEveryRevisionMovingTheHeadEachStep() {
      MigrationPlan plan = Planner.upgrade(linear, heads(), "head");

      assertThat(plan.direction()).isEqualTo(Direction.UP);
      assertThat(describe(plan))
          .containsExactly("UP a -[] +[a]", "UP b -[a] +[b]", "UP c -[b] +[c]", "UP d -[c] +[d]");
      assertThat(plan.headsBefore()).isEmpty();
      assertThat(plan.headsAfter()).containsExactly("d");
    }

    @Test
    void upgradeToAnIntermediateRevisionStopsThere() {
      MigrationPlan plan = Planner.upgrade(linear, heads("a"), "c");

      assertThat(describe(plan)).containsExactly("UP b -[a] +[b]", "UP c -[b] +[c]");
      assertThat(plan.headsAfter()).containsExactly("c");
    }

    @Test
    void upgradeToTheCurrentHeadIsAnEmptyPlan() {
      MigrationPlan plan = Planner.upgrade(linear, heads("d"), "head");

      assertThat(plan.isEmpty()).isTrue();
      assertThat(plan.headsBefore()).containsExactly("d");
      assertThat(plan.headsAfter()).containsExactly("d");
    }

    @Test
    void upgradeToAnOlderRevisionSaysToDowngrade() {
      RevisionGraphException e = failure(() -> Planner.upgrade(linear, heads("d"), "b"));

      assertThat(e.kind()).isEqualTo(Kind.WRONG_DIRECTION);
      assertThat(e.getMessage()).contains("b (" + fileName("b") + ")").contains("older");
      assertThat(e.nextStep()).contains("schemagate downgrade b");
    }

    @Test
    void upgradeWithANegativeStepSaysToDowngrade() {
      RevisionGraphException e = failure(() -> Planner.upgrade(linear, heads("d"), "-1"));

      assertThat(e.kind()).isEqualTo(Kind.WRONG_DIRECTION);
      assertThat(e.nextStep()).contains("schemagate downgrade -1");
    }

    @Test
    void upgradeToBaseWithNothingAppliedIsEmptyAndWithSomethingAppliedIsWrongDirection() {
      assertThat(Planner.upgrade(linear, heads(), "base").isEmpty()).isTrue();
      assertThat(failure(() -> Planner.upgrade(linear, heads("a"), "base")).kind())
          .isEqualTo(Kind.WRONG_DIRECTION);
    }

    @Test
    void relativeUpgradeMovesThatManySteps() {
      assertThat(describe(Planner.upgrade(linear, heads("a"), "+2")))
          .containsExactly("UP b -[a] +[b]", "UP c -[b] +[c]");
    }

    @Test
    void upgradeHeadsOnAForkEndsWithOneHeadPerBranch() {
      MigrationPlan plan = Planner.upgrade(forked, heads(), "heads");

      assertThat(describe(plan))
          .containsExactly(
              "UP a -[] +[a]", "UP b1 -[a] +[b1]", "UP b2 -[] +[b2]", "UP c1 -[b1] +[c1]");
      assertThat(plan.headsAfter()).containsExactlyInAnyOrder("c1", "b2");
    }

    @Test
    void upgradeOneBranchLeavesTheOtherAlone() {
      MigrationPlan plan = Planner.upgrade(forked, heads("a"), "ship@head");

      assertThat(describe(plan)).containsExactly("UP b2 -[a] +[b2]");
      MigrationPlan other = Planner.upgrade(forked, heads("b2"), "pay@head");
      assertThat(describe(other)).containsExactly("UP b1 -[] +[b1]", "UP c1 -[b1] +[c1]");
      assertThat(other.headsAfter()).containsExactlyInAnyOrder("b2", "c1");
    }

    @Test
    void headWithSeveralHeadsIsMultipleHeads() {
      RevisionGraphException e = failure(() -> Planner.upgrade(forked, heads(), "head"));

      assertThat(e.kind()).isEqualTo(Kind.MULTIPLE_HEADS);
      assertThat(e.getMessage()).contains(fileName("c1")).contains(fileName("b2"));
    }

    @Test
    void mergeStepDeletesBothParentHeads() {
      MigrationPlan plan = Planner.upgrade(diamond, heads("c1", "b2"), "head");

      assertThat(describe(plan)).containsExactly("UP m -[b2, c1] +[m]");
      assertThat(plan.headsAfter()).containsExactly("m");
    }

    @Test
    void mergeFromOneBranchRunsTheOtherBranchFirst() {
      MigrationPlan plan = Planner.upgrade(diamond, heads("b2"), "head");

      assertThat(describe(plan))
          .containsExactly("UP b1 -[] +[b1]", "UP c1 -[b1] +[c1]", "UP m -[b2, c1] +[m]");
    }

    @Test
    void dependsOnPullsTheDependencyInButItStaysAHead() {
      RevisionGraph g =
          graph(rev("a"), rev("x"), rev("y", "x"), dependent("b", List.of("a"), List.of("x")));

      MigrationPlan plan = Planner.upgrade(g, heads("a"), "b");

      assertThat(describe(plan)).containsExactly("UP x -[] +[x]", "UP b -[a] +[b]");
      assertThat(plan.headsAfter()).containsExactlyInAnyOrder("b", "x");
    }

    @Test
    void unknownCurrentHeadSaysTheDatabaseIsAtARevisionTheFilesLack() {
      RevisionGraphException e = failure(() -> Planner.upgrade(linear, heads("zz9"), "head"));

      assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_REVISION);
      assertThat(e.getMessage()).contains("database is at revision zz9");
      assertThat(e.nextStep()).contains("zz9");
    }
  }

  @Nested
  class Downgrade {
    @Test
    void linearDowngradeRemovesChildrenFirstAndMovesTheHeadBack() {
      MigrationPlan plan = Planner.downgrade(linear, heads("d"), "b");

      assertThat(plan.direction()).isEqualTo(Direction.DOWN);
      assertThat(describe(plan)).containsExactly("DOWN d -[d] +[c]", "DOWN c -[c] +[b]");
      assertThat(plan.headsAfter()).containsExactly("b");
    }

    @Test
    void downgradeToBaseRemovesEverything() {
      MigrationPlan plan = Planner.downgrade(linear, heads("c"), "base");

      assertThat(describe(plan))
          .containsExactly("DOWN c -[c] +[b]", "DOWN b -[b] +[a]", "DOWN a -[a] +[]");
      assertThat(plan.headsAfter()).isEmpty();
    }

    @Test
    void minusOneUndoesTheLastRevision() {
      assertThat(describe(Planner.downgrade(linear, heads("c"), "-1")))
          .containsExactly("DOWN c -[c] +[b]");
      assertThat(describe(Planner.downgrade(linear, heads("a"), "-1")))
          .containsExactly("DOWN a -[a] +[]");
    }

    @Test
    void downgradeToTheCurrentHeadIsEmpty() {
      assertThat(Planner.downgrade(linear, heads("c"), "c").isEmpty()).isTrue();
      assertThat(Planner.downgrade(linear, heads(), "base").isEmpty()).isTrue();
    }

    @Test
    void downgradeToARevisionNotAppliedSaysToUpgrade() {
      RevisionGraphException e = failure(() -> Planner.downgrade(linear, heads("b"), "d"));

      assertThat(e.kind()).isEqualTo(Kind.WRONG_DIRECTION);
      assertThat(e.getMessage()).contains("d (" + fileName("d") + ") is not applied");
      assertThat(e.nextStep()).contains("schemagate upgrade d");
    }

    @Test
    void downgradeWithAPositiveStepSaysToUpgrade() {
      assertThat(failure(() -> Planner.downgrade(linear, heads("b"), "+1")).nextStep())
          .contains("schemagate upgrade +1");
    }

    @Test
    void downgradeToOneHeadLeavesTheOtherBranchApplied() {
      MigrationPlan plan = Planner.downgrade(forked, heads("c1", "b2"), "b1");

      assertThat(describe(plan)).containsExactly("DOWN c1 -[c1] +[b1]");
      assertThat(plan.headsAfter()).containsExactlyInAnyOrder("b1", "b2");
    }

    @Test
    void downgradeToTheBranchPointRemovesBothBranchesAndRestoresItOnce() {
      MigrationPlan plan = Planner.downgrade(forked, heads("c1", "b2"), "a");

      assertThat(describe(plan))
          .containsExactly("DOWN c1 -[c1] +[b1]", "DOWN b2 -[b2] +[]", "DOWN b1 -[b1] +[a]");
      assertThat(plan.headsAfter()).containsExactly("a");
    }

    @Test
    void labelAtBaseRemovesOnlyThatBranch() {
      MigrationPlan plan = Planner.downgrade(forked, heads("c1", "b2"), "pay@base");

      assertThat(describe(plan)).containsExactly("DOWN c1 -[c1] +[b1]", "DOWN b1 -[b1] +[]");
      assertThat(plan.headsAfter()).containsExactly("b2");
    }

    @Test
    void labelMinusStepsDownOneBranchOnly() {
      assertThat(describe(Planner.downgrade(forked, heads("c1", "b2"), "pay@-1")))
          .containsExactly("DOWN c1 -[c1] +[b1]");
      assertThat(describe(Planner.downgrade(forked, heads("c1", "b2"), "pay@-2")))
          .containsExactly("DOWN c1 -[c1] +[b1]", "DOWN b1 -[b1] +[]");
    }

    @Test
    void minusWithSeveralCurrentHeadsIsAmbiguous() {
      RevisionGraphException e = failure(() -> Planner.downgrade(forked, heads("c1", "b2"), "-1"));

      assertThat(e.kind()).isEqualTo(Kind.MULTIPLE_HEADS);
      assertThat(e.getMessage()).contains(fileName("c1")).contains(fileName("b2"));
    }

    @Test
    void undoingAMergeRestoresBothParentsAsHeads() {
      MigrationPlan plan = Planner.downgrade(diamond, heads("m"), "c1");

      assertThat(describe(plan)).containsExactly("DOWN m -[m] +[b2, c1]");
      assertThat(plan.headsAfter()).containsExactlyInAnyOrder("b2", "c1");
    }

    @Test
    void minusOneFromAMergeUndoesTheMergeOnly() {
      MigrationPlan plan = Planner.downgrade(diamond, heads("m"), "-1");

      assertThat(describe(plan)).containsExactly("DOWN m -[m] +[b2, c1]");
      RevisionGraphException e = failure(() -> Planner.downgrade(diamond, heads("m"), "-2"));
      assertThat(e.kind()).isEqualTo(Kind.RELATIVE_OUT_OF_RANGE);
      assertThat(e.getMessage()).contains("merge");
    }

    @Test
    void downgradeToOneSideOfAMergeKeepsTheOtherSide() {
      MigrationPlan plan = Planner.downgrade(diamond, heads("m"), "b1");

      assertThat(describe(plan)).containsExactly("DOWN m -[m] +[b2, c1]", "DOWN c1 -[c1] +[b1]");
      assertThat(plan.headsAfter()).containsExactlyInAnyOrder("b1", "b2");
    }

    @Test
    void removingADependencyRemovesItsDependentsFirst() {
      RevisionGraph g =
          graph(rev("a"), rev("x"), rev("y", "x"), dependent("b", List.of("a"), List.of("y")));

      MigrationPlan plan = Planner.downgrade(g, heads("b", "y"), "x");

      assertThat(describe(plan)).containsExactly("DOWN b -[b] +[a]", "DOWN y -[y] +[x]");
      assertThat(plan.headsAfter()).containsExactlyInAnyOrder("a", "x");
    }

    @Test
    void dependencyCoveredOnlyByTheRemovedRevisionBecomesAHeadAgain() {
      // The database says only {b}: b's dependency x is applied through depends_on alone.
      RevisionGraph g = graph(rev("a"), rev("x"), dependent("b", List.of("a"), List.of("x")));

      MigrationPlan plan = Planner.downgrade(g, heads("b"), "a");

      assertThat(describe(plan)).containsExactly("DOWN b -[b] +[a, x]");
      assertThat(plan.headsAfter()).containsExactlyInAnyOrder("a", "x");
    }

    @Test
    void dependencyThatIsStillAHeadIsNotInsertedTwice() {
      RevisionGraph g = graph(rev("a"), rev("x"), dependent("b", List.of("a"), List.of("x")));

      MigrationPlan plan = Planner.downgrade(g, heads("b", "x"), "a");

      assertThat(describe(plan)).containsExactly("DOWN b -[b] +[a]");
      assertThat(plan.headsAfter()).containsExactlyInAnyOrder("a", "x");
    }

    @Test
    void unknownCurrentHeadIsReported() {
      RevisionGraphException e = failure(() -> Planner.downgrade(linear, heads("d", "q"), "a"));

      assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_REVISION);
      assertThat(e.revisions()).containsExactly("q");
    }
  }

  @Test
  void appliedSetFollowsDependsOn() {
    RevisionGraph g = graph(rev("a"), rev("x"), dependent("b", List.of("a"), List.of("x")));

    assertThat(Planner.applied(g, heads("b"))).containsExactlyInAnyOrder("a", "x", "b");
  }
}

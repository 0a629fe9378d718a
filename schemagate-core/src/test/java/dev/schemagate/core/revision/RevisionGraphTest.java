package dev.schemagate.core.revision;

import static dev.schemagate.core.revision.RevisionFixtures.dependent;
import static dev.schemagate.core.revision.RevisionFixtures.fileName;
import static dev.schemagate.core.revision.RevisionFixtures.graph;
import static dev.schemagate.core.revision.RevisionFixtures.ids;
import static dev.schemagate.core.revision.RevisionFixtures.labelled;
import static dev.schemagate.core.revision.RevisionFixtures.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.revision.RevisionGraphException.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RevisionGraphTest {

  private static RevisionGraphException failure(Runnable action) {
    return catchThrowableOfType(action::run, RevisionGraphException.class);
  }

  @Nested
  class Shape {
    @Test
    void linearGraphHasOneHeadOneBaseAndParentsFirst() {
      RevisionGraph g = graph(rev("c", "b"), rev("a"), rev("b", "a"));

      assertThat(ids(g.revisions())).containsExactly("a", "b", "c");
      assertThat(g.heads()).containsExactly("c");
      assertThat(g.bases()).containsExactly("a");
      assertThat(g.children("a")).containsExactly("b");
      assertThat(g.get("b").message()).isEqualTo("message b");
      assertThat(g.size()).isEqualTo(3);
    }

    @Test
    void emptyGraphHasNoHeadsOrBases() {
      RevisionGraph g = graph();

      assertThat(g.isEmpty()).isTrue();
      assertThat(g.heads()).isEmpty();
      assertThat(g.bases()).isEmpty();
    }

    @Test
    void topologicalOrderDoesNotDependOnInputOrderAndBreaksTiesById() {
      List<Revision> revisions =
          new ArrayList<>(
              List.of(
                  rev("r"),
                  rev("z1", "r"),
                  rev("b1", "r"),
                  rev("m", "z1", "b1"),
                  rev("q"),
                  dependent("d", List.of("q"), List.of("b1"))));
      List<String> expected = ids(RevisionGraph.of(revisions).revisions());
      Random random = new Random(7);
      for (int i = 0; i < 20; i++) {
        Collections.shuffle(revisions, random);
        assertThat(ids(RevisionGraph.of(revisions).revisions())).isEqualTo(expected);
      }
      assertThat(expected).containsExactly("q", "r", "b1", "d", "z1", "m");
    }

    @Test
    void branchHasTwoHeadsAndMergeJoinsThem() {
      RevisionGraph branched = graph(rev("a"), rev("b1", "a"), rev("b2", "a"));
      assertThat(branched.heads()).containsExactly("b1", "b2");
      assertThat(branched.isBranchPoint("a")).isTrue();

      RevisionGraph merged = graph(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("m", "b1", "b2"));
      assertThat(merged.heads()).containsExactly("m");
      assertThat(merged.get("m").isMerge()).isTrue();
      assertThat(merged.ancestors("m", false)).containsExactlyInAnyOrder("a", "b1", "b2");
      assertThat(merged.descendants("a", false)).containsExactly("b1", "b2", "m");
    }

    @Test
    void dependsOnOrdersButNeitherHidesAHeadNorMakesAParent() {
      RevisionGraph g =
          graph(
              rev("a"),
              rev("x"),
              dependent("b", List.of("a"), List.of("x"))); // b needs x, x stays a head

      assertThat(g.heads()).containsExactly("b", "x");
      assertThat(g.bases()).containsExactly("a", "x");
      assertThat(g.ancestors("b", false)).containsExactly("a");
      assertThat(g.ancestors("b", true)).containsExactlyInAnyOrder("a", "x");
      assertThat(g.descendants("x", false)).isEmpty();
      assertThat(g.descendants("x", true)).containsExactly("b");
      assertThat(g.dependents("x")).containsExactly("b");
      assertThat(g.children("x")).isEmpty();
    }

    @Test
    void ancestorsAndDescendantsComeInTopologicalOrder() {
      RevisionGraph g = graph(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "c"));

      assertThat(g.ancestors("d", true)).containsExactly("a", "b", "c");
      assertThat(g.descendants("a", true)).containsExactly("b", "c", "d");
      assertThat(g.ancestorsOrSelf(List.of("b"), true)).containsExactly("a", "b");
    }

    @Test
    void unknownIdInLookupIsUnknownRevision() {
      RevisionGraph g = graph(rev("a"));

      RevisionGraphException e = failure(() -> g.get("zz"));
      assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_REVISION);
      assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(e.getMessage()).contains("'zz'");
      assertThat(e.nextStep()).contains("schemagate history").contains("schemagate heads");
      assertThat(g.find("zz")).isEmpty();
    }
  }

  @Nested
  class Validation {
    @Test
    void duplicateIdNamesBothFiles() {
      Revision one = new Revision("a", List.of(), Set.of(), List.of(), "", Path.of("v/a_one.sql"));
      Revision two = new Revision("a", List.of(), Set.of(), List.of(), "", Path.of("v/a_two.sql"));

      RevisionGraphException e = failure(() -> RevisionGraph.of(List.of(two, one)));

      assertThat(e.kind()).isEqualTo(Kind.DUPLICATE_ID);
      assertThat(e.getMessage()).contains("v/a_one.sql").contains("v/a_two.sql").contains("a");
      assertThat(e.nextStep()).contains("new revision id");
      assertThat(e.revisions()).containsExactly("a");
    }

    @Test
    void missingDownRevisionNamesTheFileAndTheMissingId() {
      RevisionGraphException e = failure(() -> graph(rev("a"), rev("b", "gone")));

      assertThat(e.kind()).isEqualTo(Kind.MISSING_PARENT);
      assertThat(e.getMessage())
          .contains(fileName("b"))
          .contains("down_revision gone")
          .contains("gone");
      assertThat(e.nextStep()).contains(fileName("b")).contains("missing migration file");
      assertThat(e.revisions()).containsExactly("gone");
    }

    @Test
    void missingDependsOnIsAMissingParentToo() {
      RevisionGraphException e =
          failure(() -> graph(rev("a"), dependent("b", List.of("a"), List.of("nowhere"))));

      assertThat(e.kind()).isEqualTo(Kind.MISSING_PARENT);
      assertThat(e.getMessage()).contains(fileName("b")).contains("depends_on nowhere");
    }

    @Test
    void cycleListsEveryRevisionAndFileInIt() {
      RevisionGraphException e =
          failure(() -> graph(rev("base"), rev("a", "c"), rev("b", "a"), rev("c", "b")));

      assertThat(e.kind()).isEqualTo(Kind.CYCLE);
      assertThat(e.revisions()).containsExactlyInAnyOrder("a", "b", "c");
      assertThat(e.getMessage())
          .contains(fileName("a"))
          .contains(fileName("b"))
          .contains(fileName("c"))
          .doesNotContain(fileName("base"))
          .contains(" -> ");
      assertThat(e.nextStep()).contains("down_revision").contains(fileName("a"));
    }

    @Test
    void cycleThroughDependsOnIsFound() {
      RevisionGraphException e =
          failure(() -> graph(dependent("a", List.of(), List.of("b")), rev("b", "a")));

      assertThat(e.kind()).isEqualTo(Kind.CYCLE);
      assertThat(e.getMessage()).contains(fileName("a")).contains(fileName("b"));
    }

    @Test
    void revisionThatIsItsOwnParentIsACycle() {
      RevisionGraphException e = failure(() -> graph(rev("a", "a")));

      assertThat(e.kind()).isEqualTo(Kind.CYCLE);
      assertThat(e.getMessage()).contains("a (" + fileName("a") + ") -> a");
    }

    @Test
    void labelDeclaredTwiceNamesBothRevisionsAndFiles() {
      RevisionGraphException e =
          failure(() -> graph(rev("a"), labelled("b", "pay", "a"), labelled("c", "pay", "a")));

      assertThat(e.kind()).isEqualTo(Kind.DUPLICATE_LABEL);
      assertThat(e.getMessage()).contains("'pay'").contains(fileName("b")).contains(fileName("c"));
      assertThat(e.nextStep()).contains("Remove the label");
    }

    @Test
    void labelEqualToARevisionIdIsRejected() {
      RevisionGraphException e = failure(() -> graph(rev("a"), labelled("b", "a", "a")));

      assertThat(e.kind()).isEqualTo(Kind.DUPLICATE_LABEL);
      assertThat(e.getMessage()).contains("also a revision id").contains(fileName("b"));
    }

    @Test
    void reservedOrUnparsableLabelIsRejected() {
      for (String label : List.of("head", "base", "heads", "pay@x", "with space", "+1")) {
        RevisionGraphException e = failure(() -> graph(labelled("a", label)));
        assertThat(e.kind()).as(label).isEqualTo(Kind.INVALID_LABEL);
        assertThat(e.getMessage()).contains(fileName("a")).contains(label);
      }
    }
  }

  @Nested
  class Labels {
    // a -> b -> c (branch point) -> d1 -> e1 [pay declared on e1] -> f1
    //                            -> d2 [ship]
    private final RevisionGraph g =
        graph(
            rev("a"),
            rev("b", "a"),
            rev("c", "b"),
            rev("d1", "c"),
            labelled("e1", "pay", "d1"),
            rev("f1", "e1"),
            labelled("d2", "ship", "c"));

    @Test
    void labelCoversItsRevisionAndDescendants() {
      assertThat(g.labelsOf("e1")).containsExactly("pay");
      assertThat(g.labelsOf("f1")).containsExactly("pay");
    }

    @Test
    void labelFlowsToAncestorsUpToButNotIncludingTheBranchPoint() {
      assertThat(g.labelsOf("d1")).containsExactly("pay");
      assertThat(g.labelsOf("c")).isEmpty();
      assertThat(g.labelsOf("b")).isEmpty();
      assertThat(g.revisionsWithLabel("pay")).containsExactly("d1", "e1", "f1");
      assertThat(g.revisionsWithLabel("ship")).containsExactly("d2");
    }

    @Test
    void labelOnALinearGraphCoversEverything() {
      RevisionGraph linear = graph(rev("a"), rev("b", "a"), labelled("c", "core", "b"));

      assertThat(linear.revisionsWithLabel("core")).containsExactly("a", "b", "c");
    }

    @Test
    void labelStopsAtAMergeAndAMergeCarriesBothBranchesLabels() {
      RevisionGraph merged =
          graph(
              rev("a"),
              labelled("x", "left", "a"),
              labelled("y", "right", "a"),
              rev("m", "x", "y"),
              labelled("n", "after", "m"));

      assertThat(merged.labelsOf("m")).containsExactly("left", "right");
      assertThat(merged.labelsOf("n")).containsExactly("after", "left", "right");
      assertThat(merged.revisionsWithLabel("after")).containsExactly("n");
    }

    @Test
    void labelIsNotInheritedThroughDependsOn() {
      RevisionGraph deps =
          graph(rev("a"), labelled("b", "pay", "a"), dependent("x", List.of(), List.of("b")));

      assertThat(deps.labelsOf("x")).isEmpty();
    }

    @Test
    void labelOwnerIsTheDeclaringRevision() {
      assertThat(g.labelOwner("pay")).map(Revision::id).contains("e1");
      assertThat(g.labels()).containsExactly("pay", "ship");
    }

    @Test
    void unknownLabelIsUnknownRevision() {
      RevisionGraphException e = failure(() -> g.revisionsWithLabel("nope"));

      assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_REVISION);
      assertThat(e.getMessage()).contains("'nope'");
    }
  }

  @Nested
  class Resolve {
    private final RevisionGraph numeric =
        graph(rev("1"), rev("17", "1"), rev("17.1", "17"), rev("2.1", "17.1"));

    @Test
    void exactIdWinsOverPrefix() {
      assertThat(numeric.resolve("1").id()).isEqualTo("1");
      assertThat(numeric.resolve("17").id()).isEqualTo("17");
      assertThat(numeric.resolve("17.1").id()).isEqualTo("17.1");
    }

    @Test
    void uniquePrefixResolves() {
      assertThat(numeric.resolve("2").id()).isEqualTo("2.1");
      assertThat(numeric.resolve(" 17. ").id()).isEqualTo("17.1");
    }

    @Test
    void ambiguousPrefixListsCandidatesWithFiles() {
      RevisionGraph g = graph(rev("ab12"), rev("ab34", "ab12"), rev("cd", "ab34"));

      RevisionGraphException e = failure(() -> g.resolve("ab"));

      assertThat(e.kind()).isEqualTo(Kind.AMBIGUOUS_PREFIX);
      assertThat(e.revisions()).containsExactly("ab12", "ab34");
      assertThat(e.getMessage())
          .contains("ab12 (" + fileName("ab12") + ")")
          .contains("ab34 (" + fileName("ab34") + ")");
      assertThat(e.nextStep()).contains("more characters");
    }

    @Test
    void unknownRevisionPointsToHistoryAndHeads() {
      RevisionGraphException e = failure(() -> numeric.resolve("9"));

      assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_REVISION);
      assertThat(e.getMessage()).contains("'9'");
      assertThat(e.nextStep()).contains("`schemagate history`").contains("`schemagate heads`");
    }

    @Test
    void labelResolvesToTheRevisionDeclaringIt() {
      RevisionGraph g = graph(rev("a"), labelled("b", "pay", "a"), rev("c", "b"));

      assertThat(g.resolve("pay").id()).isEqualTo("b");
    }

    @Test
    void unknownCurrentHeadSaysTheDatabaseIsAheadOfTheFiles() {
      RevisionGraphException e = failure(() -> numeric.checkCurrentHeads(Set.of("99", "1")));

      assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_REVISION);
      assertThat(e.revisions()).containsExactly("99");
      assertThat(e.getMessage()).contains("database is at revision 99").contains("no migration");
      assertThat(e.nextStep()).contains("stamp");
    }
  }
}

package dev.schemagate.core.revision;

import static dev.schemagate.core.revision.RevisionFixtures.fileName;
import static dev.schemagate.core.revision.RevisionFixtures.graph;
import static dev.schemagate.core.revision.RevisionFixtures.labelled;
import static dev.schemagate.core.revision.RevisionFixtures.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.schemagate.core.revision.RevisionGraphException.Kind;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetTest {

  private static RevisionGraphException failure(Runnable action) {
    return catchThrowableOfType(action::run, RevisionGraphException.class);
  }

  // a -> b (branch point) -> c1 [pay] -> d1
  //                       -> c2 [ship]
  private final RevisionGraph forked =
      graph(
          rev("a"),
          rev("b", "a"),
          labelled("c1", "pay", "b"),
          rev("d1", "c1"),
          labelled("c2", "ship", "b"));

  private final RevisionGraph linear = graph(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "c"));

  private static ResolvedTarget resolve(RevisionGraph g, String text, String... currentHeads) {
    return Target.parse(text).resolve(g, Set.of(currentHeads));
  }

  @Nested
  class Parsing {
    static Stream<Arguments> forms() {
      return Stream.of(
          Arguments.of("head", new Target.Head()),
          Arguments.of(" heads ", new Target.Heads()),
          Arguments.of("base", new Target.Base()),
          Arguments.of("3f2a", new Target.Ref("3f2a")),
          Arguments.of("17.1", new Target.Ref("17.1")),
          Arguments.of("+2", new Target.FromCurrentHead(2)),
          Arguments.of("-1", new Target.FromCurrentHead(-1)),
          Arguments.of("3f2a+2", new Target.FromRevision("3f2a+2", "3f2a", 2)),
          Arguments.of("17.1-1", new Target.FromRevision("17.1-1", "17.1", -1)),
          Arguments.of("pay@head", new Target.BranchHead("pay")),
          Arguments.of("pay@base", new Target.BranchBase("pay")),
          Arguments.of("pay@+1", new Target.AlongBranch("pay", 1)),
          Arguments.of("pay@-2", new Target.AlongBranch("pay", -2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyFormParses(String text, Target expected) {
      assertThat(Target.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(
        strings = {
          "",
          "  ",
          "@head",
          "pay@",
          "pay@tip",
          "head@head",
          "a b",
          "+x",
          "head++",
          "a@+x"
        })
    void garbageIsBadTargetListingTheForms(String text) {
      RevisionGraphException e = failure(() -> Target.parse(text));

      assertThat(e.kind()).isEqualTo(Kind.BAD_TARGET);
      assertThat(e.getMessage()).contains("is not a target");
      assertThat(e.nextStep()).contains("head, heads, base").contains("<label>@head");
    }

    @Test
    void hugeStepCountIsBadTarget() {
      assertThat(failure(() -> Target.parse("+99999999999")).kind()).isEqualTo(Kind.BAD_TARGET);
    }

    @Test
    void textRoundTrips() {
      for (String text : new String[] {"head", "heads", "base", "+2", "-1", "x@head", "x@-3"}) {
        assertThat(Target.parse(text).text()).isEqualTo(text);
      }
    }
  }

  @Nested
  class Heads {
    @Test
    void headIsTheSingleHead() {
      assertThat(resolve(linear, "head").revisions()).containsExactly("d");
    }

    @Test
    void headWithSeveralHeadsListsEveryHeadWithItsFileAndTheWayOut() {
      RevisionGraphException e = failure(() -> resolve(forked, "head"));

      assertThat(e.kind()).isEqualTo(Kind.MULTIPLE_HEADS);
      assertThat(e.revisions()).containsExactly("c2", "d1");
      assertThat(e.getMessage())
          .contains("c2 (" + fileName("c2") + ")")
          .contains("d1 (" + fileName("d1") + ")");
      assertThat(e.nextStep())
          .contains("`heads`")
          .contains("revision id")
          .contains("`<label>@head`")
          .contains("pay, ship");
    }

    @Test
    void headsIsEveryHead() {
      assertThat(resolve(forked, "heads").revisions()).containsExactly("c2", "d1");
    }

    @Test
    void labelAtHeadIsTheHeadCarryingTheLabel() {
      assertThat(resolve(forked, "pay@head").revisions()).containsExactly("d1");
      assertThat(resolve(forked, "ship@head").revisions()).containsExactly("c2");
    }

    @Test
    void revisionAtHeadIsTheHeadAboveTheRevision() {
      assertThat(resolve(forked, "c1@head").revisions()).containsExactly("d1");
      assertThat(failure(() -> resolve(forked, "a@head")).kind()).isEqualTo(Kind.MULTIPLE_HEADS);
    }

    @Test
    void unknownLabelAtHeadIsUnknownRevision() {
      assertThat(failure(() -> resolve(forked, "nope@head")).kind())
          .isEqualTo(Kind.UNKNOWN_REVISION);
      assertThat(failure(() -> resolve(forked, "nope@base")).kind())
          .isEqualTo(Kind.UNKNOWN_REVISION);
    }
  }

  @Nested
  class Bases {
    @Test
    void baseIsBelowEveryBase() {
      ResolvedTarget r = resolve(graph(rev("a"), rev("x"), rev("b", "a")), "base");

      assertThat(r.revisions()).isEmpty();
      assertThat(r.below()).containsExactly("a", "x");
    }

    @Test
    void labelAtBaseIsBelowTheFirstLabelledRevision() {
      assertThat(resolve(forked, "pay@base").below()).containsExactly("c1");
      assertThat(resolve(linear, "a@head").revisions()).containsExactly("d");
    }
  }

  @Nested
  class Revisions {
    private final RevisionGraph numeric =
        graph(rev("1"), rev("2", "1"), rev("2.1", "2"), rev("17", "2.1"), rev("17.1", "17"));

    @Test
    void exactNumericIdWinsOverPrefix() {
      assertThat(resolve(numeric, "1").revisions()).containsExactly("1");
      assertThat(resolve(numeric, "2").revisions()).containsExactly("2");
      assertThat(resolve(numeric, "17").revisions()).containsExactly("17");
    }

    @Test
    void idThatLooksRelativeIsTakenAsTheId() {
      RevisionGraph dashed = graph(rev("1"), rev("1-1", "1"), rev("2", "1-1"));

      assertThat(resolve(dashed, "1-1").revisions()).containsExactly("1-1");
      assertThat(resolve(dashed, "2-1").revisions()).containsExactly("1-1");
    }

    @Test
    void unknownRevisionIsUnknownRevision() {
      RevisionGraphException e = failure(() -> resolve(numeric, "99"));

      assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_REVISION);
      assertThat(e.nextStep()).contains("schemagate history");
    }
  }

  @Nested
  class Relative {
    @Test
    void plusAndMinusCountFromTheCurrentHead() {
      assertThat(resolve(linear, "+2", "a").revisions()).containsExactly("c");
      assertThat(resolve(linear, "-1", "c").revisions()).containsExactly("b");
    }

    @Test
    void plusFromAnEmptyDatabaseStartsAtTheBase() {
      assertThat(resolve(linear, "+1").revisions()).containsExactly("a");
      assertThat(resolve(linear, "+3").revisions()).containsExactly("c");
    }

    @Test
    void minusPastTheRootIsBelowTheRoot() {
      ResolvedTarget r = resolve(linear, "-2", "b");

      assertThat(r.revisions()).isEmpty();
      assertThat(r.below()).containsExactly("a");
    }

    @Test
    void minusFurtherThanBelowTheRootIsOutOfRange() {
      RevisionGraphException e = failure(() -> resolve(linear, "-3", "b"));

      assertThat(e.kind()).isEqualTo(Kind.RELATIVE_OUT_OF_RANGE);
      assertThat(e.getMessage()).contains("'-3'").contains("below the base");
    }

    @Test
    void minusFromAnEmptyDatabaseIsOutOfRange() {
      RevisionGraphException e = failure(() -> resolve(linear, "-1"));

      assertThat(e.kind()).isEqualTo(Kind.RELATIVE_OUT_OF_RANGE);
      assertThat(e.getMessage()).contains("nothing is applied");
    }

    @Test
    void plusPastTheHeadIsOutOfRange() {
      RevisionGraphException e = failure(() -> resolve(linear, "+2", "c"));

      assertThat(e.kind()).isEqualTo(Kind.RELATIVE_OUT_OF_RANGE);
      assertThat(e.getMessage()).contains("d (" + fileName("d") + ") has nothing above it");
    }

    @Test
    void plusOverABranchPointIsAmbiguous() {
      RevisionGraphException e = failure(() -> resolve(forked, "+1", "b"));

      assertThat(e.kind()).isEqualTo(Kind.RELATIVE_OUT_OF_RANGE);
      assertThat(e.getMessage())
          .contains("forks")
          .contains(fileName("c1"))
          .contains(fileName("c2"));
      assertThat(e.nextStep()).contains("<label>@+N");
    }

    @Test
    void minusOverAMergeIsAmbiguous() {
      RevisionGraph merged = graph(rev("a"), rev("x", "a"), rev("y", "a"), rev("m", "x", "y"));

      // -1 only undoes the merge itself; going past it must pick a side.
      RevisionGraphException e = failure(() -> resolve(merged, "-2", "m"));

      assertThat(e.kind()).isEqualTo(Kind.RELATIVE_OUT_OF_RANGE);
      assertThat(e.getMessage()).contains("merge").contains(fileName("m"));
    }

    @Test
    void relativeWithSeveralCurrentHeadsIsAmbiguous() {
      RevisionGraphException e = failure(() -> resolve(forked, "+1", "c1", "c2"));

      assertThat(e.kind()).isEqualTo(Kind.MULTIPLE_HEADS);
      assertThat(e.getMessage()).contains(fileName("c1")).contains(fileName("c2"));
      assertThat(e.nextStep()).contains("`<rev>+1`").contains("`<label>@+1`");
    }

    @Test
    void revisionPlusAndMinusCountFromTheRevision() {
      assertThat(resolve(linear, "a+2").revisions()).containsExactly("c");
      assertThat(resolve(linear, "d-3").revisions()).containsExactly("a");
      assertThat(resolve(linear, "b-2").below()).containsExactly("a");
    }

    @Test
    void labelPlusFollowsTheLabelledBranchOverTheFork() {
      assertThat(resolve(forked, "pay@+1", "b").revisions()).containsExactly("c1");
      assertThat(resolve(forked, "pay@+2", "b").revisions()).containsExactly("d1");
      assertThat(resolve(forked, "pay@+1", "c1", "c2").revisions()).containsExactly("d1");
    }

    @Test
    void labelMinusPastTheBranchStartIsBelowIt() {
      ResolvedTarget r = resolve(forked, "pay@-2", "d1", "c2");

      assertThat(r.below()).containsExactly("c1");
    }

    @Test
    void unknownCurrentHeadIsReported() {
      RevisionGraphException e = failure(() -> resolve(linear, "+1", "zz"));

      assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_REVISION);
      assertThat(e.getMessage()).contains("database is at revision zz");
    }
  }
}

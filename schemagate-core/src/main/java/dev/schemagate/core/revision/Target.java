package dev.schemagate.core.revision;

import dev.schemagate.core.revision.RevisionGraphException.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the user asked to move to, as typed on the command line. {@link #parse} checks syntax only;
 * {@link #resolve} looks the target up in a graph against the database's current heads.
 *
 * <table>
 *   <caption>Forms</caption>
 *   <tr><td>{@code head}</td><td>the single head; an error when there are several</td></tr>
 *   <tr><td>{@code heads}</td><td>every head</td></tr>
 *   <tr><td>{@code base}</td><td>below every revision (nothing applied)</td></tr>
 *   <tr><td>{@code 3f2a}, {@code 17.1}, {@code payments}</td><td>an exact id, else a branch label
 *       (its declaring revision), else a unique id prefix</td></tr>
 *   <tr><td>{@code +2}, {@code -1}</td><td>steps from the single current head</td></tr>
 *   <tr><td>{@code 3f2a+2}, {@code 17.1-1}</td><td>steps from a revision</td></tr>
 *   <tr><td>{@code payments@head}</td><td>the head carrying the label (or descending from the
 *       revision)</td></tr>
 *   <tr><td>{@code payments@base}</td><td>below the first revision carrying the label</td></tr>
 *   <tr><td>{@code payments@+1}, {@code payments@-2}</td><td>steps along the labelled branch from
 *       its current head</td></tr>
 * </table>
 *
 * <p>Steps go through down_revision edges only. Going up, a step over a branch point is ambiguous
 * (use a label or a revision); going down, a step over a merge is ambiguous; one step below a root
 * (or below a label's first revision) means "nothing of it applied". Trap: ids on linear layouts
 * look like numbers ({@code 1}, {@code 2.1}, even {@code 1-1}); an exact id or label always wins
 * over every other reading of the text, so {@code 1} is never the prefix of {@code 17}.
 */
public sealed interface Target
    permits Target.Head,
        Target.Heads,
        Target.Base,
        Target.Ref,
        Target.BranchHead,
        Target.BranchBase,
        Target.Relative {

  /** The text as the user gave it (stripped). */
  String text();

  /**
   * Looks the target up.
   *
   * @param graph the revisions on disk
   * @param currentHeads the database's current heads (needed by relative forms); every one must be
   *     in the graph
   * @throws RevisionGraphException {@link Kind#UNKNOWN_REVISION}, {@link Kind#AMBIGUOUS_PREFIX},
   *     {@link Kind#MULTIPLE_HEADS} or {@link Kind#RELATIVE_OUT_OF_RANGE}
   */
  ResolvedTarget resolve(RevisionGraph graph, Set<String> currentHeads);

  /**
   * Parses a target; syntax only, no graph needed.
   *
   * @throws RevisionGraphException {@link Kind#BAD_TARGET} for text no form matches
   */
  static Target parse(String text) {
    return TargetSyntax.parse(text);
  }

  /** {@code head}: the only head. */
  record Head() implements Target {
    @Override
    public String text() {
      return "head";
    }

    @Override
    public ResolvedTarget resolve(RevisionGraph graph, Set<String> currentHeads) {
      List<String> heads = graph.heads();
      if (heads.size() > 1) {
        throw TargetSyntax.multipleHeads(graph, heads, "'head'");
      }
      return ResolvedTarget.at(this, Set.copyOf(heads));
    }
  }

  /** {@code heads}: every head. */
  record Heads() implements Target {
    @Override
    public String text() {
      return "heads";
    }

    @Override
    public ResolvedTarget resolve(RevisionGraph graph, Set<String> currentHeads) {
      return ResolvedTarget.at(this, new LinkedHashSet<>(graph.heads()));
    }
  }

  /** {@code base}: below every base revision. */
  record Base() implements Target {
    @Override
    public String text() {
      return "base";
    }

    @Override
    public ResolvedTarget resolve(RevisionGraph graph, Set<String> currentHeads) {
      return ResolvedTarget.beneath(this, graph.inTopologicalOrder(graph.bases()));
    }
  }

  /**
   * A revision: exact id, branch label (the revision declaring it) or unique id prefix.
   *
   * @param text the id, label or prefix
   */
  record Ref(String text) implements Target {
    @Override
    public ResolvedTarget resolve(RevisionGraph graph, Set<String> currentHeads) {
      return ResolvedTarget.at(this, Set.of(graph.resolve(text).id()));
    }
  }

  /**
   * {@code <label>@head} or {@code <rev>@head}: the one head carrying the label, or descending from
   * the revision.
   *
   * @param branch a branch label, else a revision id or prefix
   */
  record BranchHead(String branch) implements Target {
    @Override
    public String text() {
      return branch + "@head";
    }

    @Override
    public ResolvedTarget resolve(RevisionGraph graph, Set<String> currentHeads) {
      Collection<String> members =
          graph.labels().contains(branch)
              ? graph.revisionsWithLabel(branch)
              : graph.descendantsOrSelf(List.of(graph.resolve(branch).id()), false);
      List<String> heads = graph.heads().stream().filter(members::contains).toList();
      if (heads.size() > 1) {
        throw TargetSyntax.multipleHeads(graph, heads, "'" + text() + "'");
      }
      return ResolvedTarget.at(this, Set.copyOf(heads));
    }
  }

  /**
   * {@code <label>@base}: below the first revision(s) of the labelled branch. A downgrade to it
   * removes every applied revision carrying the label, and what depends on them.
   *
   * @param label a declared branch label
   */
  record BranchBase(String label) implements Target {
    @Override
    public String text() {
      return label + "@base";
    }

    @Override
    public ResolvedTarget resolve(RevisionGraph graph, Set<String> currentHeads) {
      Set<String> members = graph.revisionsWithLabel(label);
      Set<String> firsts = new LinkedHashSet<>();
      for (String id : members) {
        if (graph.get(id).downRevisions().stream().noneMatch(members::contains)) {
          firsts.add(id);
        }
      }
      return ResolvedTarget.beneath(this, firsts);
    }
  }

  /** A move of {@link #steps()} along down_revision edges; negative goes down. */
  sealed interface Relative extends Target permits FromCurrentHead, FromRevision, AlongBranch {
    /** Signed number of steps; negative goes towards the bases. */
    int steps();
  }

  /**
   * {@code +N} / {@code -N}: from the single current head; {@code +N} from an empty database starts
   * at the single base.
   *
   * @param steps signed steps
   */
  record FromCurrentHead(int steps) implements Relative {
    @Override
    public String text() {
      return (steps >= 0 ? "+" : "") + steps;
    }

    @Override
    public ResolvedTarget resolve(RevisionGraph graph, Set<String> currentHeads) {
      graph.checkCurrentHeads(currentHeads);
      if (currentHeads.size() > 1) {
        List<String> sorted = currentHeads.stream().sorted().toList();
        throw new RevisionGraphException(
            Kind.MULTIPLE_HEADS,
            sorted,
            "'"
                + text()
                + "' counts from the current head, but the database has "
                + sorted.size()
                + " current heads: "
                + graph.describeAll(sorted)
                + ".",
            "Count from a named revision (`<rev>"
                + text()
                + "`) or along a branch (`<label>@"
                + text()
                + "`).");
      }
      String start = currentHeads.isEmpty() ? null : currentHeads.iterator().next();
      return TargetSyntax.walk(this, graph, start, graph.bases(), null);
    }
  }

  /**
   * {@code <rev>+N} / {@code <rev>-N}: from a revision (exact id, label or unique prefix). If the
   * whole text is itself an exact revision id or label, that revision is meant instead.
   *
   * @param text the whole target text
   * @param revision the part before the sign
   * @param steps signed steps
   */
  record FromRevision(String text, String revision, int steps) implements Relative {
    @Override
    public ResolvedTarget resolve(RevisionGraph graph, Set<String> currentHeads) {
      if (graph.isExactIdOrLabel(text)) {
        return ResolvedTarget.at(this, Set.of(graph.resolve(text).id()));
      }
      String start = graph.resolve(revision).id();
      return TargetSyntax.walk(this, graph, start, List.of(), null);
    }
  }

  /**
   * {@code <label>@+N} / {@code <label>@-N}: along the labelled branch from its current head (the
   * current head carrying the label). With no current head on the branch, {@code +1} is the
   * branch's first revision.
   *
   * @param label a declared branch label
   * @param steps signed steps
   */
  record AlongBranch(String label, int steps) implements Relative {
    @Override
    public String text() {
      return label + "@" + (steps >= 0 ? "+" : "") + steps;
    }

    @Override
    public ResolvedTarget resolve(RevisionGraph graph, Set<String> currentHeads) {
      graph.checkCurrentHeads(currentHeads);
      Set<String> members = graph.revisionsWithLabel(label);
      List<String> onBranch = currentHeads.stream().filter(members::contains).sorted().toList();
      if (onBranch.size() > 1) {
        throw TargetSyntax.multipleHeads(graph, onBranch, "'" + text() + "'");
      }
      List<String> firsts = new ArrayList<>();
      for (String id : members) {
        if (graph.get(id).downRevisions().stream().noneMatch(members::contains)) {
          firsts.add(id);
        }
      }
      String start = onBranch.isEmpty() ? null : onBranch.get(0);
      return TargetSyntax.walk(this, graph, start, firsts, members);
    }
  }
}

/** Parsing and the relative walk, kept out of the public interface. */
final class TargetSyntax {
  private static final Pattern REF = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");
  private static final Pattern SIGNED = Pattern.compile("[+-][0-9]+");
  private static final Pattern REF_SIGNED = Pattern.compile("(.+)([+-][0-9]+)");
  private static final String FORMS =
      "head, heads, base, <revision id or unique prefix>, <label>, +N, -N, <rev>+N, <rev>-N,"
          + " <label>@head, <label>@base, <label>@+N, <label>@-N";

  private TargetSyntax() {}

  static Target parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw badTarget(raw == null ? "" : raw, "it is empty");
    }
    String text = raw.strip();
    switch (text) {
      case "head":
        return new Target.Head();
      case "heads":
        return new Target.Heads();
      case "base":
        return new Target.Base();
      default:
        break;
    }
    if (SIGNED.matcher(text).matches()) {
      return new Target.FromCurrentHead(steps(text, text));
    }
    int at = text.indexOf('@');
    if (at >= 0) {
      String branch = text.substring(0, at);
      String where = text.substring(at + 1);
      if (!REF.matcher(branch).matches() || RevisionGraph.RESERVED_WORDS.contains(branch)) {
        throw badTarget(text, "'" + branch + "' before '@' is not a branch label or revision");
      }
      if (where.equals("head")) {
        return new Target.BranchHead(branch);
      }
      if (where.equals("base")) {
        return new Target.BranchBase(branch);
      }
      if (SIGNED.matcher(where).matches()) {
        return new Target.AlongBranch(branch, steps(text, where));
      }
      throw badTarget(text, "after '@' comes head, base, +N or -N");
    }
    Matcher relative = REF_SIGNED.matcher(text);
    if (relative.matches() && REF.matcher(relative.group(1)).matches()) {
      return new Target.FromRevision(text, relative.group(1), steps(text, relative.group(2)));
    }
    if (REF.matcher(text).matches()) {
      return new Target.Ref(text);
    }
    throw badTarget(text, "no target form matches it");
  }

  private static int steps(String text, String signed) {
    try {
      return Integer.parseInt(signed);
    } catch (NumberFormatException e) {
      throw badTarget(text, "the step count is too large");
    }
  }

  static RevisionGraphException badTarget(String text, String why) {
    return new RevisionGraphException(
        Kind.BAD_TARGET,
        List.of(text),
        "'" + text + "' is not a target: " + why + ".",
        "Use one of: " + FORMS + ".");
  }

  static RevisionGraphException multipleHeads(
      RevisionGraph graph, List<String> heads, String what) {
    String labels =
        graph.labels().isEmpty() ? "" : " (labels: " + String.join(", ", graph.labels()) + ")";
    return new RevisionGraphException(
        Kind.MULTIPLE_HEADS,
        heads,
        what
            + " needs a single head, but there are "
            + heads.size()
            + ": "
            + graph.describeAll(heads)
            + ".",
        "Run `schemagate heads` to see them, then target `heads` for all of them, a revision id,"
            + " or `<label>@head`"
            + labels
            + ".");
  }

  /**
   * Moves {@code target.steps()} along down_revision edges.
   *
   * @param start where to start; null when nothing is applied (on the branch)
   * @param entries where the first upward step from nothing may land
   * @param members when not null, only revisions in it may be stepped onto (a labelled branch)
   */
  static ResolvedTarget walk(
      Target.Relative target,
      RevisionGraph graph,
      String start,
      List<String> entries,
      Set<String> members) {
    int steps = target.steps();
    String current = start;
    String beneath = null;
    for (int done = 0; done < Math.abs(steps); done++) {
      if (steps > 0) {
        List<String> next = current == null ? entries : graph.children(current);
        if (members != null) {
          next = next.stream().filter(members::contains).toList();
        }
        if (next.isEmpty()) {
          throw outOfRange(
              target,
              "after "
                  + done
                  + " step(s) "
                  + (current == null ? "there is no revision" : graph.describe(current))
                  + " has nothing above it");
        }
        if (next.size() > 1) {
          throw outOfRange(
              target,
              "after "
                  + done
                  + " step(s) the graph forks"
                  + (current == null ? "" : " above " + graph.describe(current))
                  + " into "
                  + graph.describeAll(next));
        }
        current = next.get(0);
      } else {
        if (current == null) {
          throw outOfRange(
              target,
              done == 0 ? "nothing is applied to count down from" : "it goes below the base");
        }
        List<String> parents = graph.get(current).downRevisions();
        if (members != null) {
          parents = parents.stream().filter(members::contains).toList();
        }
        if (parents.size() > 1 && done == Math.abs(steps) - 1) {
          // The last step down from a merge un-applies the merge itself, leaving its parents as
          // heads (Alembic does the same); only stepping further down is ambiguous.
          beneath = current;
          current = null;
          break;
        }
        if (parents.size() > 1) {
          throw outOfRange(
              target,
              "after "
                  + done
                  + " step(s) it reaches the merge "
                  + graph.describe(current)
                  + " of "
                  + graph.describeAll(parents));
        }
        if (parents.isEmpty()) {
          beneath = current;
          current = null;
        } else {
          current = parents.get(0);
        }
      }
    }
    if (current != null) {
      return ResolvedTarget.at(target, Set.of(current));
    }
    return beneath == null
        ? ResolvedTarget.at(target, Set.of())
        : ResolvedTarget.beneath(target, Set.of(beneath));
  }

  private static RevisionGraphException outOfRange(Target target, String why) {
    Objects.requireNonNull(target);
    return new RevisionGraphException(
        Kind.RELATIVE_OUT_OF_RANGE,
        List.of(target.text()),
        "'" + target.text() + "' cannot be followed: " + why + ".",
        "Run `schemagate history` and name the revision you want, or use `<label>@"
            + (target instanceof Target.Relative r && r.steps() < 0 ? "-" : "+")
            + "N` to follow a labelled branch.");
  }
}

package dev.schemagate.core.revision;

import dev.schemagate.core.revision.RevisionGraphException.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The revisions found on disk, validated and indexed: the pure model every command plans against.
 * No database state lives here; "applied" is the planner's business.
 *
 * <p>Two kinds of edge join revisions. A <em>down_revision</em> edge makes a parent: it shapes
 * heads, bases, branch points, merges and branch labels. A <em>depends_on</em> edge only orders:
 * the dependency must be applied first and removed last, but it does not stop being a head and
 * labels do not flow along it. Methods that walk the graph say which edges they follow.
 *
 * <p>Everything is validated in {@link #of}: after construction every referenced id exists, there
 * is no cycle, and every branch label is declared once. Instances are immutable and safe to share.
 *
 * <p>Ordering contract: every collection this class returns is in {@linkplain #revisions()
 * topological order} (parents and dependencies before children, ties broken by id) unless its
 * Javadoc says otherwise. Trap: ids are compared as plain strings for tie-breaking ({@code "10" <
 * "9"}); that only decides between revisions the graph leaves unordered, never against an edge.
 */
public final class RevisionGraph {

  /** Words that targets reserve; a branch label may not be one of them. */
  static final Set<String> RESERVED_WORDS = Set.of("head", "heads", "base");

  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");

  private final Map<String, Revision> byId; // in topological order
  private final List<Revision> ordered;
  private final Map<String, Integer> position;
  private final Map<String, List<String>> children;
  private final Map<String, List<String>> dependents;
  private final List<String> heads;
  private final List<String> bases;
  private final Map<String, String> labelOwners; // sorted by label
  private final Map<String, Set<String>> effectiveLabels;

  private RevisionGraph(List<Revision> topological, Map<String, String> labelOwners) {
    Map<String, Revision> map = new LinkedHashMap<>();
    Map<String, Integer> pos = new HashMap<>();
    for (Revision r : topological) {
      pos.put(r.id(), map.size());
      map.put(r.id(), r);
    }
    this.byId = Collections.unmodifiableMap(map);
    this.ordered = List.copyOf(topological);
    this.position = Collections.unmodifiableMap(pos);

    // Built once at every start, for histories of thousands of revisions: one pass, one list per
    // revision that has children or dependents, the shared empty list for the others.
    Map<String, List<String>> kids = new HashMap<>();
    Map<String, List<String>> deps = new HashMap<>();
    for (Revision r : topological) {
      for (String parent : distinct(r.downRevisions())) {
        kids.computeIfAbsent(parent, k -> new ArrayList<>(1)).add(r.id());
      }
      for (String dependency : distinct(r.dependsOn())) {
        deps.computeIfAbsent(dependency, k -> new ArrayList<>(1)).add(r.id());
      }
    }
    Map<String, List<String>> kidsAll = new HashMap<>();
    Map<String, List<String>> depsAll = new HashMap<>();
    for (Revision r : topological) {
      List<String> k = kids.get(r.id());
      kidsAll.put(r.id(), k == null ? List.of() : Collections.unmodifiableList(k));
      List<String> d = deps.get(r.id());
      depsAll.put(r.id(), d == null ? List.of() : Collections.unmodifiableList(d));
    }
    this.children = Collections.unmodifiableMap(kidsAll);
    this.dependents = Collections.unmodifiableMap(depsAll);

    this.heads =
        topological.stream()
            .map(Revision::id)
            .filter(id -> children.get(id).isEmpty())
            .sorted()
            .toList();
    this.bases = topological.stream().filter(Revision::isBase).map(Revision::id).sorted().toList();
    this.labelOwners = Collections.unmodifiableMap(new TreeMap<>(labelOwners));
    this.effectiveLabels = computeEffectiveLabels();
  }

  /** The list without repeats, in order; most lists have zero or one element. */
  private static List<String> distinct(List<String> ids) {
    return ids.size() < 2 ? ids : List.copyOf(new LinkedHashSet<>(ids));
  }

  /**
   * Builds and validates a graph.
   *
   * @param revisions every revision found, in any order; may be empty
   * @throws RevisionGraphException {@link Kind#DUPLICATE_ID} (names both files), {@link
   *     Kind#MISSING_PARENT} (a down_revision or depends_on id no file declares), {@link
   *     Kind#CYCLE} (lists the revisions in the cycle and their files), {@link
   *     Kind#DUPLICATE_LABEL} or {@link Kind#INVALID_LABEL}
   */
  public static RevisionGraph of(Collection<Revision> revisions) {
    Objects.requireNonNull(revisions, "revisions");
    Map<String, Revision> byId = new HashMap<>();
    List<Revision> sorted = new ArrayList<>(revisions);
    sorted.forEach(r -> Objects.requireNonNull(r, "revision"));
    sorted.sort(Comparator.comparing(Revision::id).thenComparing(r -> describeFile(r)));
    for (Revision r : sorted) {
      if (r.id() == null || r.id().isBlank()) {
        throw new RevisionGraphException(
            Kind.BAD_TARGET,
            List.of(),
            "The migration file " + describeFile(r) + " declares an empty revision id.",
            "Give " + describeFile(r) + " a revision id in its header.");
      }
      Revision previous = byId.putIfAbsent(r.id(), r);
      if (previous != null) {
        throw new RevisionGraphException(
            Kind.DUPLICATE_ID,
            List.of(r.id()),
            "Revision id "
                + r.id()
                + " is declared by two files: "
                + describeFile(previous)
                + " and "
                + describeFile(r)
                + ".",
            "Give one of them a new revision id, or delete the copy.");
      }
    }
    checkReferences(sorted, byId);
    List<Revision> topological = topologicalSort(sorted, byId);
    Map<String, String> labelOwners = checkLabels(topological);
    return new RevisionGraph(topological, labelOwners);
  }

  private static void checkReferences(List<Revision> sorted, Map<String, Revision> byId) {
    List<String> problems = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Set<String> files = new LinkedHashSet<>();
    for (Revision r : sorted) {
      for (String parent : r.downRevisions()) {
        if (!byId.containsKey(parent)) {
          problems.add(describeFile(r) + " (revision " + r.id() + ") has down_revision " + parent);
          missing.add(parent);
          files.add(describeFile(r));
        }
      }
      for (String dependency : r.dependsOn()) {
        if (!byId.containsKey(dependency)) {
          problems.add(describeFile(r) + " (revision " + r.id() + ") has depends_on " + dependency);
          missing.add(dependency);
          files.add(describeFile(r));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new RevisionGraphException(
          Kind.MISSING_PARENT,
          missing.stream().distinct().toList(),
          "No migration file declares revision "
              + String.join(", ", new LinkedHashSet<>(missing))
              + ": "
              + String.join("; ", problems)
              + ".",
          "Add the missing migration file, or fix the down_revision/depends_on header in "
              + String.join(", ", files)
              + ".");
    }
  }

  /** Kahn's algorithm over down_revision and depends_on edges; ready revisions leave by id. */
  private static List<Revision> topologicalSort(List<Revision> sorted, Map<String, Revision> byId) {
    // Run at every start over the whole history: no set or list per revision unless it has
    // several prerequisites or successors.
    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<String>> successors = new HashMap<>();
    for (Revision r : sorted) {
      Collection<String> predecessors =
          r.dependsOn().isEmpty() && r.downRevisions().size() < 2
              ? r.downRevisions()
              : prerequisites(r);
      waiting.put(r.id(), predecessors.size());
      for (String p : predecessors) {
        successors.computeIfAbsent(p, k -> new ArrayList<>(1)).add(r.id());
      }
    }
    PriorityQueue<String> ready = new PriorityQueue<>();
    waiting.forEach(
        (id, count) -> {
          if (count == 0) {
            ready.add(id);
          }
        });
    List<Revision> out = new ArrayList<>(sorted.size());
    while (!ready.isEmpty()) {
      String id = ready.poll();
      out.add(byId.get(id));
      for (String next : successors.getOrDefault(id, List.of())) {
        if (waiting.merge(next, -1, Integer::sum) == 0) {
          ready.add(next);
        }
      }
    }
    if (out.size() < sorted.size()) {
      Set<String> stuck = new TreeSet<>();
      waiting.forEach(
          (id, count) -> {
            if (count > 0) {
              stuck.add(id);
            }
          });
      throw cycleError(findCycle(stuck, byId), byId);
    }
    return out;
  }

  /** Every stuck revision has a stuck prerequisite, so walking prerequisites must revisit. */
  private static List<String> findCycle(Set<String> stuck, Map<String, Revision> byId) {
    List<String> path = new ArrayList<>();
    Map<String, Integer> seenAt = new HashMap<>();
    String current = stuck.iterator().next();
    while (!seenAt.containsKey(current)) {
      seenAt.put(current, path.size());
      path.add(current);
      current =
          new TreeSet<>(prerequisites(byId.get(current)))
              .stream().filter(stuck::contains).findFirst().orElseThrow();
    }
    List<String> cycle = new ArrayList<>(path.subList(seenAt.get(current), path.size()));
    cycle.add(current);
    return cycle;
  }

  private static RevisionGraphException cycleError(List<String> cycle, Map<String, Revision> byId) {
    String chain =
        cycle.stream().map(id -> describe(byId.get(id))).collect(Collectors.joining(" -> "));
    Set<String> files = new LinkedHashSet<>();
    cycle.forEach(id -> files.add(describeFile(byId.get(id))));
    return new RevisionGraphException(
        Kind.CYCLE,
        cycle.subList(0, cycle.size() - 1),
        "Revisions form a cycle (each arrow points to a down_revision or depends_on): "
            + chain
            + ".",
        "Edit the down_revision or depends_on header of one of "
            + String.join(", ", files)
            + " so that the chain ends at a base revision.");
  }

  private static Map<String, String> checkLabels(List<Revision> topological) {
    Map<String, Revision> owners = new HashMap<>();
    List<Revision> byIdOrder = new ArrayList<>();
    for (Revision r : topological) {
      if (!r.branchLabels().isEmpty()) {
        byIdOrder.add(r);
      }
    }
    if (byIdOrder.isEmpty()) {
      return Map.of(); // most histories: nothing to check, and no set of every id to build
    }
    Set<String> ids = new HashSet<>();
    topological.forEach(r -> ids.add(r.id()));
    byIdOrder.sort(Comparator.comparing(Revision::id));
    for (Revision r : byIdOrder) {
      for (String label : new TreeSet<>(r.branchLabels())) {
        if (label == null || !LABEL.matcher(label).matches() || RESERVED_WORDS.contains(label)) {
          throw new RevisionGraphException(
              Kind.INVALID_LABEL,
              List.of(r.id()),
              "Branch label '"
                  + label
                  + "' in "
                  + describeFile(r)
                  + " (revision "
                  + r.id()
                  + ") cannot be used in targets: labels are letters, digits, '_', '.' and '-',"
                  + " and may not be 'head', 'heads' or 'base'.",
              "Rename the branch label in " + describeFile(r) + ".");
        }
        if (ids.contains(label)) {
          throw new RevisionGraphException(
              Kind.DUPLICATE_LABEL,
              List.of(r.id(), label),
              "Branch label '"
                  + label
                  + "' in "
                  + describeFile(r)
                  + " (revision "
                  + r.id()
                  + ") is also a revision id, so targets naming it would be ambiguous.",
              "Rename the branch label in " + describeFile(r) + ".");
        }
        Revision previous = owners.putIfAbsent(label, r);
        if (previous != null) {
          throw new RevisionGraphException(
              Kind.DUPLICATE_LABEL,
              List.of(previous.id(), r.id()),
              "Branch label '"
                  + label
                  + "' is declared by two revisions: "
                  + describe(previous)
                  + " and "
                  + describe(r)
                  + ". A label is declared once, on the revision that starts the branch; its"
                  + " descendants inherit it.",
              "Remove the label from one of "
                  + describeFile(previous)
                  + ", "
                  + describeFile(r)
                  + ".");
        }
      }
    }
    Map<String, String> out = new HashMap<>();
    owners.forEach((label, r) -> out.put(label, r.id()));
    return out;
  }

  /**
   * Labels as Alembic applies them: a declared label covers its revision and all descendants (via
   * down_revision), and flows down to ancestors while the ancestor is neither a branch point nor a
   * merge, so an unlabelled stretch leading into a labelled branch joins it.
   */
  private Map<String, Set<String>> computeEffectiveLabels() {
    // Only labelled revisions get an entry: most histories have no labels at all, and a set per
    // revision is thousands of objects built at every start.
    Map<String, Set<String>> labels = new HashMap<>();
    labelOwners.forEach(
        (label, owner) -> {
          labels.computeIfAbsent(owner, k -> new TreeSet<>()).add(label);
          for (String d : descendants(owner, false)) {
            labels.computeIfAbsent(d, k -> new TreeSet<>()).add(label);
          }
          Revision walker = byId.get(owner);
          while (walker.downRevisions().size() == 1) {
            Revision parent = byId.get(walker.downRevisions().get(0));
            if (children.get(parent.id()).size() > 1 || parent.isMerge()) {
              break;
            }
            labels.computeIfAbsent(parent.id(), k -> new TreeSet<>()).add(label);
            walker = parent;
          }
        });
    Map<String, Set<String>> out = new HashMap<>();
    labels.forEach((id, set) -> out.put(id, Collections.unmodifiableSet(set)));
    return Map.copyOf(out);
  }

  // ---------------------------------------------------------------- lookups

  /** Whether a revision with exactly this id exists (no prefix matching). */
  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  /** The revision with exactly this id, if any (no prefix or label matching). */
  public Optional<Revision> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The revision with exactly this id.
   *
   * @throws RevisionGraphException {@link Kind#UNKNOWN_REVISION} when no file declares it
   */
  public Revision get(String id) {
    Revision r = byId.get(id);
    if (r == null) {
      throw unknownRevision(id);
    }
    return r;
  }

  /** Number of revisions. */
  public int size() {
    return ordered.size();
  }

  /** Whether the graph has no revision at all (an empty migrations directory). */
  public boolean isEmpty() {
    return ordered.isEmpty();
  }

  /**
   * Every revision in topological order: a revision comes after all its down_revisions and
   * depends_on; revisions the edges leave unordered come in id order. Deterministic for a given set
   * of files, whatever order they were read in.
   */
  public List<Revision> revisions() {
    return ordered;
  }

  /** Revisions no other revision names as down_revision, sorted by id. depends_on is ignored. */
  public List<String> heads() {
    return heads;
  }

  /** Revisions with no down_revision, sorted by id (they may still have depends_on). */
  public List<String> bases() {
    return bases;
  }

  /** Revisions that name {@code id} as a down_revision. */
  public List<String> children(String id) {
    requireKnown(id);
    return children.get(id);
  }

  /** Revisions that name {@code id} in depends_on. */
  public List<String> dependents(String id) {
    requireKnown(id);
    return dependents.get(id);
  }

  /** Whether more than one revision names {@code id} as a down_revision. */
  public boolean isBranchPoint(String id) {
    return children(id).size() > 1;
  }

  /**
   * Strict ancestors of {@code id}: reachable through down_revisions and, when {@code
   * includeDependencies}, through depends_on too (and then through their ancestors).
   */
  public Set<String> ancestors(String id, boolean includeDependencies) {
    Set<String> out = ancestorsOrSelf(List.of(id), includeDependencies);
    return without(out, id);
  }

  /**
   * Strict descendants of {@code id}: revisions naming it as a down_revision, transitively and,
   * when {@code includeDependents}, also revisions naming it (or a descendant) in depends_on.
   */
  public Set<String> descendants(String id, boolean includeDependents) {
    Set<String> out = descendantsOrSelf(List.of(id), includeDependents);
    return without(out, id);
  }

  /** The given revisions and all their ancestors, in topological order. */
  public Set<String> ancestorsOrSelf(Collection<String> ids, boolean includeDependencies) {
    return closure(
        ids,
        id ->
            includeDependencies
                ? List.of(byId.get(id).downRevisions(), byId.get(id).dependsOn())
                : List.of(byId.get(id).downRevisions()));
  }

  /** The given ids and everything reachable from them along {@code edges}, topologically. */
  private Set<String> closure(
      Collection<String> ids, java.util.function.Function<String, List<List<String>>> edges) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    for (String id : ids) {
      requireKnown(id);
      todo.add(id);
    }
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (seen.add(id)) {
        edges.apply(id).forEach(todo::addAll);
      }
    }
    return inTopologicalOrder(seen);
  }

  /**
   * Whether {@code ancestor} is {@code of} or one of its ancestors. Walks down from {@code of} and
   * prunes every revision placed before {@code ancestor} in topological order (none of those can
   * lead to it), so asking about a nearby revision costs little even in a long history: the planner
   * asks once per step, and a full ancestor set per step made plans quadratic.
   */
  public boolean isAncestorOrSelf(String ancestor, String of, boolean includeDependencies) {
    requireKnown(ancestor);
    requireKnown(of);
    int floor = position.get(ancestor);
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(of);
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (id.equals(ancestor)) {
        return true;
      }
      if (position.get(id) <= floor || !seen.add(id)) {
        continue;
      }
      Revision r = byId.get(id);
      todo.addAll(r.downRevisions());
      if (includeDependencies) {
        todo.addAll(r.dependsOn());
      }
    }
    return false;
  }

  /** The given revisions and all their descendants, in topological order. */
  public Set<String> descendantsOrSelf(Collection<String> ids, boolean includeDependents) {
    return closure(
        ids,
        id ->
            includeDependents
                ? List.of(children.get(id), dependents.get(id))
                : List.of(children.get(id)));
  }

  /** The given ids, deduplicated, in topological order. Unknown ids are an error. */
  public Set<String> inTopologicalOrder(Collection<String> ids) {
    List<String> list = new ArrayList<>(new HashSet<>(ids));
    list.forEach(this::requireKnown);
    list.sort(Comparator.comparingInt(position::get));
    return Collections.unmodifiableSet(new LinkedHashSet<>(list));
  }

  /** Compares ids by topological position; both ids must exist. */
  public Comparator<String> topologicalComparator() {
    return Comparator.comparingInt(
        id -> {
          requireKnown(id);
          return position.get(id);
        });
  }

  // ---------------------------------------------------------------- labels

  /** Every declared branch label, sorted. */
  public Set<String> labels() {
    return labelOwners.keySet();
  }

  /** The revision that declares {@code label}, if any. */
  public Optional<Revision> labelOwner(String label) {
    String owner = labelOwners.get(label);
    return owner == null ? Optional.empty() : Optional.of(byId.get(owner));
  }

  /**
   * The labels a revision carries: the ones it declares plus the inherited ones (the rules are on
   * {@link #revisionsWithLabel}). Sorted.
   */
  public Set<String> labelsOf(String id) {
    requireKnown(id);
    return effectiveLabels.getOrDefault(id, Set.of());
  }

  /**
   * Every revision carrying {@code label}, in topological order. As in Alembic, a label declared on
   * revision R is carried by R and all its descendants (via down_revision; so a merge of two
   * labelled branches carries both labels), and by R's ancestors up to, but not including, the
   * nearest branch point or merge. depends_on never carries a label.
   *
   * @throws RevisionGraphException {@link Kind#UNKNOWN_REVISION} when no revision declares it
   */
  public Set<String> revisionsWithLabel(String label) {
    if (!labelOwners.containsKey(label)) {
      throw unknownLabel(label);
    }
    Set<String> out = new LinkedHashSet<>();
    for (Revision r : ordered) {
      if (effectiveLabels.getOrDefault(r.id(), Set.of()).contains(label)) {
        out.add(r.id());
      }
    }
    return Collections.unmodifiableSet(out);
  }

  // ---------------------------------------------------------------- resolution

  /**
   * Finds the revision a user means. In order: an exact id (so id {@code 1} wins over {@code 17}
   * and {@code 1.2}), then a branch label (meaning the revision that declares it), then a unique id
   * prefix. Whitespace around the text is ignored.
   *
   * @throws RevisionGraphException {@link Kind#AMBIGUOUS_PREFIX} listing every candidate with its
   *     file, or {@link Kind#UNKNOWN_REVISION} pointing to {@code schemagate history}/{@code heads}
   */
  public Revision resolve(String idOrPrefix) {
    Objects.requireNonNull(idOrPrefix, "idOrPrefix");
    String text = idOrPrefix.strip();
    Revision exact = byId.get(text);
    if (exact != null) {
      return exact;
    }
    String owner = labelOwners.get(text);
    if (owner != null) {
      return byId.get(owner);
    }
    if (text.isEmpty()) {
      throw unknownRevision(text);
    }
    List<Revision> candidates =
        ordered.stream()
            .filter(r -> r.id().startsWith(text))
            .sorted(Comparator.comparing(Revision::id))
            .toList();
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    if (candidates.isEmpty()) {
      throw unknownRevision(text);
    }
    throw new RevisionGraphException(
        Kind.AMBIGUOUS_PREFIX,
        candidates.stream().map(Revision::id).toList(),
        "'"
            + text
            + "' matches "
            + candidates.size()
            + " revisions: "
            + candidates.stream().map(RevisionGraph::describe).collect(Collectors.joining(", "))
            + ".",
        "Give more characters of the revision id.");
  }

  /** Whether {@code text} is exactly a revision id or a declared label (no prefix matching). */
  public boolean isExactIdOrLabel(String text) {
    return byId.containsKey(text) || labelOwners.containsKey(text);
  }

  /**
   * Checks that every current head read from a database names a revision on disk.
   *
   * @throws RevisionGraphException {@link Kind#UNKNOWN_REVISION} saying the database is at a
   *     revision the files do not have (it was migrated from another checkout, or a file was
   *     deleted)
   */
  public void checkCurrentHeads(Collection<String> currentHeads) {
    Objects.requireNonNull(currentHeads, "currentHeads");
    List<String> unknown =
        currentHeads.stream().filter(id -> !byId.containsKey(id)).sorted().toList();
    if (!unknown.isEmpty()) {
      String list = String.join(", ", unknown);
      throw new RevisionGraphException(
          Kind.UNKNOWN_REVISION,
          unknown,
          "The database is at revision "
              + list
              + ", but no migration file declares it: it was migrated from files this checkout"
              + " does not have.",
          "Check out the migration files that declare "
              + list
              + "; if they are gone for good, run `schemagate stamp <revision>` to record where"
              + " the database really is.");
    }
  }

  // ---------------------------------------------------------------- helpers

  /**
   * "id (file)" for messages.
   *
   * @throws RevisionGraphException when the id is unknown
   */
  public String describe(String id) {
    return describe(get(id));
  }

  static String describe(Revision r) {
    return r.id() + " (" + describeFile(r) + ")";
  }

  static String describeFile(Revision r) {
    return r.file() == null ? "<no file>" : r.file().toString();
  }

  /** Each id as "id (file)", comma separated, in the given order. */
  public String describeAll(Collection<String> ids) {
    return ids.stream().map(this::describe).collect(Collectors.joining(", "));
  }

  private void requireKnown(String id) {
    if (!byId.containsKey(id)) {
      throw unknownRevision(id);
    }
  }

  private static Set<String> prerequisites(Revision r) {
    Set<String> out = new LinkedHashSet<>(r.downRevisions());
    out.addAll(r.dependsOn());
    return out;
  }

  private static Set<String> without(Set<String> ordered, String id) {
    Set<String> copy = new LinkedHashSet<>(ordered);
    copy.remove(id);
    return Collections.unmodifiableSet(copy);
  }

  static RevisionGraphException unknownRevision(String text) {
    return new RevisionGraphException(
        Kind.UNKNOWN_REVISION,
        List.of(text),
        "No migration file declares a revision or branch label '" + text + "'.",
        "Run `schemagate history` to list revisions or `schemagate heads` to list heads.");
  }

  static RevisionGraphException unknownLabel(String label) {
    return new RevisionGraphException(
        Kind.UNKNOWN_REVISION,
        List.of(label),
        "No migration file declares the branch label '" + label + "'.",
        "Run `schemagate branches` to list labels, or `schemagate heads` to list heads.");
  }

  @Override
  public String toString() {
    return "RevisionGraph[" + ordered.size() + " revisions, heads=" + heads + "]";
  }
}

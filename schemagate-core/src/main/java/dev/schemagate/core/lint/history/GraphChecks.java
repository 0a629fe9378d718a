package dev.schemagate.core.lint.history;

import dev.schemagate.core.revision.Revision;
import dev.schemagate.core.revision.RevisionGraph;
import dev.schemagate.core.revision.RevisionGraphException;
import dev.schemagate.core.source.MigrationScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The structural half of the history check: what {@link RevisionGraph#of} would refuse, as
 * findings, and a walk order that still covers every readable migration.
 *
 * <p>Each problem is reported and then repaired for the rest of the check: a duplicate keeps the
 * first file (by id, then path, as the graph orders them), a missing reference is dropped, a cycle
 * loses one edge, a conflicting label is dropped. So one bad header yields one finding, not a
 * cascade, and the schema simulation still runs over the repaired graph.
 */
final class GraphChecks {

  /** A migration to replay, with the revisions (parents and dependencies) that come before it. */
  record Node(MigrationScript script, List<String> predecessors) {}

  /** Findings about the graph, and the walk order (topological over the repaired graph). */
  record Result(List<HistoryFinding> findings, List<Node> order) {}

  private GraphChecks() {}

  static Result check(List<MigrationScript> versioned, HeaderLines headers) {
    List<HistoryFinding> findings = new ArrayList<>();
    List<MigrationScript> sorted = new ArrayList<>(versioned);
    sorted.sort(
        Comparator.comparing((MigrationScript s) -> String.valueOf(s.id()))
            .thenComparing(s -> String.valueOf(s.revision().file())));

    Map<String, MigrationScript> scripts = new LinkedHashMap<>();
    Map<String, Revision> revisions = new LinkedHashMap<>();
    for (MigrationScript s : sorted) {
      Revision r = s.revision();
      Path file = r.file();
      if (r.id() == null || r.id().isBlank()) {
        findings.add(
            new HistoryFinding(
                HistoryRule.MISSING_REVISION.id(),
                file,
                headers.find(file, "revision", null),
                "The migration file " + describe(file) + " declares no revision id.",
                "Give "
                    + describe(file)
                    + " a revision id in its header; it is left out of the"
                    + " history check until then."));
        continue;
      }
      MigrationScript first = scripts.putIfAbsent(r.id(), s);
      if (first != null) {
        findings.add(
            new HistoryFinding(
                HistoryRule.DUPLICATE_REVISION.id(),
                file,
                headers.find(file, "revision", r.id()),
                "Revision id "
                    + r.id()
                    + " is declared by two files: "
                    + describe(first.revision().file())
                    + " and "
                    + describe(file)
                    + ".",
                "Give one of them a new revision id (and point its children at it), or delete the"
                    + " copy. The check below uses "
                    + describe(first.revision().file())
                    + "."));
        continue;
      }
      revisions.put(r.id(), r);
    }

    Set<String> detached = new HashSet<>();
    for (Map.Entry<String, Revision> e : revisions.entrySet()) {
      Revision r = e.getValue();
      List<String> parents =
          keepKnown(r, r.downRevisions(), "down_revision", revisions, headers, findings);
      List<String> deps = keepKnown(r, r.dependsOn(), "depends_on", revisions, headers, findings);
      if (parents.size() != r.downRevisions().size()) {
        detached.add(r.id());
      }
      if (parents.size() != r.downRevisions().size() || deps.size() != r.dependsOn().size()) {
        e.setValue(new Revision(r.id(), parents, r.branchLabels(), deps, r.message(), r.file()));
      }
    }

    RevisionGraph graph = buildRepairing(revisions, headers, findings);
    List<Revision> order;
    if (graph != null) {
      order = graph.revisions();
      Map<String, List<Revision>> chains = chains(graph);
      // A chain cut off by a missing down_revision already has its finding; its heads and base
      // are not reported again.
      Set<String> cutOff = new HashSet<>();
      for (List<Revision> chain : chains.values()) {
        if (chain.stream().anyMatch(r -> detached.contains(r.id()))) {
          chain.forEach(r -> cutOff.add(r.id()));
        }
      }
      checkHeads(graph, cutOff, headers, findings);
      checkOrphans(graph, chains, cutOff, headers, findings);
    } else {
      order = new ArrayList<>(revisions.values());
    }
    List<Node> nodes = new ArrayList<>(order.size());
    for (Revision r : order) {
      List<String> before = new ArrayList<>(new LinkedHashSet<>(r.downRevisions()));
      for (String d : r.dependsOn()) {
        if (!before.contains(d)) {
          before.add(d);
        }
      }
      nodes.add(new Node(scripts.get(r.id()), List.copyOf(before)));
    }
    return new Result(List.copyOf(findings), List.copyOf(nodes));
  }

  private static List<String> keepKnown(
      Revision r,
      List<String> refs,
      String key,
      Map<String, Revision> known,
      HeaderLines headers,
      List<HistoryFinding> findings) {
    List<String> kept = new ArrayList<>(refs.size());
    for (String ref : refs) {
      if (known.containsKey(ref)) {
        kept.add(ref);
        continue;
      }
      findings.add(
          new HistoryFinding(
              HistoryRule.MISSING_REVISION.id(),
              r.file(),
              headers.find(r.file(), key, ref),
              describe(r.file())
                  + " (revision "
                  + r.id()
                  + ") has "
                  + key
                  + " "
                  + ref
                  + ", but no migration file declares revision "
                  + ref
                  + ".",
              "Add the missing migration file, or correct the "
                  + key
                  + " header in "
                  + describe(r.file())
                  + ". Until then no command can plan through this revision."));
    }
    return kept;
  }

  /**
   * Builds the graph, turning each refusal into a finding and repairing it, until it builds. Each
   * repair removes an edge or a label, so the loop ends; null only for a refusal it cannot repair.
   */
  private static RevisionGraph buildRepairing(
      Map<String, Revision> revisions, HeaderLines headers, List<HistoryFinding> findings) {
    int budget = revisions.size() * 4 + 8;
    for (Revision r : revisions.values()) {
      budget += r.downRevisions().size() + r.dependsOn().size() + r.branchLabels().size();
    }
    while (budget-- > 0) {
      try {
        return RevisionGraph.of(revisions.values());
      } catch (RevisionGraphException e) {
        List<String> ids = e.revisions().stream().filter(revisions::containsKey).toList();
        switch (e.kind()) {
          case CYCLE -> {
            if (ids.isEmpty()) {
              return unrepairable(e, revisions, findings);
            }
            Revision a = revisions.get(ids.get(0));
            String next = ids.size() > 1 ? ids.get(1) : ids.get(0);
            findings.add(
                new HistoryFinding(
                    HistoryRule.REVISION_CYCLE.id(),
                    a.file(),
                    headers.find(
                        a.file(),
                        a.downRevisions().contains(next) ? "down_revision" : "depends_on",
                        next),
                    e.getMessage(),
                    e.nextStep()));
            revisions.put(
                a.id(),
                new Revision(
                    a.id(),
                    a.downRevisions().stream().filter(p -> !p.equals(next)).toList(),
                    a.branchLabels(),
                    a.dependsOn().stream().filter(p -> !p.equals(next)).toList(),
                    a.message(),
                    a.file()));
          }
          case DUPLICATE_LABEL, INVALID_LABEL -> {
            if (ids.isEmpty()) {
              return unrepairable(e, revisions, findings);
            }
            Revision at = revisions.get(ids.get(ids.size() - 1));
            findings.add(
                new HistoryFinding(
                    HistoryRule.BRANCH_LABEL_CONFLICT.id(),
                    at.file(),
                    headers.find(at.file(), "branch_labels", null),
                    e.getMessage(),
                    e.nextStep()));
            for (String id : ids) {
              Revision r = revisions.get(id);
              revisions.put(
                  id,
                  new Revision(
                      id, r.downRevisions(), Set.of(), r.dependsOn(), r.message(), r.file()));
            }
          }
          default -> {
            return unrepairable(e, revisions, findings);
          }
        }
      }
    }
    return null;
  }

  private static RevisionGraph unrepairable(
      RevisionGraphException e, Map<String, Revision> revisions, List<HistoryFinding> findings) {
    Path file = revisions.isEmpty() ? null : revisions.values().iterator().next().file();
    findings.add(
        new HistoryFinding(
            HistoryRule.MISSING_REVISION.id(), file, 1, e.getMessage(), e.nextStep()));
    return null;
  }

  /**
   * Several heads are intended only when each sits on its own labelled branch (effective labels
   * non-empty and pairwise disjoint), as Alembic's independent branches do. Anything else means
   * {@code upgrade head} has no single target. One finding, at the newest head, naming them all.
   */
  private static void checkHeads(
      RevisionGraph graph, Set<String> cutOff, HeaderLines headers, List<HistoryFinding> findings) {
    List<String> heads = graph.heads().stream().filter(h -> !cutOff.contains(h)).toList();
    if (heads.size() < 2) {
      return;
    }
    Set<String> seenLabels = new HashSet<>();
    boolean intended = true;
    for (String head : heads) {
      Set<String> labels = graph.labelsOf(head);
      if (labels.isEmpty()) {
        intended = false;
        break;
      }
      for (String label : labels) {
        if (!seenLabels.add(label)) {
          intended = false;
        }
      }
    }
    if (intended) {
      return;
    }
    List<String> byOrder = new ArrayList<>(graph.inTopologicalOrder(heads));
    Revision newest = graph.get(byOrder.get(byOrder.size() - 1));
    findings.add(
        new HistoryFinding(
            HistoryRule.MULTIPLE_HEADS.id(),
            newest.file(),
            headers.find(newest.file(), "revision", newest.id()),
            "The history has "
                + heads.size()
                + " heads: "
                + graph.describeAll(heads)
                + ". They branch off without a merge, so 'upgrade head' has no single target.",
            "Join them with 'schemagate merge "
                + String.join(" ", heads)
                + "', or, if they are meant to stay independent, give each branch its own"
                + " branch_labels."));
  }

  /**
   * Groups revisions into connected chains (down_revision and depends_on edges, either way), keyed
   * by a representative, each chain in topological order and the chains in the order of their first
   * revision.
   */
  private static Map<String, List<Revision>> chains(RevisionGraph graph) {
    Map<String, String> parent = new HashMap<>();
    for (Revision r : graph.revisions()) {
      parent.put(r.id(), r.id());
    }
    for (Revision r : graph.revisions()) {
      for (String p : r.downRevisions()) {
        union(parent, r.id(), p);
      }
      for (String d : r.dependsOn()) {
        union(parent, r.id(), d);
      }
    }
    Map<String, List<Revision>> chains = new LinkedHashMap<>();
    for (Revision r : graph.revisions()) {
      chains.computeIfAbsent(find(parent, r.id()), k -> new ArrayList<>()).add(r);
    }
    return chains;
  }

  /**
   * The largest chain is the main history; every other chain with no branch label anywhere is an
   * orphan, reported once at its first base.
   */
  private static void checkOrphans(
      RevisionGraph graph,
      Map<String, List<Revision>> chains,
      Set<String> cutOff,
      HeaderLines headers,
      List<HistoryFinding> findings) {
    if (chains.size() < 2) {
      return;
    }
    List<Revision> main = null;
    for (List<Revision> chain : chains.values()) {
      if (main == null || chain.size() > main.size()) {
        main = chain; // ties: the chain that comes first in topological order
      }
    }
    String mainBases =
        main.stream().filter(Revision::isBase).map(Revision::id).collect(Collectors.joining(", "));
    Map<String, List<Revision>> others = new TreeMap<>();
    for (List<Revision> chain : chains.values()) {
      if (chain == main
          || chain.stream().anyMatch(r -> !r.branchLabels().isEmpty() || cutOff.contains(r.id()))) {
        continue;
      }
      others.put(chain.get(0).id(), chain);
    }
    for (List<Revision> chain : others.values()) {
      Revision base = chain.stream().filter(Revision::isBase).findFirst().orElse(chain.get(0));
      Revision tip = chain.get(chain.size() - 1);
      findings.add(
          new HistoryFinding(
              HistoryRule.ORPHAN_REVISION.id(),
              base.file(),
              headers.find(base.file(), "revision", base.id()),
              "Revision "
                  + graph.describe(base.id())
                  + " starts a chain of "
                  + chain.size()
                  + (chain.size() == 1 ? " revision" : " revisions")
                  + (chain.size() > 1 ? " (up to " + tip.id() + ")" : "")
                  + " that no merge or depends_on joins to the main history (base "
                  + mainBases
                  + ").",
              "If it belongs after the main history, set its down_revision; if it is an"
                  + " independent branch, give its base a branch_labels entry; if it is left over,"
                  + " delete it."));
    }
  }

  private static String find(Map<String, String> parent, String id) {
    String root = id;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    String cur = id;
    while (!cur.equals(root)) { // path compression keeps long chains cheap
      String next = parent.get(cur);
      parent.put(cur, root);
      cur = next;
    }
    return root;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      parent.put(ra, rb);
    }
  }

  static String describe(Path file) {
    return file == null ? "<no file>" : file.toString();
  }
}

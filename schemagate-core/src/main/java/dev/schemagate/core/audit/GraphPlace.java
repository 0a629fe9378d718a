package dev.schemagate.core.audit;

import java.util.List;

/**
 * Where a migration sits in the revision graph, as the audit reports it.
 *
 * @param parents its down revisions, as declared
 * @param children the revisions that name it as a parent, sorted
 * @param dependsOn declared dependencies
 * @param repeatable a Flyway repeatable script: outside the graph
 */
public record GraphPlace(
    List<String> parents, List<String> children, List<String> dependsOn, boolean repeatable) {
  public GraphPlace {
    parents = List.copyOf(parents);
    children = List.copyOf(children);
    dependsOn = List.copyOf(dependsOn);
  }

  /** Several children: the history forks here. */
  public boolean branchPoint() {
    return children.size() > 1;
  }

  /** Several parents: branches join here. */
  public boolean merge() {
    return parents.size() > 1;
  }

  public boolean base() {
    return !repeatable && parents.isEmpty();
  }

  public boolean head() {
    return !repeatable && children.isEmpty();
  }
}

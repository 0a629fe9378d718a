package dev.schemagate.core.revision;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One node of the revision graph, as declared by its file: no database state.
 *
 * @param id the full revision id (for linear layouts, the version as written, e.g. {@code 2.1})
 * @param downRevisions parents; empty for a root, several for a merge
 * @param branchLabels labels declared on this revision (not the inherited ones)
 * @param dependsOn revisions that must be applied first without being parents
 * @param message one-line description
 * @param file the file that declared it, for error messages; may be a pseudo path in tests
 */
public record Revision(
    String id,
    List<String> downRevisions,
    Set<String> branchLabels,
    List<String> dependsOn,
    String message,
    Path file) {

  public Revision {
    downRevisions = List.copyOf(downRevisions);
    branchLabels = Set.copyOf(branchLabels);
    dependsOn = List.copyOf(dependsOn);
    message = message == null ? "" : message;
  }

  /** A revision with parents only, as linear layouts produce. */
  public static Revision linear(String id, String downRevision, String message, Path file) {
    return new Revision(
        id,
        downRevision == null ? List.of() : List.of(downRevision),
        Set.of(),
        List.of(),
        message,
        file);
  }

  public boolean isMerge() {
    return downRevisions.size() > 1;
  }

  public boolean isBase() {
    return downRevisions.isEmpty();
  }
}

package dev.schemagate.core.api;

import java.util.List;

/**
 * Revisions newest first, each with its line of the ASCII graph.
 *
 * @param entries the revisions in the range, newest first
 * @param graph the graph in the asked format ({@code mermaid} or {@code dot}); null for text
 * @param warnings stray files and the like
 */
public record HistoryResult(List<Entry> entries, String graph, List<String> warnings) {

  /**
   * @param lane the ASCII graph prefix drawn before the revision (e.g. {@code "| * "})
   * @param revision the revision
   */
  public record Entry(String lane, RevisionInfo revision) {}
}

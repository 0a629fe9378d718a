package dev.schemagate.core;

import dev.schemagate.core.revision.Revision;
import java.util.ArrayList;
import java.util.List;

/** Draws a revision graph: ASCII lanes for {@code history}, Mermaid and Graphviz DOT. Pure. */
final class GraphFormats {
  private GraphFormats() {}

  /**
   * One lane prefix per revision, for revisions given newest first (children before parents). Each
   * open line of descent is a lane; {@code *} marks the revision's lane, {@code |} the others. A
   * merge opens one lane per extra parent; lanes meeting at a shared parent close into one.
   */
  static List<String> asciiLanes(List<Revision> newestFirst) {
    List<String> lanes = new ArrayList<>(); // each lane: the revision id it waits for
    List<String> out = new ArrayList<>(newestFirst.size());
    for (Revision r : newestFirst) {
      int col = lanes.indexOf(r.id());
      if (col < 0) {
        lanes.add(r.id());
        col = lanes.size() - 1;
      }
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < lanes.size(); i++) {
        sb.append(i == col ? '*' : '|').append(' ');
      }
      out.add(sb.toString());
      // Lanes that also waited for r end here: they joined r's lane.
      for (int i = lanes.size() - 1; i > col; i--) {
        if (lanes.get(i).equals(r.id())) {
          lanes.remove(i);
        }
      }
      List<String> parents = r.downRevisions();
      if (parents.isEmpty()) {
        lanes.remove(col);
        continue;
      }
      lanes.set(col, parents.get(0));
      for (int p = 1; p < parents.size(); p++) {
        if (!lanes.contains(parents.get(p))) {
          lanes.add(col + p, parents.get(p));
        }
      }
      // If the first parent is already awaited by an earlier lane, keep only that one.
      int first = lanes.indexOf(parents.get(0));
      if (first < col) {
        lanes.remove(col);
      }
    }
    return out;
  }

  static String mermaid(List<Revision> revisions) {
    StringBuilder sb = new StringBuilder("graph BT\n");
    for (Revision r : revisions) {
      sb.append("  r_").append(safe(r.id())).append("[\"").append(r.id());
      if (!r.message().isEmpty()) {
        sb.append(": ").append(r.message().replace("\"", "'"));
      }
      sb.append("\"]\n");
    }
    for (Revision r : revisions) {
      for (String p : r.downRevisions()) {
        sb.append("  r_").append(safe(p)).append(" --> r_").append(safe(r.id())).append('\n');
      }
      for (String d : r.dependsOn()) {
        sb.append("  r_").append(safe(d)).append(" -.-> r_").append(safe(r.id())).append('\n');
      }
    }
    return sb.toString();
  }

  static String dot(List<Revision> revisions) {
    StringBuilder sb =
        new StringBuilder("digraph revisions {\n  rankdir=BT;\n  node [shape=box];\n");
    for (Revision r : revisions) {
      sb.append("  \"").append(r.id()).append("\" [label=\"").append(r.id());
      if (!r.message().isEmpty()) {
        sb.append("\\n").append(r.message().replace("\"", "\\\""));
      }
      sb.append("\"];\n");
    }
    for (Revision r : revisions) {
      for (String p : r.downRevisions()) {
        sb.append("  \"").append(p).append("\" -> \"").append(r.id()).append("\";\n");
      }
      for (String d : r.dependsOn()) {
        sb.append("  \"")
            .append(d)
            .append("\" -> \"")
            .append(r.id())
            .append("\" [style=dashed];\n");
      }
    }
    return sb.append("}\n").toString();
  }

  private static String safe(String id) {
    return id.replaceAll("[^A-Za-z0-9_]", "_");
  }
}

package dev.schemagate.core.schema.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.core.schema.diff.DiffRenderer;
import dev.schemagate.core.schema.diff.DiffResult;
import java.util.Map;

/**
 * A drill report as text (one line per migration that is not plainly reversible, then the counts),
 * JSON (every migration, with both diffs in {@link DiffRenderer#json} form) and Markdown (for work
 * orders and evidence packs).
 */
public final class DrillRenderer {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DrillRenderer() {}

  /** The counts on one line: {@code 285 migrations: 249 reversible, 3 downgrade fails, ...}. */
  public static String summary(DrillReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.steps().size()).append(r.steps().size() == 1 ? " migration" : " migrations");
    String sep = ": ";
    for (Map.Entry<DrillVerdict, Integer> e : r.counts().entrySet()) {
      sb.append(sep).append(e.getValue()).append(' ').append(e.getKey().label());
      sep = ", ";
    }
    if (!r.notRun().isEmpty()) {
      sb.append("; ").append(r.notRun().size()).append(" not drilled after a failed upgrade");
    }
    return sb.toString();
  }

  /** Readable text: a line per migration that needs a look, then the summary. */
  public static String text(DrillReport r) {
    StringBuilder out = new StringBuilder();
    out.append("Drill of ")
        .append(r.range())
        .append(" on ")
        .append(r.scratch())
        .append(": up, down, up for each migration\n");
    for (DrillStep s : r.steps()) {
      if (s.verdict() == DrillVerdict.REVERSIBLE) {
        continue;
      }
      out.append(String.format("  %-24s %-22s %s%n", s.verdict().label(), s.revision(), s.file()));
      if (s.detail() != null) {
        for (String line : s.detail().split("\n")) {
          out.append("      ").append(line.strip()).append('\n');
        }
      }
    }
    for (String id : r.notRun()) {
      out.append(String.format("  %-24s %s%n", "not drilled", id));
    }
    out.append(summary(r)).append(" (").append(r.millis()).append(" ms)\n");
    return out.toString();
  }

  /** JSON: range, scratch, clean, counts, and every migration with its diffs. */
  public static String json(DrillReport r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("range", r.range());
    root.put("scratch", r.scratch());
    root.put("clean", r.clean());
    root.put("summary", summary(r));
    root.put("millis", r.millis());
    ObjectNode counts = root.putObject("counts");
    r.counts().forEach((k, v) -> counts.put(k.label(), v));
    ArrayNode steps = root.putArray("migrations");
    for (DrillStep s : r.steps()) {
      ObjectNode n = steps.addObject();
      n.put("revision", s.revision());
      n.put("file", s.file());
      n.put("verdict", s.verdict().label());
      n.put("detail", s.detail());
      n.put("millis", s.millis());
      n.set("downgradeDiff", diff(s.downDiff()));
      n.set("reupgradeDiff", diff(s.reupDiff()));
    }
    ArrayNode notRun = root.putArray("notDrilled");
    r.notRun().forEach(notRun::add);
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("drill report could not be written as JSON", e);
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode diff(DiffResult d) {
    if (d == null || d.equal()) {
      return d == null ? MAPPER.nullNode() : MAPPER.getNodeFactory().textNode("equal");
    }
    try {
      return MAPPER.readTree(DiffRenderer.json(d));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("diff JSON could not be read back", e);
    }
  }

  /** Markdown: a summary, a table of every migration that needs a look, and their diffs. */
  public static String markdown(DrillReport r) {
    StringBuilder out = new StringBuilder();
    out.append("## Reversibility drill\n\n")
        .append("Range `")
        .append(r.range())
        .append("` on ")
        .append(r.scratch())
        .append(". For each migration: upgrade, downgrade (the schema must equal the one before),")
        .append(" upgrade again (it must equal the one after).\n\n**")
        .append(summary(r))
        .append("**\n\n");
    boolean any = false;
    for (DrillStep s : r.steps()) {
      if (s.verdict() == DrillVerdict.REVERSIBLE) {
        continue;
      }
      if (!any) {
        out.append("| migration | verdict | detail |\n|---|---|---|\n");
        any = true;
      }
      out.append("| `")
          .append(s.file())
          .append("` | ")
          .append(s.verdict().label())
          .append(" | ")
          .append(s.detail() == null ? "" : cell(s.detail()))
          .append(" |\n");
    }
    for (DrillStep s : r.steps()) {
      if (s.verdict() != DrillVerdict.NOT_REVERSIBLE) {
        continue;
      }
      boolean down = !s.downDiff().equal();
      DiffResult d = down ? s.downDiff() : s.reupDiff();
      if (d != null && !d.equal()) {
        out.append("\n### `")
            .append(s.file())
            .append(down ? "` after the downgrade\n\n" : "` after the re-upgrade\n\n");
        out.append(DiffRenderer.markdown(d));
      }
    }
    return out.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}

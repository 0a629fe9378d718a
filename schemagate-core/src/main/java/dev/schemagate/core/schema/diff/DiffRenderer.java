package dev.schemagate.core.schema.diff;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.schemagate.core.schema.Column;
import dev.schemagate.core.schema.Comment;
import dev.schemagate.core.schema.CompositeType;
import dev.schemagate.core.schema.Constraint;
import dev.schemagate.core.schema.Domain;
import dev.schemagate.core.schema.EnumType;
import dev.schemagate.core.schema.Extension;
import dev.schemagate.core.schema.Index;
import dev.schemagate.core.schema.ObjectKind;
import dev.schemagate.core.schema.Routine;
import dev.schemagate.core.schema.SchemaObject;
import dev.schemagate.core.schema.Sequence;
import dev.schemagate.core.schema.Table;
import dev.schemagate.core.schema.Trigger;
import dev.schemagate.core.schema.View;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders a {@link DiffResult} as text (for a terminal), JSON (for programs) and Markdown (for a
 * work order or a pull request). All three start from the same {@link #summary} and are
 * deterministic: the same result gives the same bytes.
 *
 * <p>Objects of an added or removed table are shown under it in text, listed flat with a {@code
 * parent} in JSON, and counted in their table's row in Markdown (the full detail is in the other
 * two).
 */
public final class DiffRenderer {
  /** Values longer than this, or on several lines, are shown on lines of their own. */
  private static final int INLINE_LIMIT = 60;

  private DiffRenderer() {}

  /**
   * One line: {@code no differences}, {@code 3 differences: 1 added, 1 removed, 1 changed}, {@code
   * only column order differs: ...}, or {@code could not compare fully, 1 item skipped ...}.
   */
  public static String summary(DiffResult r) {
    return switch (r.status()) {
      case EQUAL -> "no differences";
      case DIFFERENT -> differences(r);
      case ONLY_COLUMN_ORDER -> {
        int tables = tablesOf(r.reorderedColumns()).size();
        yield "only column order differs: "
            + plural(r.reorderedColumns().size(), "column")
            + " in "
            + plural(tables, "table")
            + (r.options().ignoreColumnOrder() ? " (ignored)" : "");
      }
      case INCOMPLETE -> {
        long fromSide = r.skipped().stream().filter(s -> s.side() == Skipped.Side.FROM).count();
        yield "could not compare fully, "
            + plural(r.skipped().size(), "item")
            + " skipped (from: "
            + fromSide
            + ", to: "
            + (r.skipped().size() - fromSide)
            + "); "
            + (r.changes().isEmpty()
                ? "no differences in what was compared"
                : differences(r) + " in what was compared");
      }
    };
  }

  private static String differences(DiffResult r) {
    int total = r.topLevel().size();
    List<String> parts = new ArrayList<>();
    for (ChangeType t : ChangeType.values()) {
      int n = r.count(t);
      if (n > 0) {
        parts.add(n + " " + t.label());
      }
    }
    String s = plural(total, "difference") + ": " + String.join(", ", parts);
    int within = r.changes().size() - total;
    if (within > 0) {
      s += " (and " + plural(within, "object") + " within added or removed ones)";
    }
    return s;
  }

  // ------------------------------------------------------------------ text

  /**
   * Text: the summary, then one line per change ({@code + index public.users.users_email_idx
   * (btree, keys: email)}, {@code ~ column public.users.email: nullable true -> false}, {@code -
   * table public.legacy}), attribute detail and objects within added or removed tables indented
   * under it, then what was skipped. Ends with a newline.
   */
  public static String text(DiffResult r) {
    StringBuilder out = new StringBuilder(summary(r)).append('\n');
    for (Change c : r.topLevel()) {
      textChange(out, c, "");
      for (Change child : r.within(c)) {
        textChange(out, child, "    ");
      }
    }
    if (r.options().ignoreColumnOrder() && !r.reorderedColumns().isEmpty()) {
      out.append("column order ignored; in another order: ")
          .append(String.join(", ", r.reorderedColumns()))
          .append('\n');
    }
    if (!r.options().ignoredKinds().isEmpty()) {
      out.append("not compared: ").append(ignoredKinds(r)).append('\n');
    }
    for (Skipped s : r.skipped()) {
      out.append("skipped in ").append(s.side().label()).append(": ").append(s.what()).append('\n');
    }
    return out.toString();
  }

  private static void textChange(StringBuilder out, Change c, String indent) {
    out.append(indent).append(c.type().sign()).append(' ').append(c.ref());
    if (c.type() != ChangeType.CHANGED) {
      String d = describe(c.object());
      if (!d.isEmpty()) {
        out.append(" (").append(d).append(')');
      }
      out.append('\n');
      return;
    }
    List<AttributeChange> diffs = c.differences();
    if (diffs.size() == 1 && inline(diffs.get(0))) {
      AttributeChange d = diffs.get(0);
      out.append(": ").append(d.name()).append(' ');
      out.append(value(d.from())).append(" -> ").append(value(d.to())).append('\n');
      return;
    }
    out.append('\n');
    String inner = indent + "    ";
    for (AttributeChange d : diffs) {
      if (inline(d)) {
        out.append(inner).append(d.name()).append(": ");
        out.append(value(d.from())).append(" -> ").append(value(d.to())).append('\n');
      } else {
        out.append(inner).append(d.name()).append(":\n");
        for (String line : LineDiff.changedLines(d.from(), d.to())) {
          out.append(inner).append("  ").append(line).append('\n');
        }
      }
    }
  }

  private static boolean inline(AttributeChange d) {
    return short1(d.from()) && short1(d.to());
  }

  private static boolean short1(String v) {
    return v == null || (v.length() <= INLINE_LIMIT && v.indexOf('\n') < 0);
  }

  private static String value(String v) {
    if (v == null) {
      return "(none)";
    }
    return v.isEmpty() ? "''" : v;
  }

  /**
   * A short description of an object for an added or removed line: {@code btree, keys: email} for
   * an index, {@code integer, not null} for a column; empty when there is nothing to add to the
   * key.
   */
  public static String describe(SchemaObject o) {
    List<String> p = new ArrayList<>();
    if (o instanceof Table t) {
      if (t.persistence() != null && !t.persistence().equals("permanent")) {
        p.add(t.persistence());
      }
      add(p, "partition by ", t.partitionBy());
      add(p, "partition of ", t.partitionOf());
      add(p, "", t.options());
    } else if (o instanceof Column c) {
      p.add(c.type());
      if (!c.nullable()) {
        p.add("not null");
      }
      add(p, "default ", c.defaultValue());
      add(p, "identity ", c.identity());
      add(p, "generated ", c.generated());
      add(p, "collate ", c.collation());
    } else if (o instanceof Constraint c) {
      p.add(c.definition() != null ? c.definition() : c.type().sql());
      if (!c.validated()) {
        p.add("not valid");
      }
    } else if (o instanceof Index i) {
      p.add(i.method());
      if (i.unique()) {
        p.add("unique");
      }
      p.add("keys: " + String.join(", ", i.keys()));
      if (!i.include().isEmpty()) {
        p.add("include: " + String.join(", ", i.include()));
      }
      add(p, "where ", i.predicate());
      if (!i.valid()) {
        p.add("invalid");
      }
    } else if (o instanceof Sequence s) {
      p.add(s.type());
      p.add("increment " + s.increment());
      add(p, "owned by ", s.ownedBy());
    } else if (o instanceof View v) {
      if (v.materialized()) {
        p.add("materialized");
      }
    } else if (o instanceof Routine r) {
      p.add(r.routineKind() + (r.returns() == null ? "" : " returning " + r.returns()));
      add(p, "language ", r.language());
    } else if (o instanceof Trigger t) {
      add(p, "", t.definition());
    } else if (o instanceof EnumType e) {
      p.add("labels: " + String.join(", ", e.labels()));
    } else if (o instanceof Domain d) {
      p.add("over " + d.baseType());
      if (d.notNull()) {
        p.add("not null");
      }
      add(p, "default ", d.defaultValue());
      p.addAll(d.checks());
    } else if (o instanceof CompositeType c) {
      p.add("fields: " + String.join(", ", c.fields()));
    } else if (o instanceof Extension e) {
      add(p, "version ", e.version());
      add(p, "schema ", e.schema());
    } else if (o instanceof Comment c) {
      p.add(c.text() == null ? "(none)" : "'" + c.text().replace("\n", " ") + "'");
    }
    return String.join(", ", p);
  }

  private static void add(List<String> parts, String prefix, String value) {
    if (value != null && !value.isEmpty()) {
      parts.add(prefix + value);
    }
  }

  // ------------------------------------------------------------------ JSON

  /**
   * JSON, one stable structure whatever the status: {@code status}, {@code equal}, {@code summary},
   * {@code options}, {@code counts} (top-level added, removed, changed, and {@code within} added or
   * removed objects), {@code changes} (each with {@code type}, {@code kind}, {@code key}, {@code
   * previousKey}, {@code parent}, {@code attributes} of the object as it is now (as it was, when
   * removed) and {@code differences}), {@code reorderedColumns} and {@code skipped}. Absent values
   * are null, never missing. Kinds are lower-case enum names ({@code composite_type}).
   */
  public static String json(DiffResult r) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("status", r.status().jsonName());
      g.writeBooleanField("equal", r.equal());
      g.writeStringField("summary", summary(r));
      g.writeObjectFieldStart("options");
      g.writeBooleanField("ignoreColumnOrder", r.options().ignoreColumnOrder());
      g.writeBooleanField("ignoreGeneratedNames", r.options().ignoreGeneratedNames());
      g.writeArrayFieldStart("ignoredKinds");
      for (ObjectKind k : new TreeSet<>(r.options().ignoredKinds())) {
        g.writeString(kindName(k));
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeObjectFieldStart("counts");
      for (ChangeType t : ChangeType.values()) {
        g.writeNumberField(t.label(), r.count(t));
      }
      g.writeNumberField("within", r.changes().size() - r.topLevel().size());
      g.writeEndObject();
      g.writeArrayFieldStart("changes");
      for (Change c : r.changes()) {
        jsonChange(g, c);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("reorderedColumns");
      for (String k : r.reorderedColumns()) {
        g.writeString(k);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("skipped");
      for (Skipped s : r.skipped()) {
        g.writeStartObject();
        g.writeStringField("side", s.side().label());
        g.writeStringField("what", s.what());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return w.toString() + "\n";
  }

  private static void jsonChange(JsonGenerator g, Change c) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", c.type().label());
    g.writeStringField("kind", kindName(c.kind()));
    g.writeStringField("key", c.key());
    g.writeStringField("previousKey", c.previousKey());
    if (c.parent() == null) {
      g.writeNullField("parent");
    } else {
      g.writeObjectFieldStart("parent");
      g.writeStringField("kind", kindName(c.parent().kind()));
      g.writeStringField("key", c.parent().key());
      g.writeEndObject();
    }
    g.writeObjectFieldStart("attributes");
    for (Map.Entry<String, String> e : c.attributes().entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("differences");
    for (AttributeChange d : c.differences()) {
      g.writeStartObject();
      g.writeStringField("attribute", d.name());
      g.writeStringField("from", d.from());
      g.writeStringField("to", d.to());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static String kindName(ObjectKind k) {
    return k.name().toLowerCase(Locale.ROOT);
  }

  // ------------------------------------------------------------------ Markdown

  /**
   * Markdown: the summary in bold, then one table per kind with a row per top-level change (an
   * added or removed table's row counts what came or went with it), long or multi-line values as a
   * collapsed line diff below the table, then what was skipped.
   */
  public static String markdown(DiffResult r) {
    StringBuilder out = new StringBuilder("**").append(escape(summary(r))).append("**\n");
    Map<ObjectKind, List<Change>> byKind = new EnumMap<>(ObjectKind.class);
    for (Change c : r.topLevel()) {
      byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c);
    }
    for (Map.Entry<ObjectKind, List<Change>> e : byKind.entrySet()) {
      out.append("\n### ")
          .append(capitalized(pluralWord(e.getKey().label())))
          .append(" (")
          .append(e.getValue().size())
          .append(")\n\n| change | ")
          .append(e.getKey().label())
          .append(" | detail |\n|---|---|---|\n");
      StringBuilder details = new StringBuilder();
      for (Change c : e.getValue()) {
        out.append("| ")
            .append(c.type().label())
            .append(" | ")
            .append(code(c.key()))
            .append(" | ")
            .append(markdownDetail(r, c, details))
            .append(" |\n");
      }
      out.append(details);
    }
    if (r.options().ignoreColumnOrder() && !r.reorderedColumns().isEmpty()) {
      out.append("\nColumn order ignored; in another order: ");
      List<String> cols = new ArrayList<>();
      r.reorderedColumns().forEach(k -> cols.add(code(k)));
      out.append(String.join(", ", cols)).append(".\n");
    }
    if (!r.options().ignoredKinds().isEmpty()) {
      out.append("\nNot compared: ").append(escape(ignoredKinds(r))).append(".\n");
    }
    if (!r.skipped().isEmpty()) {
      out.append("\n**Could not compare:**\n\n");
      for (Skipped s : r.skipped()) {
        out.append("- ")
            .append(s.side().label())
            .append(": ")
            .append(escape(s.what()))
            .append('\n');
      }
    }
    return out.toString();
  }

  private static String markdownDetail(DiffResult r, Change c, StringBuilder details) {
    if (c.type() != ChangeType.CHANGED) {
      List<String> parts = new ArrayList<>();
      String d = describe(c.object());
      if (!d.isEmpty()) {
        parts.add(escape(d));
      }
      List<Change> within = r.within(c);
      if (!within.isEmpty()) {
        Map<ObjectKind, Integer> counts = new EnumMap<>(ObjectKind.class);
        within.forEach(w -> counts.merge(w.kind(), 1, Integer::sum));
        List<String> n = new ArrayList<>();
        counts.forEach(
            (k, v) -> n.add(v == 1 ? "1 " + k.label() : v + " " + pluralWord(k.label())));
        parts.add("with " + String.join(", ", n));
      }
      return String.join("; ", parts);
    }
    List<String> parts = new ArrayList<>();
    for (AttributeChange d : c.differences()) {
      if (inline(d)) {
        parts.add(escape(d.name()) + ": " + code(value(d.from())) + " → " + code(value(d.to())));
      } else {
        parts.add(escape(d.name()) + " changed (below)");
        details
            .append("\n<details><summary>")
            .append(htmlEscape(c.ref() + " " + d.name()))
            .append("</summary>\n\n```diff\n");
        for (String line : LineDiff.changedLines(d.from(), d.to())) {
          details.append(line.replace("```", "``\u200b`")).append('\n');
        }
        details.append("```\n\n</details>\n");
      }
    }
    return String.join("<br>", parts);
  }

  private static String code(String s) {
    String oneLine = s.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
    return oneLine.contains("`") ? "``" + oneLine + " ``" : "`" + oneLine + "`";
  }

  private static String escape(String s) {
    return htmlEscape(s).replace("|", "\\|").replace("\n", " ").replace("*", "\\*");
  }

  private static String htmlEscape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  // ------------------------------------------------------------------ shared

  private static String ignoredKinds(DiffResult r) {
    List<String> out = new ArrayList<>();
    for (ObjectKind k : new TreeSet<>(r.options().ignoredKinds())) {
      out.add(pluralWord(k.label()));
    }
    return String.join(", ", out);
  }

  private static Set<String> tablesOf(List<String> columnKeys) {
    Set<String> tables = new HashSet<>();
    for (String k : columnKeys) {
      int dot = k.lastIndexOf('.');
      tables.add(dot < 0 ? k : k.substring(0, dot));
    }
    return tables;
  }

  private static String plural(int n, String word) {
    return n + " " + (n == 1 ? word : pluralWord(word));
  }

  private static String pluralWord(String word) {
    return word.endsWith("x") ? word + "es" : word + "s";
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}

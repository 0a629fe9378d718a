package dev.schemagate.core.audit;

import dev.schemagate.core.source.Layout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes the audit's files. Formats:
 *
 * <ul>
 *   <li>{@code <stem>.csv}: header {@code kind,name,value}, then {@code meta} rows in a fixed order
 *       (file, path, revision, down_revision, branch_labels, depends_on, has_upgrade,
 *       has_downgrade; lists joined with one space), {@code op_call} and {@code sql_keyword} rows
 *       sorted by name (totals over upgrade, downgrade and helpers), and one {@code warning} row
 *       per {@link AuditWarning}, sorted by name, valued {@code true} or {@code false}. RFC 4180
 *       quoting (a field with a comma, quote or line break is quoted, quotes doubled), LF line
 *       endings.
 *   <li>{@code <stem>.summary.md}: the same for a reviewer, with upgrade and downgrade apart and
 *       the place in the graph.
 *   <li>{@code index.csv}: the same three columns: {@code total} rows (migrations, files), {@code
 *       op_call} and {@code sql_keyword} totals, {@code warning} rows with the number of migrations
 *       flagged, {@code base}/{@code head}/{@code branch_point}/{@code merge} rows, {@code
 *       migration} rows (stem, path), {@code issue} rows ({@code <migration>:<warning>}, detail)
 *       and {@code stray} rows.
 *   <li>{@code index.md}: totals, the graph's bases, heads, branch points and merges, a table of
 *       migrations, and the known-issues table (migration, warning, detail).
 * </ul>
 *
 * <p>Nothing written depends on the clock, the machine or the absolute location of the folders.
 */
final class ReportWriter {

  private ReportWriter() {}

  static AuditReport write(
      Path outDir,
      Layout layout,
      List<MigrationAudit> migrations,
      List<WarningFinding> refused,
      List<String> strays) {
    TreeSet<String> branchPoints = new TreeSet<>();
    TreeSet<String> merges = new TreeSet<>();
    TreeSet<String> heads = new TreeSet<>();
    TreeSet<String> bases = new TreeSet<>();
    List<WarningFinding> issues = new ArrayList<>(refused);
    for (MigrationAudit m : migrations) {
      GraphPlace g = m.place();
      if (g.branchPoint()) {
        branchPoints.add(m.revision());
      }
      if (g.merge()) {
        merges.add(m.revision());
      }
      if (g.head()) {
        heads.add(m.revision());
      }
      if (g.base()) {
        bases.add(m.revision());
      }
      issues.addAll(m.warnings());
    }
    Map<String, String> files = new TreeMap<>();
    for (MigrationAudit m : migrations) {
      files.put(m.stem() + ".csv", migrationCsv(m));
      files.put(m.stem() + ".summary.md", summary(m, layout));
    }
    List<String> names = new ArrayList<>(files.keySet());
    names.add("index.csv");
    names.add("index.md");
    names.sort(null);
    AuditReport report =
        new AuditReport(
            outDir,
            layout,
            migrations,
            List.copyOf(branchPoints),
            List.copyOf(merges),
            List.copyOf(heads),
            List.copyOf(bases),
            issues,
            strays,
            names);
    files.put("index.csv", indexCsv(report));
    files.put("index.md", indexMd(report));
    try {
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the audit folder " + outDir, e);
    }
    // Hundreds of small files: writing them on all cores hides most of the file-system latency.
    files.entrySet().parallelStream()
        .forEach(
            f -> {
              try {
                Files.write(
                    outDir.resolve(f.getKey()), f.getValue().getBytes(StandardCharsets.UTF_8));
              } catch (IOException e) {
                throw new UncheckedIOException(
                    "cannot write " + f.getKey() + " into the audit folder " + outDir, e);
              }
            });
    return report;
  }

  // ---------------------------------------------------------------- CSV

  static String migrationCsv(MigrationAudit m) {
    StringBuilder out = new StringBuilder();
    row(out, "kind", "name", "value");
    row(out, "meta", "file", m.file());
    row(out, "meta", "path", m.path());
    row(out, "meta", "revision", m.revision());
    row(out, "meta", "down_revision", String.join(" ", m.place().parents()));
    row(out, "meta", "branch_labels", String.join(" ", m.branchLabels()));
    row(out, "meta", "depends_on", String.join(" ", m.place().dependsOn()));
    row(out, "meta", "has_upgrade", String.valueOf(m.hasUpgrade()));
    row(out, "meta", "has_downgrade", String.valueOf(m.hasDowngrade()));
    m.opCalls().total().forEach((k, v) -> row(out, "op_call", k, String.valueOf(v)));
    m.sqlKeywords().total().forEach((k, v) -> row(out, "sql_keyword", k, String.valueOf(v)));
    for (AuditWarning w : warningsByKey()) {
      row(out, "warning", w.key(), String.valueOf(m.has(w)));
    }
    return out.toString();
  }

  private static List<AuditWarning> warningsByKey() {
    TreeMap<String, AuditWarning> byKey = new TreeMap<>();
    for (AuditWarning w : AuditWarning.values()) {
      byKey.put(w.key(), w);
    }
    return List.copyOf(byKey.values());
  }

  static String indexCsv(AuditReport r) {
    StringBuilder out = new StringBuilder();
    row(out, "kind", "name", "value");
    row(out, "total", "migrations", String.valueOf(r.migrations().size()));
    row(out, "total", "files", String.valueOf(r.filesWritten().size()));
    row(out, "total", "known_issues", String.valueOf(r.knownIssues().size()));
    row(out, "total", "strays", String.valueOf(r.strays().size()));
    totals(r, true).forEach((k, v) -> row(out, "op_call", k, String.valueOf(v)));
    totals(r, false).forEach((k, v) -> row(out, "sql_keyword", k, String.valueOf(v)));
    warningTotals(r).forEach((k, v) -> row(out, "warning", k, String.valueOf(v)));
    for (String b : r.bases()) {
      row(out, "base", b, "");
    }
    for (String h : r.heads()) {
      row(out, "head", h, "");
    }
    for (MigrationAudit m : r.migrations()) {
      if (m.place().branchPoint()) {
        row(out, "branch_point", m.revision(), String.join(" ", m.place().children()));
      }
    }
    for (MigrationAudit m : r.migrations()) {
      if (m.place().merge()) {
        row(out, "merge", m.revision(), String.join(" ", m.place().parents()));
      }
    }
    for (MigrationAudit m : r.migrations()) {
      row(out, "migration", m.stem(), m.path());
    }
    for (WarningFinding f : r.knownIssues()) {
      row(out, "issue", f.migration() + ":" + f.warning().key(), f.detail());
    }
    for (String s : r.strays()) {
      int colon = s.indexOf(": ");
      row(out, "stray", s.substring(0, colon), s.substring(colon + 2));
    }
    return out.toString();
  }

  private static SortedMap<String, Integer> totals(AuditReport r, boolean ops) {
    SortedMap<String, Integer> out = new TreeMap<>();
    for (MigrationAudit m : r.migrations()) {
      (ops ? m.opCalls() : m.sqlKeywords())
          .total()
          .forEach((k, v) -> out.merge(k, v, Integer::sum));
    }
    return out;
  }

  /** Warning key to the number of known issues with it (every warning, zeros included). */
  private static SortedMap<String, Integer> warningTotals(AuditReport r) {
    SortedMap<String, Integer> out = new TreeMap<>();
    for (AuditWarning w : AuditWarning.values()) {
      out.put(w.key(), 0);
    }
    for (WarningFinding f : r.knownIssues()) {
      out.merge(f.warning().key(), 1, Integer::sum);
    }
    return out;
  }

  /** One RFC 4180 record, LF-terminated. */
  static void row(StringBuilder out, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      String f = fields[i] == null ? "" : fields[i];
      boolean quote =
          f.indexOf(',') >= 0
              || f.indexOf('"') >= 0
              || f.indexOf('\n') >= 0
              || f.indexOf('\r') >= 0;
      if (quote) {
        out.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        out.append(f);
      }
    }
    out.append('\n');
  }

  // ---------------------------------------------------------------- Markdown

  static String summary(MigrationAudit m, Layout layout) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(md(m.stem())).append("\n\n");
    if (!m.message().isEmpty()) {
      out.append(md(m.message())).append("\n\n");
    }
    out.append("| field | value |\n| --- | --- |\n");
    cells(out, "file", code(m.file()));
    cells(out, "path", code(m.path()));
    cells(out, "layout", layout.cliName());
    cells(out, "revision", code(m.revision()));
    cells(out, "down_revision", codes(m.place().parents(), "none (a base)"));
    cells(out, "branch_labels", codes(m.branchLabels(), "none"));
    cells(out, "depends_on", codes(m.place().dependsOn(), "none"));
    cells(out, "has_upgrade", yesNo(m.hasUpgrade()));
    cells(out, "has_downgrade", yesNo(m.hasDowngrade()));
    cells(out, "runs in a transaction", yesNo(m.transactional()));
    out.append('\n');

    out.append("## What it does\n\n");
    out.append("- Upgrade: ").append(describe(m.opCalls().upgrade(), "nothing")).append(".\n");
    out.append("- Downgrade: ")
        .append(m.hasDowngrade() ? describe(m.opCalls().downgrade(), "nothing") : "none")
        .append(".\n");
    if (!m.opCalls().other().isEmpty()) {
      out.append("- Helpers and module level: ")
          .append(describe(m.opCalls().other(), "nothing"))
          .append(".\n");
    }
    out.append('\n');

    out.append("## Place in the graph\n\n");
    GraphPlace g = m.place();
    if (g.repeatable()) {
      out.append("- A repeatable script: outside the graph, re-run when its checksum changes.\n");
    } else {
      out.append("- Parents: ")
          .append(codes(g.parents(), "none: a base of the history"))
          .append(".\n");
      out.append("- Children: ").append(codes(g.children(), "none: a head")).append(".\n");
      if (g.branchPoint()) {
        out.append("- **Branch point**: the history forks here into ")
            .append(g.children().size())
            .append(" branches.\n");
      }
      if (g.merge()) {
        out.append("- **Merge**: joins ").append(g.parents().size()).append(" branches.\n");
      }
    }
    out.append('\n');

    table(out, "Operations", "operation", m.opCalls());
    table(out, "SQL keywords", "keyword", m.sqlKeywords());

    out.append("## Warnings\n\n");
    if (m.warnings().isEmpty()) {
      out.append("None.\n");
    } else {
      out.append("| warning | detail |\n| --- | --- |\n");
      for (WarningFinding f : m.warnings()) {
        cells(out, code(f.warning().key()), md(f.detail()));
      }
    }
    return out.toString();
  }

  private static void table(StringBuilder out, String title, String column, Tally t) {
    out.append("## ").append(title).append("\n\n");
    if (t.names().isEmpty()) {
      out.append("None.\n\n");
      return;
    }
    boolean other = !t.other().isEmpty();
    out.append("| ").append(column).append(" | upgrade | downgrade |");
    out.append(
        other
            ? " other | total |\n| --- | ---: | ---: | ---: | ---: |\n"
            : " total |\n| --- | ---: | ---: | ---: |\n");
    SortedMap<String, Integer> total = t.total();
    for (String name : t.names()) {
      out.append("| ").append(code(name));
      out.append(" | ").append(t.upgrade().getOrDefault(name, 0));
      out.append(" | ").append(t.downgrade().getOrDefault(name, 0));
      if (other) {
        out.append(" | ").append(t.other().getOrDefault(name, 0));
      }
      out.append(" | ").append(total.get(name)).append(" |\n");
    }
    out.append('\n');
  }

  /** "create_table ×2, add_column ×1", in name order; {@code none} when empty. */
  private static String describe(SortedMap<String, Integer> ops, String none) {
    if (ops.isEmpty()) {
      return none;
    }
    List<String> parts = new ArrayList<>();
    ops.forEach((k, v) -> parts.add(v == 1 ? k : k + " ×" + v));
    return String.join(", ", parts);
  }

  static String indexMd(AuditReport r) {
    StringBuilder out = new StringBuilder();
    out.append("# Migration audit\n\n");
    out.append("Layout: ").append(r.layout().cliName()).append(". ");
    out.append(r.migrations().size()).append(" migrations, ");
    out.append(r.knownIssues().size()).append(" known issues, ");
    out.append(r.filesWritten().size()).append(" files written.\n\n");

    out.append("## Graph\n\n");
    out.append("- Bases: ").append(codes(r.bases(), "none")).append(".\n");
    out.append("- Heads: ").append(codes(r.heads(), "none")).append(".\n");
    out.append("- Branch points: ");
    List<String> bp = new ArrayList<>();
    List<String> mg = new ArrayList<>();
    for (MigrationAudit m : r.migrations()) {
      if (m.place().branchPoint()) {
        bp.add(code(m.revision()) + " (children " + codes(m.place().children(), "") + ")");
      }
      if (m.place().merge()) {
        mg.add(code(m.revision()) + " (parents " + codes(m.place().parents(), "") + ")");
      }
    }
    bp.sort(null);
    mg.sort(null);
    out.append(bp.isEmpty() ? "none" : String.join("; ", bp)).append(".\n");
    out.append("- Merges: ").append(mg.isEmpty() ? "none" : String.join("; ", mg)).append(".\n\n");

    out.append("## Totals\n\n| kind | name | count |\n| --- | --- | ---: |\n");
    cells(out, "total", "migrations", String.valueOf(r.migrations().size()));
    totals(r, true).forEach((k, v) -> cells(out, "op_call", code(k), String.valueOf(v)));
    totals(r, false).forEach((k, v) -> cells(out, "sql_keyword", code(k), String.valueOf(v)));
    warningTotals(r).forEach((k, v) -> cells(out, "warning", code(k), String.valueOf(v)));
    out.append('\n');

    out.append("## Migrations\n\n| # | migration | revision | ops | warnings |\n");
    out.append("| ---: | --- | --- | ---: | --- |\n");
    int n = 1;
    for (MigrationAudit m : r.migrations()) {
      int ops = m.opCalls().total().values().stream().mapToInt(Integer::intValue).sum();
      List<String> ws = new ArrayList<>(m.warningDetails().keySet());
      cells(
          out,
          String.valueOf(n++),
          "[" + md(m.stem()) + "](" + m.stem() + ".summary.md)",
          code(m.revision()),
          String.valueOf(ops),
          ws.isEmpty() ? "" : String.join(", ", ws));
    }
    out.append('\n');

    out.append("## Known issues\n\n");
    if (r.knownIssues().isEmpty()) {
      out.append("None.\n");
    } else {
      out.append("| migration | warning | detail |\n| --- | --- | --- |\n");
      for (WarningFinding f : r.knownIssues()) {
        cells(out, md(f.migration()), code(f.warning().key()), md(f.detail()));
      }
    }
    if (!r.strays().isEmpty()) {
      out.append("\n## Files that are not migrations\n\n");
      for (String s : r.strays()) {
        out.append("- ").append(md(s)).append('\n');
      }
    }
    out.append("\n## Warnings\n\n| warning | meaning |\n| --- | --- |\n");
    for (AuditWarning w : warningsByKey()) {
      cells(out, code(w.key()), md(w.meaning()));
    }
    return out.toString();
  }

  private static void cells(StringBuilder out, String... cells) {
    out.append('|');
    for (String c : cells) {
      out.append(' ').append(c).append(" |");
    }
    out.append('\n');
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }

  private static String codes(List<String> items, String none) {
    if (items.isEmpty()) {
      return none;
    }
    List<String> out = new ArrayList<>();
    for (String i : items) {
      out.add(code(i));
    }
    return String.join(", ", out);
  }

  /** Inline code, safe inside a table cell. */
  private static String code(String s) {
    String clean = oneLine(s).replace("`", "'").replace("|", "\\|");
    return clean.isEmpty() ? "" : "`" + clean + "`";
  }

  /** Plain text, safe inside a table cell. */
  private static String md(String s) {
    return oneLine(s).replace("|", "\\|").replace("<", "&lt;");
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace("\r", " ").replace("\n", " ");
  }
}

package dev.schemagate.core.audit;

import dev.schemagate.core.audit.AlembicScan.Part;
import dev.schemagate.core.revision.Revision;
import dev.schemagate.core.source.Layout;
import dev.schemagate.core.source.MigrationScript;
import dev.schemagate.core.source.MigrationSource;
import dev.schemagate.core.source.MigrationSources;
import dev.schemagate.core.source.SourceException;
import dev.schemagate.core.source.SqlSection;
import dev.schemagate.core.source.StrayFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Audits a migrations folder and writes one report per migration plus an index.
 *
 * <h2>Output</h2>
 *
 * Into the output folder: {@code <stem>.csv} and {@code <stem>.summary.md} per migration, {@code
 * index.csv} and {@code index.md}. See {@code ReportWriter} for the formats. The output is
 * deterministic: the same folder gives the same bytes (sorted, LF line endings, no timestamps, no
 * absolute paths). Report files already in the output folder are overwritten; other files there,
 * including reports of migrations since removed, are left alone.
 *
 * <h2>Bad input</h2>
 *
 * A migration file the engine refuses (not UTF-8, malformed header, ...) does not stop the audit:
 * it is left out, reported in the index as {@code unreadable_content} with the engine's message
 * (file, line, next step), and the rest of the folder is read again without it. Binary or
 * unterminated SQL inside a readable file, and oversized files, are warnings on that migration.
 * What still throws {@link SourceException}: a missing folder, or a folder whose layout cannot be
 * detected — the user has to say what to audit.
 *
 * <p>Alembic modules are read statically with {@code AlembicScan}, never imported.
 */
public final class Auditor {

  /** Above this many characters a file is flagged {@link AuditWarning#LARGE_FILE}. */
  public static final int LARGE_FILE_CHARS = 5_000_000;

  /** How many refused files are skipped before giving up on the folder. */
  private static final int MAX_SKIPPED = 200;

  /** Audits {@code migrationsDir} and writes the reports into {@code outDir}. */
  public AuditReport audit(Path migrationsDir, Layout layoutOrNull, Path outDir) {
    return audit(new AuditRequest(migrationsDir, layoutOrNull, outDir));
  }

  public AuditReport audit(AuditRequest request) {
    List<WarningFinding> refused = new ArrayList<>();
    Read read = readTolerantly(request.migrationsDir(), request.layoutOrNull(), refused);
    try {
      List<MigrationAudit> audits = auditAll(read);
      return ReportWriter.write(
          request.outDir(), read.source().layout(), audits, refused, strays(read));
    } finally {
      read.cleanUp();
    }
  }

  // ---------------------------------------------------------------- reading

  /** A source and the folder its paths are relative to (the real one, or a mirror of it). */
  private record Read(MigrationSource source, Path root, Path mirror) {
    String relative(Path file) {
      try {
        return root.relativize(file).toString().replace('\\', '/');
      } catch (IllegalArgumentException e) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
      }
    }

    void cleanUp() {
      if (mirror != null) {
        deleteTree(mirror);
      }
    }
  }

  private static Read readTolerantly(Path dir, Layout layoutOrNull, List<WarningFinding> refused) {
    Layout layout = layoutOrNull != null ? layoutOrNull : MigrationSources.detect(dir);
    try {
      return new Read(MigrationSources.read(dir, layout), dir, null);
    } catch (SourceException first) {
      if (!isInside(dir, first.file())) {
        throw first;
      }
      // Read the rest: a mirror of the folder (links, not copies) without the refused files.
      Set<Path> skipped = new HashSet<>();
      SourceException e = first;
      while (true) {
        Path rel = dir.relativize(e.file());
        if (!skipped.add(rel) || skipped.size() > MAX_SKIPPED) {
          throw e;
        }
        refused.add(
            new WarningFinding(
                rel.toString().replace('\\', '/'),
                AuditWarning.UNREADABLE_CONTENT,
                "the engine refused it: "
                    + relativeMessage(e.getMessage(), dir)
                    + (e.nextStep() == null ? "" : "; " + e.nextStep())));
        Path mirror = mirror(dir, skipped);
        try {
          return new Read(MigrationSources.read(mirror, layout), mirror, mirror);
        } catch (SourceException again) {
          deleteTree(mirror);
          if (!isInside(mirror, again.file())) {
            throw again;
          }
          e =
              new SourceException(
                  dir.resolve(mirror.relativize(again.file())),
                  again.line(),
                  stripLocation(again.getMessage()),
                  again.nextStep());
        }
      }
    }
  }

  private static boolean isInside(Path dir, Path file) {
    if (file == null) {
      return false;
    }
    Path d = dir.toAbsolutePath().normalize();
    Path f = file.toAbsolutePath().normalize();
    return f.startsWith(d) && !f.equals(d);
  }

  private static String relativeMessage(String message, Path dir) {
    String abs = dir.toAbsolutePath().normalize().toString();
    return message.replace(abs + "/", "").replace(dir + "/", "");
  }

  private static String stripLocation(String message) {
    int colon = message.indexOf(": ");
    return colon < 0 ? message : message.substring(colon + 2);
  }

  /** A temporary folder of links to everything in {@code dir} except {@code skipped}. */
  private static Path mirror(Path dir, Set<Path> skipped) {
    try {
      Path mirror = Files.createTempDirectory("schemagate-audit-");
      try (Stream<Path> walk = Files.walk(dir, 4)) {
        for (Path p : (Iterable<Path>) walk::iterator) {
          Path rel = dir.relativize(p);
          if (rel.toString().isEmpty() || skippedOrUnder(rel, skipped)) {
            continue;
          }
          Path target = mirror.resolve(rel.toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(target);
          } else {
            try {
              Files.createSymbolicLink(target, p.toAbsolutePath());
            } catch (UnsupportedOperationException | IOException noLinks) {
              Files.copy(p, target);
            }
          }
        }
      }
      return mirror;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare a partial read of " + dir, e);
    }
  }

  private static boolean skippedOrUnder(Path rel, Set<Path> skipped) {
    for (Path s : skipped) {
      if (rel.startsWith(s)) {
        return true;
      }
    }
    return false;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> all = walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A leftover temporary folder is harmless; the reports are already decided.
    }
  }

  private static List<String> strays(Read read) {
    List<String> out = new ArrayList<>();
    for (StrayFile s : read.source().strays()) {
      out.add(read.relative(s.file()) + ": " + s.reason());
    }
    out.sort(null);
    return out;
  }

  // ---------------------------------------------------------------- auditing

  private static List<MigrationAudit> auditAll(Read read) {
    MigrationSource source = read.source();
    List<MigrationScript> scripts = new ArrayList<>(source.versioned());
    scripts.addAll(source.repeatables());
    Map<String, List<String>> children = new HashMap<>();
    Set<String> ids = new HashSet<>();
    for (MigrationScript s : source.versioned()) {
      ids.add(s.id());
      for (String parent : s.revision().downRevisions()) {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(s.id());
      }
    }
    Map<MigrationScript, String> stems = stems(scripts);
    // Files are analysed on all cores; the order of the results is the order of the scripts.
    return scripts.parallelStream()
        .map(s -> audit(read, s, stems.get(s), children, ids, source.layout()))
        .toList();
  }

  private static Map<MigrationScript, String> stems(List<MigrationScript> scripts) {
    Map<MigrationScript, String> out = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (MigrationScript s : scripts) {
      String base = stem(s.revision().file());
      String stem = base;
      for (int n = 2; !used.add(stem); n++) {
        stem = base + "~" + n;
      }
      out.put(s, stem);
    }
    return out;
  }

  /** The file name without {@code .up.sql}, {@code .sql}, {@code .py}; safe characters only. */
  static String stem(Path file) {
    Path name = file.getFileName();
    String s = name == null ? "migration" : name.toString();
    for (String ext : List.of(".up.sql", ".down.sql", ".sql", ".py")) {
      if (s.endsWith(ext) && s.length() > ext.length()) {
        s = s.substring(0, s.length() - ext.length());
        break;
      }
    }
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(
          Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-' || c == '_' ? c : '_');
    }
    String stem = out.toString();
    // Keep clear of the index files and of names a file system treats specially.
    if (stem.equals("index") || stem.isEmpty() || stem.startsWith(".")) {
      stem = "m_" + stem;
    }
    return stem;
  }

  private static MigrationAudit audit(
      Read read,
      MigrationScript s,
      String stem,
      Map<String, List<String>> children,
      Set<String> ids,
      Layout layout) {
    Revision r = s.revision();
    boolean repeatable = s.kind() == MigrationScript.Kind.REPEATABLE;
    GraphPlace place =
        new GraphPlace(
            r.downRevisions(),
            repeatable ? List.of() : sorted(children.getOrDefault(r.id(), List.of())),
            r.dependsOn(),
            repeatable);
    String path = read.relative(r.file());
    Path fileName = r.file().getFileName();
    String file = fileName == null ? path : fileName.toString();
    List<WarningFinding> warnings = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String p : r.downRevisions()) {
      if (!ids.contains(p)) {
        unknown.add("down_revision " + p);
      }
    }
    for (String p : r.dependsOn()) {
      if (!ids.contains(p)) {
        unknown.add("depends_on " + p);
      }
    }
    Builder b = new Builder(stem, read);
    MigrationAudit partial;
    if (layout == Layout.ALEMBIC) {
      partial = b.alembic(s, place, path, file);
    } else {
      partial = b.sql(s, place, path, file);
    }
    warnings.addAll(partial.warnings());
    if (!unknown.isEmpty()) {
      warnings.add(
          new WarningFinding(
              stem,
              AuditWarning.UNKNOWN_PARENT,
              String.join(", ", unknown) + " not in the folder"));
    }
    warnings.sort((a, c) -> a.warning().compareTo(c.warning()));
    return new MigrationAudit(
        partial.stem(),
        partial.file(),
        partial.path(),
        partial.revision(),
        partial.message(),
        partial.branchLabels(),
        partial.place(),
        partial.transactional(),
        partial.hasUpgrade(),
        partial.hasDowngrade(),
        partial.opCalls(),
        partial.sqlKeywords(),
        warnings);
  }

  private static List<String> sorted(List<String> in) {
    return new ArrayList<>(new TreeSet<>(in));
  }

  /** Collects one migration's warnings. */
  private static final class Builder {
    private final String stem;
    private final Read read;
    private final Map<AuditWarning, List<String>> details = new LinkedHashMap<>();

    Builder(String stem, Read read) {
      this.stem = stem;
      this.read = read;
    }

    void flag(AuditWarning w, String detail) {
      details.computeIfAbsent(w, k -> new ArrayList<>()).add(detail);
    }

    List<WarningFinding> findings() {
      List<WarningFinding> out = new ArrayList<>();
      details.forEach((w, list) -> out.add(new WarningFinding(stem, w, join(list))));
      return out;
    }

    /** At most five details, then how many more: a known-issues row stays one readable line. */
    private static String join(List<String> list) {
      List<String> shown = list.size() > 5 ? list.subList(0, 5) : list;
      String s = String.join("; ", shown);
      return list.size() > 5 ? s + "; and " + (list.size() - 5) + " more" : s;
    }

    String where(SqlSection section, int line) {
      return read.relative(section.file()) + ":" + section.fileLine(line);
    }

    MigrationAudit sql(MigrationScript s, GraphPlace place, String path, String file) {
      boolean repeatable = s.kind() == MigrationScript.Kind.REPEATABLE;
      SqlFacts.Result up = SqlFacts.analyse(s.up().sql());
      SqlFacts.Result down = s.down() == null ? null : SqlFacts.analyse(s.down().sql());
      if (!repeatable) {
        if (s.down() == null) {
          flag(
              AuditWarning.IRREVERSIBLE_DOWNGRADE,
              "no downgrade"
                  + (s.irreversibleReason() == null ? "" : " (" + s.irreversibleReason() + ")"));
        } else if (down.statements() == 0 && down.problems().isEmpty()) {
          String where = read.relative(s.down().file());
          flag(AuditWarning.IRREVERSIBLE_DOWNGRADE, "the downgrade in " + where + " does nothing");
          flag(
              AuditWarning.EMPTY_DOWNGRADE,
              where + " has no statements, only comments or whitespace");
        }
      }
      if (s.transactional()) {
        notes(AuditWarning.CONCURRENTLY_IN_TRANSACTION, s.up(), up.nonTransactional(), "");
        if (down != null) {
          notes(AuditWarning.CONCURRENTLY_IN_TRANSACTION, s.down(), down.nonTransactional(), "");
        }
      }
      notes(AuditWarning.DESTRUCTIVE, s.up(), up.destructive(), "");
      notes(AuditWarning.DATA_MIGRATION, s.up(), up.dml(), "upgrade ");
      if (down != null) {
        notes(AuditWarning.DATA_MIGRATION, s.down(), down.dml(), "downgrade ");
      }
      if (!s.transactional()) {
        flag(AuditWarning.NON_TRANSACTIONAL, "declared to run outside a transaction");
      }
      notes(AuditWarning.UNREADABLE_CONTENT, s.up(), up.problems(), "");
      if (down != null) {
        notes(AuditWarning.UNREADABLE_CONTENT, s.down(), down.problems(), "");
      }
      large(s.up());
      if (s.down() != null && !s.down().file().equals(s.up().file())) {
        large(s.down());
      }
      Revision r = s.revision();
      return new MigrationAudit(
          stem,
          file,
          path,
          r.id(),
          r.message(),
          sorted(new ArrayList<>(r.branchLabels())),
          place,
          s.transactional(),
          true,
          s.down() != null,
          new Tally(up.opCalls(), down == null ? new TreeMap<>() : down.opCalls(), new TreeMap<>()),
          new Tally(
              up.keywords(), down == null ? new TreeMap<>() : down.keywords(), new TreeMap<>()),
          findings());
    }

    private void large(SqlSection section) {
      if (section.sql().length() > LARGE_FILE_CHARS) {
        flag(
            AuditWarning.LARGE_FILE,
            read.relative(section.file())
                + " has "
                + section.sql().length()
                + " characters in one section");
      }
    }

    private void notes(
        AuditWarning w, SqlSection section, List<SqlFacts.Note> notes, String prefix) {
      for (SqlFacts.Note n : notes) {
        flag(w, prefix + n.text() + " at " + where(section, n.line()));
      }
    }

    MigrationAudit alembic(MigrationScript s, GraphPlace place, String path, String file) {
      String text = s.up().sql();
      AlembicScan.Result scan = AlembicScan.scan(text);
      Map<Part, SortedMap<String, Integer>> ops = new HashMap<>();
      Map<Part, SortedMap<String, Integer>> keywords = new HashMap<>();
      for (Part p : Part.values()) {
        ops.put(p, new TreeMap<>());
        keywords.put(p, new TreeMap<>());
      }
      for (AlembicScan.OpCall call : scan.opCalls()) {
        ops.get(call.part()).merge(call.name(), 1, Integer::sum);
        if (call.part().inUpgrade()
            && (call.name().equals("drop_table") || call.name().equals("drop_column"))) {
          flag(AuditWarning.DESTRUCTIVE, "op." + call.name() + " at " + path + ":" + call.line());
        }
        if (call.name().equals("bulk_insert")) {
          flag(AuditWarning.DATA_MIGRATION, "op.bulk_insert at " + path + ":" + call.line());
        }
        if (call.concurrently() && !scan.autocommitBlock()) {
          flag(
              AuditWarning.CONCURRENTLY_IN_TRANSACTION,
              "op."
                  + call.name()
                  + "(postgresql_concurrently=True) outside autocommit_block() at "
                  + path
                  + ":"
                  + call.line());
        }
      }
      for (AlembicScan.Execute e : scan.executes()) {
        String at = e.via() + " at " + path + ":" + e.line();
        if (e.sql() != null) {
          SqlFacts.Result facts = SqlFacts.analyse(e.sql());
          facts.keywords().forEach((k, v) -> keywords.get(e.part()).merge(k, v, Integer::sum));
          for (SqlFacts.Note n : facts.dml()) {
            flag(AuditWarning.DATA_MIGRATION, n.text() + " in " + at);
          }
          if (e.part().inUpgrade()) {
            for (SqlFacts.Note n : facts.destructive()) {
              flag(AuditWarning.DESTRUCTIVE, n.text() + " in " + at);
            }
          }
          if (!scan.autocommitBlock()) {
            for (SqlFacts.Note n : facts.nonTransactional()) {
              flag(AuditWarning.CONCURRENTLY_IN_TRANSACTION, n.text() + ": " + at);
            }
          }
          for (SqlFacts.Note n : facts.problems()) {
            flag(AuditWarning.UNREADABLE_CONTENT, n.text() + " in the SQL of " + at);
          }
        } else if (e.builderDml()) {
          flag(AuditWarning.DATA_MIGRATION, "SQLAlchemy insert/update/delete in " + at);
        } else if (e.dynamic()) {
          flag(
              AuditWarning.DYNAMIC_SQL,
              e.via() + "(" + e.argument() + ") at " + path + ":" + e.line());
        }
      }
      if (!scan.hasDowngrade()) {
        flag(AuditWarning.IRREVERSIBLE_DOWNGRADE, "no downgrade() function");
      } else if (scan.downgradeNoOp()) {
        String at = "downgrade() at " + path + ":" + scan.downgradeLine();
        flag(AuditWarning.IRREVERSIBLE_DOWNGRADE, at + " is only pass");
        flag(AuditWarning.EMPTY_DOWNGRADE, at + " does nothing (pass, docstrings, comments)");
      }
      if (scan.autocommitBlock()) {
        flag(
            AuditWarning.NON_TRANSACTIONAL,
            "autocommit_block() at " + path + ":" + scan.autocommitLine());
      }
      for (String problem : scan.problems()) {
        flag(AuditWarning.UNREADABLE_CONTENT, path + " " + problem);
      }
      if (text.length() > LARGE_FILE_CHARS) {
        flag(AuditWarning.LARGE_FILE, path + " has " + text.length() + " characters");
      }
      SortedMap<String, Integer> otherOps = new TreeMap<>(ops.get(Part.MODULE));
      ops.get(Part.SHARED).forEach((k, v) -> otherOps.merge(k, v, Integer::sum));
      SortedMap<String, Integer> otherKeywords = new TreeMap<>(keywords.get(Part.MODULE));
      keywords.get(Part.SHARED).forEach((k, v) -> otherKeywords.merge(k, v, Integer::sum));
      Revision r = s.revision();
      return new MigrationAudit(
          stem,
          file,
          path,
          r.id(),
          r.message(),
          sorted(new ArrayList<>(r.branchLabels())),
          place,
          !scan.autocommitBlock(),
          scan.hasUpgrade(),
          scan.hasDowngrade(),
          new Tally(ops.get(Part.UPGRADE), ops.get(Part.DOWNGRADE), otherOps),
          new Tally(keywords.get(Part.UPGRADE), keywords.get(Part.DOWNGRADE), otherKeywords),
          findings());
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

package dev.schemagate.core.lint.own;

import dev.schemagate.core.lint.Finding;
import dev.schemagate.core.lint.LintInput;
import dev.schemagate.core.lint.LintSettings;
import dev.schemagate.core.lint.Linter;
import dev.schemagate.core.lint.Rule;
import dev.schemagate.core.lint.Severity;
import dev.schemagate.core.lint.history.HistoryChecker;
import dev.schemagate.core.lint.history.HistoryRule;
import dev.schemagate.core.lint.rules.SquawkRules;
import dev.schemagate.core.source.MigrationScript;
import dev.schemagate.core.source.MigrationSource;
import dev.schemagate.core.source.SqlSection;
import dev.schemagate.core.sql.ParsedScript;
import dev.schemagate.core.sql.ParsedStatement;
import dev.schemagate.core.sql.SqlParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Lints migrations as the engine reads them: every upgrade and downgrade section with the
 * migration's own transaction mode, squawk's rules plus schemagate's, and the reversibility checks
 * that compare a migration's two directions. Findings carry file lines (a native file's downgrade
 * section is reported at its own lines in the same file).
 *
 * <p>Stateless apart from its immutable settings; files are parsed and linted on all cores and the
 * findings come back sorted by file, line and rule, so the output is the same on every run.
 */
public final class MigrationLinter {
  /** Rules a downgrade does not break by dropping only what its own upgrade created. */
  private static final Set<String> UNDO_EXCUSED = Set.of("ban-drop-table", "ban-drop-column");

  private final LintSettings settings;
  private final Linter linter;

  public MigrationLinter(LintSettings settings) {
    this.settings = settings;
    List<Rule> rules = new ArrayList<>(SquawkRules.all());
    rules.add(new NonTransactionalInTransaction());
    rules.add(new MixedTransactionModes());
    this.linter = Linter.withRules(rules);
  }

  /** A rule or check this linter runs, at its effective severity for these settings. */
  public record RuleEntry(String id, Severity severity, String summary) {}

  /**
   * Every rule and check: the per-file rules, the reversibility checks and the history checks,
   * sorted by id.
   */
  public List<RuleEntry> catalog() {
    List<RuleEntry> out = new ArrayList<>();
    for (Rule r : linter.rules()) {
      out.add(new RuleEntry(r.id(), settings.severityOf(r), r.summary()));
    }
    ReversibilityCheck.DEFAULTS.forEach(
        (id, def) ->
            out.add(
                new RuleEntry(
                    id, settings.severityOf(id, def), "reversibility: upgrade against downgrade")));
    for (HistoryRule h : HistoryRule.values()) {
      out.add(
          new RuleEntry(
              h.id(),
              settings.severityOf(h.id(), h.defaultSeverity()),
              "history: checked over the whole revision graph"));
    }
    out.sort(Comparator.comparing(RuleEntry::id));
    return out;
  }

  /**
   * True when {@code id} names something this linter can report (a rule or its alias, a check of
   * {@link #catalog}, or one of the framework ids), for checking configuration.
   */
  public boolean knows(String id) {
    return linter.rule(id) != null
        || ReversibilityCheck.DEFAULTS.containsKey(id)
        || HistoryRule.byId(id).isPresent()
        || id.equals(Linter.PARSE_ERROR)
        || id.equals(Linter.IGNORE_WITHOUT_REASON)
        || id.equals(Linter.UNUSED_IGNORE)
        || id.equals(Linter.RULE_FAILED);
  }

  /** The result of a lint run. */
  public record Report(List<Finding> findings, int files, int statements) {
    public long count(Severity severity) {
      return findings.stream().filter(f -> f.severity() == severity).count();
    }
  }

  /**
   * Lints every versioned migration (both directions) and every repeatable of a source, then runs
   * the whole-history checks ({@link HistoryChecker}). Inline ignores apply to per-file findings;
   * history findings are waived through configuration.
   */
  public Report lint(MigrationSource source) {
    List<MigrationScript> scripts = new ArrayList<>(source.versioned());
    scripts.addAll(source.repeatables());
    List<Linted> linted = scripts.parallelStream().map(s -> lintScript(s, source)).toList();
    List<Report> parts = new ArrayList<>(linted.size() + 1);
    Map<MigrationScript, ParsedScript> upgrades = new IdentityHashMap<>();
    for (Linted l : linted) {
      parts.add(l.report());
      upgrades.put(l.script(), l.up());
    }
    // The whole-history checks (graph shape, a static replay of the schema) on the same parse.
    Function<MigrationScript, ParsedScript> parsed =
        s -> upgrades.containsKey(s) ? upgrades.get(s) : SqlParser.parse(s.up().sql());
    parts.add(new Report(new HistoryChecker().check(source, settings, parsed), 0, 0));
    return merge(parts);
  }

  /** One migration's findings, and its parsed upgrade for the history checks. */
  private record Linted(MigrationScript script, ParsedScript up, Report report) {}

  private Linted lintScript(MigrationScript script, MigrationSource source) {
    List<Finding> out = new ArrayList<>();
    ParsedScript up = SqlParser.parse(script.up().sql());
    out.addAll(lintSection(script.up(), up, script.transactional(), Set.of()));
    int statements = up.statements().size();
    ParsedScript down = null;
    if (script.down() != null) {
      down = SqlParser.parse(script.down().sql());
      // Dropping what the upgrade created is the downgrade's job, not a destructive change.
      Set<Integer> undoLines = new HashSet<>();
      Map<String, Integer> created = ReversibilityCheck.created(up);
      for (ParsedStatement s : down.statements()) {
        if (ReversibilityCheck.undoesOnly(s, created)) {
          undoLines.add(s.line());
        }
      }
      out.addAll(lintSection(script.down(), down, script.transactional(), undoLines));
      statements += down.statements().size();
    }
    if (script.kind() == MigrationScript.Kind.VERSIONED) {
      out.addAll(new ReversibilityCheck(settings).check(script, source.layout(), up, down));
    }
    return new Linted(script, up, new Report(out, 1, statements));
  }

  /**
   * A section's findings at file lines. Findings of {@link #UNDO_EXCUSED} rules on {@code
   * undoLines} (section lines of statements that only undo the upgrade) are left out.
   */
  private List<Finding> lintSection(
      SqlSection section, ParsedScript parsed, boolean tx, Set<Integer> undoLines) {
    List<Finding> raw = linter.lint(new LintInput(section.file(), parsed, tx, settings));
    List<Finding> out = new ArrayList<>(raw.size());
    for (Finding f : raw) {
      if (UNDO_EXCUSED.contains(f.rule()) && undoLines.contains(f.line())) {
        continue;
      }
      out.add(
          new Finding(
              f.rule(),
              f.severity(),
              f.file(),
              section.fileLine(Math.max(1, f.line())),
              f.message(),
              f.reason()));
    }
    return out;
  }

  /**
   * Lints SQL files given one by one, as squawk does: each is one script, run in a transaction only
   * when the settings assume so. An unreadable file is a finding, not an exception.
   */
  public Report lintFiles(List<Path> files) {
    List<Report> parts = files.parallelStream().map(this::lintFile).toList();
    return merge(parts);
  }

  private Report lintFile(Path file) {
    String text;
    try {
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return new Report(
          List.of(
              new Finding(
                  Linter.PARSE_ERROR,
                  Severity.ERROR,
                  file,
                  1,
                  "cannot read the file: " + e.getMessage(),
                  "Check the path and that it is a readable file.")),
          1,
          0);
    }
    ParsedScript parsed = SqlParser.parse(text);
    return new Report(
        linter.lint(LintInput.of(file, parsed, settings)), 1, parsed.statements().size());
  }

  private static Report merge(List<Report> parts) {
    List<Finding> all = new ArrayList<>();
    int files = 0;
    int statements = 0;
    for (Report r : parts) {
      all.addAll(r.findings());
      files += r.files();
      statements += r.statements();
    }
    all.sort(
        Comparator.comparing((Finding f) -> String.valueOf(f.file()))
            .thenComparingInt(Finding::line)
            .thenComparing(Finding::rule)
            .thenComparing(Finding::message));
    return new Report(List.copyOf(all), files, statements);
  }
}

package dev.schemagate.cli;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.api.AuditResult;
import dev.schemagate.core.api.LintRequest;
import dev.schemagate.core.api.LintResult;
import dev.schemagate.core.lint.Finding;
import dev.schemagate.core.lint.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Commands that analyse migrations without a database: lint, audit. */
final class AnalysisCommands {
  private AnalysisCommands() {}

  enum Format {
    text,
    json,
    sarif
  }

  enum FailOn {
    error,
    warning,
    info,
    never
  }

  @Command(
      name = "lint",
      description = {
        "Lint migrations for lock-unsafe, destructive and irreversible changes.",
        "Without FILE, lints every migration of the folder in both directions, each with its own"
            + " transaction mode. With FILEs, lints them one by one, as squawk does."
      })
  static final class Lint extends BaseCommand {
    @Parameters(arity = "0..*", paramLabel = "FILE", description = "SQL files to lint instead.")
    List<Path> files = new ArrayList<>();

    @Option(
        names = "--pg-version",
        paramLabel = "N",
        description =
            "PostgreSQL major version the rules assume (default: lint.pg_version, else 16).")
    Integer pgVersion;

    @Option(
        names = "--assume-in-transaction",
        description = "With FILEs: lint them as if each ran in a transaction.")
    boolean assumeInTransaction;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        description = "text (default), json or sarif (SARIF 2.1.0).")
    Format format = Format.text;

    @Option(
        names = "--fail-on",
        paramLabel = "LEVEL",
        description =
            "Exit 1 when a finding is at least this severe: error (default), warning,"
                + " info or never.")
    FailOn failOn = FailOn.error;

    @Override
    int run(Output out) {
      LintResult r = migrator().lint(new LintRequest(files, pgVersion, assumeInTransaction));
      out.warnings(r.warningsRead());
      if (out.json()) {
        out.result(r);
      } else {
        switch (format) {
          case json -> out.essential(Output.toJson(r) + "\n");
          case sarif -> out.essential(Output.toJson(Sarif.of(r, Output.toolVersion())) + "\n");
          default -> text(out, r);
        }
      }
      return failed(r) ? ExitCode.FAILED.code() : 0;
    }

    private boolean failed(LintResult r) {
      return switch (failOn) {
        case error -> r.errors() > 0;
        case warning -> r.errors() + r.warnings() > 0;
        case info -> r.errors() + r.warnings() + r.infos() > 0;
        case never -> false;
      };
    }

    private static void text(Output out, LintResult r) {
      Path here = Path.of("").toAbsolutePath();
      // One block, printed once: a line-by-line println flushes per line.
      StringBuilder sb = new StringBuilder();
      Path lastFile = null;
      String lastName = "";
      for (Finding fi : r.findings()) {
        if (fi.file() != lastFile) {
          // Findings come sorted by file: name each file once.
          lastFile = fi.file();
          lastName = Sarif.display(here, fi.file());
        }
        sb.append(lastName)
            .append(':')
            .append(fi.line())
            .append(": ")
            .append(fi.severity().name().toLowerCase(Locale.ROOT))
            .append(" [")
            .append(fi.rule())
            .append("] ")
            .append(fi.message())
            .append("\n    ")
            .append(fi.reason())
            .append('\n');
      }
      sb.append(
          "Linted "
              + r.files()
              + " file(s), "
              + r.statements()
              + " statement(s), PostgreSQL "
              + r.pgVersion()
              + ": "
              + r.errors()
              + " error(s), "
              + r.warnings()
              + " warning(s), "
              + r.infos()
              + " info.");
      out.line(sb.toString());
    }
  }

  @Command(
      name = "audit",
      description = {
        "Write per-migration audit reports: a CSV and a Markdown summary per migration, and an"
            + " index with totals and known issues. Reads every layout, Alembic included.",
        "Output is deterministic: rerunning on the same files writes the same bytes."
      })
  static final class Audit extends BaseCommand {
    @Option(
        names = "--out",
        required = true,
        paramLabel = "DIR",
        description = "Folder to write the reports into (created when missing).")
    Path out;

    @Override
    int run(Output output) {
      AuditResult r = migrator().audit(out);
      output.result(r);
      output.line(
          "Audited "
              + r.migrations()
              + " "
              + r.layout()
              + " migration(s): "
              + r.filesWritten()
              + " file(s) written to "
              + r.outDir());
      if (!r.branchPoints().isEmpty()) {
        output.line("branch points: " + String.join(", ", r.branchPoints()));
      }
      if (!r.merges().isEmpty()) {
        output.line("merges: " + String.join(", ", r.merges()));
      }
      output.line("known issues: " + r.knownIssues().size() + " (see index.md)");
      return 0;
    }
  }

  /** SARIF 2.1.0, the format code-scanning tools read. */
  static final class Sarif {
    private Sarif() {}

    static Map<String, Object> of(LintResult r, String version) {
      Path here = Path.of("").toAbsolutePath();
      List<Map<String, Object>> rules = new ArrayList<>();
      Map<String, Integer> index = new LinkedHashMap<>();
      for (LintResult.RuleInfo ri : r.rules()) {
        index.put(ri.id(), rules.size());
        rules.add(rule(ri.id(), ri.summary(), ri.severity()));
      }
      List<Map<String, Object>> results = new ArrayList<>();
      for (Finding f : r.findings()) {
        Integer i = index.get(f.rule());
        if (i == null) {
          i = rules.size();
          index.put(f.rule(), i);
          rules.add(rule(f.rule(), f.rule(), f.severity().name().toLowerCase(Locale.ROOT)));
        }
        Map<String, Object> region = Map.of("startLine", Math.max(1, f.line()));
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", Map.of("uri", uri(here, f.file())));
        physical.put("region", region);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", f.rule());
        result.put("ruleIndex", i);
        result.put("level", level(f.severity()));
        result.put("message", Map.of("text", f.message() + " " + f.reason()));
        result.put("locations", List.of(Map.of("physicalLocation", physical)));
        results.add(result);
      }
      Map<String, Object> driver = new LinkedHashMap<>();
      driver.put("name", "schemagate");
      driver.put("version", version);
      driver.put("informationUri", "https://github.com/schemagate/schemagate");
      driver.put("rules", rules);
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("tool", Map.of("driver", driver));
      run.put("results", results);
      Map<String, Object> log = new LinkedHashMap<>();
      log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
      log.put("version", "2.1.0");
      log.put("runs", List.of(run));
      return log;
    }

    private static Map<String, Object> rule(String id, String summary, String severity) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("shortDescription", Map.of("text", summary));
      m.put(
          "defaultConfiguration",
          Map.of(
              "level",
              severity.equals("off")
                  ? "none"
                  : level(Severity.valueOf(severity.toUpperCase(Locale.ROOT)))));
      return m;
    }

    private static String level(Severity s) {
      return switch (s) {
        case ERROR -> "error";
        case WARNING -> "warning";
        case INFO -> "note";
        case OFF -> "none";
      };
    }

    /** A path relative to the working folder when below it (how people and CI name files). */
    static String display(Path here, Path file) {
      if (file == null) {
        return "<input>";
      }
      Path abs = file.toAbsolutePath().normalize();
      return abs.startsWith(here) ? here.relativize(abs).toString() : abs.toString();
    }

    private static String uri(Path here, Path file) {
      return display(here, file).replace('\\', '/');
    }
  }
}

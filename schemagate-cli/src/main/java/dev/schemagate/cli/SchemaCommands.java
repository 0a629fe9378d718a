package dev.schemagate.cli;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.api.BaselineResult;
import dev.schemagate.core.api.DiffReport;
import dev.schemagate.core.schema.backup.BackupRecord;
import dev.schemagate.core.schema.diff.DiffRenderer;
import dev.schemagate.core.schema.drill.DrillRenderer;
import dev.schemagate.core.schema.drill.DrillReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Commands on the schema itself: diff, drift, drill, baseline, backup, restore. */
final class SchemaCommands {
  private SchemaCommands() {}

  enum Format {
    text,
    json,
    markdown
  }

  /** Prints a diff in the asked format; exit 0 when equal, 1 otherwise. */
  static int renderDiff(Output out, DiffReport r, Format format, String title) {
    boolean json = out.json() || format == Format.json;
    if (json) {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("from", r.from());
      answer.put("to", r.to());
      answer.put("diff", Output.tree(DiffRenderer.json(r.diff())));
      out.raw(Output.toJson(answer) + "\n");
    } else if (format == Format.markdown) {
      out.raw(
          "## "
              + title
              + "\n\nFrom: "
              + r.from()
              + "  \nTo: "
              + r.to()
              + "\n\n"
              + DiffRenderer.markdown(r.diff()));
    } else {
      out.raw("from: " + r.from() + "\nto:   " + r.to() + "\n" + DiffRenderer.text(r.diff()));
    }
    return r.diff().equal() ? 0 : ExitCode.FAILED.code();
  }

  @Command(
      name = "diff",
      description = {
        "Compare two schemas. Each side is a database URL, or a revision: the history applied to a"
            + " scratch database up to it (base is the empty schema).",
        "Exit code 0 when they are equal, 1 when they differ or could not be compared fully."
      })
  static final class Diff extends BaseCommand {
    @Option(names = "--from", required = true, paramLabel = "<url|revision>")
    String from;

    @Option(names = "--to", required = true, paramLabel = "<url|revision>")
    String to;

    @Option(names = "--format", paramLabel = "<format>", description = "text, json or markdown.")
    Format format = Format.text;

    @Mixin SchemaOptions schema;

    @Override
    int run(Output out) {
      DiffReport r = migrator().diff(from, to, schema.toRequest());
      return renderDiff(out, r, format, "Schema diff");
    }
  }

  @Command(
      name = "drift",
      description = {
        "Compare the database with what its recorded revisions should have produced (the history"
            + " applied to a scratch database).",
        "Exit code 0 when there is no drift, 1 when there is or it could not be compared fully."
      })
  static final class Drift extends BaseCommand {
    @Option(names = "--format", paramLabel = "<format>", description = "text, json or markdown.")
    Format format = Format.text;

    @Mixin SchemaOptions schema;

    @Override
    int run(Output out) {
      DiffReport r = migrator().drift(schema.toRequest());
      return renderDiff(out, r, format, "Schema drift");
    }
  }

  @Command(
      name = "drill",
      description = {
        "Reversibility drill on a scratch database: for each migration, upgrade, downgrade (the"
            + " schema must be as before), upgrade again (it must be as after).",
        "Exit code 0 when every migration is reversible (column order aside) or declared"
            + " irreversible, 1 otherwise."
      })
  static final class Drill extends BaseCommand {
    @Parameters(
        arity = "0..1",
        paramLabel = "<range>",
        description = "from:to, or to alone (default: every migration, base:heads).")
    String range;

    @Option(names = "--format", paramLabel = "<format>", description = "text, json or markdown.")
    Format format = Format.text;

    @Mixin SchemaOptions schema;

    @Override
    int run(Output out) {
      DrillReport r = migrator().drill(range, schema.toRequest());
      if (out.json() || format == Format.json) {
        out.raw(DrillRenderer.json(r) + "\n");
      } else if (format == Format.markdown) {
        out.raw(DrillRenderer.markdown(r));
      } else {
        out.raw(DrillRenderer.text(r));
      }
      return r.clean() ? 0 : ExitCode.FAILED.code();
    }
  }

  @Command(
      name = "baseline",
      description = {
        "Write a native root revision that recreates the live schema, verified on a scratch"
            + " database and linted.",
        "Exit code 0 when the baseline reproduces the live schema exactly, 1 otherwise."
      })
  static final class Baseline extends BaseCommand {
    @Option(
        names = {"-m", "--message"},
        paramLabel = "<text>",
        description = "The revision's message (default: baseline).")
    String message;

    @Mixin SchemaOptions schema;

    @Override
    int run(Output out) {
      BaselineResult r = migrator().baseline(message, schema.toRequest());
      if (out.json()) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("revision", r.revision());
        json.put("file", r.file());
        json.put("statements", r.statements());
        json.put("reproduces", r.reproduces());
        json.put("notReproduced", r.notReproduced());
        json.put("lint", Map.of("errors", r.lint().errors(), "warnings", r.lint().warnings()));
        json.put("verification", Output.tree(DiffRenderer.json(r.verification().diff())));
        out.raw(Output.toJson(json) + "\n");
      } else {
        out.line(
            "Wrote "
                + r.file()
                + " (revision "
                + r.revision()
                + ", "
                + r.statements()
                + " statements)");
        out.line(
            "Verified: " + r.verification().to() + " against " + r.verification().from() + ":");
        out.line("  " + DiffRenderer.summary(r.verification().diff()));
        if (!r.verification().diff().equal()) {
          out.raw(DiffRenderer.text(r.verification().diff()));
        }
        for (String n : r.notReproduced()) {
          out.line("  not reproduced: " + n);
        }
        out.line(
            "Lint of the baseline: "
                + r.lint().errors()
                + " error(s), "
                + r.lint().warnings()
                + " warning(s); see `schemagate lint "
                + r.file()
                + "`");
        out.line(
            r.reproduces()
                ? "Next: `schemagate stamp "
                    + r.revision()
                    + " --verify-parity` on the live database"
                : "The baseline does not reproduce the live schema exactly; see above.");
      }
      return r.reproduces() ? 0 : ExitCode.FAILED.code();
    }
  }

  @Command(
      name = "backup",
      description = {
        "Back up the database: pg_dump in custom format for PostgreSQL, the online backup for"
            + " SQLite. Writes a confirmation record (<file>.backup.json: size, SHA-256, verified,"
            + " time) beside it."
      })
  static final class Backup extends BaseCommand {
    @Option(
        names = {"-o", "--out"},
        paramLabel = "<file>",
        description = "Where to write (default: backups/<database>-<UTC time>.dump|.sqlite).")
    Path file;

    @Option(
        names = "--verify",
        description =
            "Restore into a scratch database and compare the schema and every table's row count.")
    boolean verify;

    @Mixin SchemaOptions schema;

    @Override
    int run(Output out) {
      BackupRecord r = migrator().backup(file, verify, schema.toRequest());
      renderBackup(out, r, "Backed up");
      return !verify || r.verified() ? 0 : ExitCode.FAILED.code();
    }
  }

  static void renderBackup(Output out, BackupRecord r, String verb) {
    out.result(r);
    out.line(verb + " " + r.source() + " to " + r.file());
    out.line("  method:  " + r.method());
    out.line("  size:    " + r.sizeBytes() + " bytes");
    out.line("  sha256:  " + r.sha256());
    out.line("  created: " + r.createdAt());
    out.line(
        "  verified: "
            + (r.verified() ? "yes" : "no")
            + (r.verificationDetail() == null ? "" : " (" + r.verificationDetail() + ")"));
    out.line("  record:  " + BackupRecord.recordPath(Path.of(r.file())));
  }

  @Command(
      name = "restore",
      description = {
        "Restore a backup into the database, after checking the file against its record's"
            + " SHA-256 (a damaged or edited file is refused, nothing touched)."
      })
  static final class Restore extends BaseCommand {
    @Parameters(index = "0", paramLabel = "<file>", description = "The backup file.")
    Path file;

    @Override
    int run(Output out) {
      BackupRecord r = migrator().restore(file);
      out.result(r);
      out.line(
          "Restored " + r.file() + " (sha256 " + r.sha256() + ", taken " + r.createdAt() + ")");
      return 0;
    }
  }
}

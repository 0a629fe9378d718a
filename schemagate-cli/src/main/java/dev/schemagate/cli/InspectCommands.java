package dev.schemagate.cli;

import dev.schemagate.core.api.HistoryResult;
import dev.schemagate.core.api.RevisionInfo;
import dev.schemagate.core.api.RevisionsResult;
import dev.schemagate.core.api.ShowResult;
import dev.schemagate.core.api.StatusResult;
import dev.schemagate.core.api.ValidateResult;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Commands that only read: current, heads, branches, show, history, status, validate. */
final class InspectCommands {
  private InspectCommands() {}

  static String describe(RevisionInfo r) {
    List<String> tags = new ArrayList<>();
    if (r.head()) {
      tags.add("head");
    }
    if (r.merge()) {
      tags.add("merge");
    }
    if (r.branchPoint()) {
      tags.add("branchpoint");
    }
    if (r.downRevisions().isEmpty()) {
      tags.add("base");
    }
    String labels =
        r.branchLabels().isEmpty() ? "" : " (" + String.join(", ", r.branchLabels()) + ")";
    return r.id()
        + labels
        + (tags.isEmpty() ? "" : " [" + String.join(", ", tags) + "]")
        + " "
        + r.message();
  }

  /** A list of revisions, one line each; the database first when there is one. */
  static int list(Output out, RevisionsResult r, String whenEmpty) {
    out.warnings(r.warnings());
    out.result(r);
    if (r.database() != null) {
      out.line("database: " + r.database());
    }
    if (r.revisions().isEmpty()) {
      out.line(whenEmpty);
    }
    for (RevisionInfo i : r.revisions()) {
      out.line(describe(i));
    }
    return 0;
  }

  static String parents(RevisionInfo r) {
    return r.downRevisions().isEmpty() ? "<base>" : String.join(", ", r.downRevisions());
  }

  @Command(name = "current", description = "Show the database's current revision(s).")
  static final class Current extends BaseCommand {
    @Override
    int run(Output out) {
      return list(out, migrator().current(), "base (no revision applied)");
    }
  }

  @Command(name = "heads", description = "Show the heads of the revision graph.")
  static final class Heads extends BaseCommand {
    @Override
    int run(Output out) {
      return list(out, migrator().heads(), "no revisions");
    }
  }

  @Command(name = "branches", description = "Show the branch points of the revision graph.")
  static final class Branches extends BaseCommand {
    @Override
    int run(Output out) {
      return list(out, migrator().branches(), "no branch points");
    }
  }

  @Command(name = "show", description = "Show one revision: metadata and SQL.")
  static final class Show extends BaseCommand {
    @Parameters(index = "0", paramLabel = "<revision>")
    String revision;

    @Override
    int run(Output out) {
      ShowResult r = migrator().show(revision);
      out.result(r);
      RevisionInfo i = r.revision();
      out.line("Rev: " + describe(i));
      out.line("Parent: " + parents(i));
      out.line(
          "Children: " + (r.children().isEmpty() ? "<none>" : String.join(", ", r.children())));
      if (!i.dependsOn().isEmpty()) {
        out.line("Depends on: " + String.join(", ", i.dependsOn()));
      }
      out.line("Path: " + i.file());
      out.line("Transaction: " + (i.transactional() ? "per-migration" : "none"));
      out.line("Checksum: " + i.checksum());
      if (i.irreversible() != null) {
        out.line("Irreversible: " + i.irreversible());
      }
      out.line("");
      out.line("-- upgrade");
      out.line(r.upgradeSql().strip());
      out.line("");
      out.line("-- downgrade");
      out.line(r.downgradeSql() == null ? "(none)" : r.downgradeSql().strip());
      return 0;
    }
  }

  @Command(name = "history", description = "List revisions, newest first, with an ASCII graph.")
  static final class History extends BaseCommand {
    @Option(
        names = {"-r", "--rev-range"},
        paramLabel = "<from:to>",
        description = "Only revisions in this range, e.g. base:head or ae10:.")
    String range;

    @Option(
        names = {"-v", "--verbose"},
        description = "Show parents, labels, files and messages in full.")
    boolean verbose;

    @Option(
        names = "--format",
        paramLabel = "<format>",
        description = "text (default), mermaid or dot.")
    String format;

    @Override
    int run(Output out) {
      HistoryResult r = migrator().history(range, format);
      out.warnings(r.warnings());
      out.result(r);
      if (r.graph() != null) {
        out.essential(r.graph());
        return 0;
      }
      for (HistoryResult.Entry e : r.entries()) {
        RevisionInfo i = e.revision();
        if (verbose) {
          out.line(e.lane() + "Rev: " + describe(i));
          String pad = e.lane().replace('*', '|').replace('o', '|');
          out.line(pad + "  Parent: " + parents(i));
          if (!i.dependsOn().isEmpty()) {
            out.line(pad + "  Depends on: " + String.join(", ", i.dependsOn()));
          }
          out.line(pad + "  Path: " + i.file());
          out.line(pad + "  Transaction: " + (i.transactional() ? "per-migration" : "none"));
          out.line(pad);
        } else {
          out.line(e.lane() + parents(i) + " -> " + describe(i));
        }
      }
      return 0;
    }
  }

  @Command(name = "status", description = "Show applied, pending and failed migrations.")
  static final class Status extends BaseCommand {
    @Override
    int run(Output out) {
      StatusResult r = migrator().status();
      out.warnings(r.warnings());
      out.result(r);
      if (out.json() || out.quiet()) {
        return 0;
      }
      // One block, written once: thousands of formatted, flushed lines cost more than the status.
      StringBuilder sb = new StringBuilder("database: ").append(r.database()).append('\n');
      for (StatusResult.Entry e : r.entries()) {
        sb.append("  ");
        pad(sb, e.state().name().toLowerCase(java.util.Locale.ROOT), 12);
        sb.append(' ');
        pad(sb, e.revision(), 20);
        sb.append(' ').append(e.message());
        if (e.appliedAt() != null) {
          sb.append("  (").append(e.appliedAt()).append(" by ").append(e.actor()).append(')');
        }
        sb.append('\n');
      }
      sb.append(r.applied())
          .append(" applied, ")
          .append(r.pending())
          .append(" pending, ")
          .append(r.failed())
          .append(" failed");
      out.line(sb.toString());
      return 0;
    }

    private static void pad(StringBuilder sb, String text, int width) {
      sb.append(text);
      for (int i = text.length(); i < width; i++) {
        sb.append(' ');
      }
    }
  }

  @Command(name = "validate", description = "Check applied migrations against their files.")
  static final class Validate extends BaseCommand {
    @Override
    int run(Output out) {
      ValidateResult r = migrator().validate();
      out.result(r);
      out.line("database: " + r.database());
      out.line("valid: " + r.checked() + " applied migration(s) match their files");
      return 0;
    }
  }
}

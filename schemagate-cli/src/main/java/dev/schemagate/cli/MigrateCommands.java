package dev.schemagate.cli;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.api.GateRequest;
import dev.schemagate.core.api.GovernedRun;
import dev.schemagate.core.api.MigrateRequest;
import dev.schemagate.core.api.MigrateResult;
import dev.schemagate.core.api.ParityStampResult;
import dev.schemagate.core.api.PlannedStep;
import dev.schemagate.core.api.ResolveRequest;
import dev.schemagate.core.api.RunMode;
import dev.schemagate.core.governance.verify.CheckResult;
import dev.schemagate.core.run.StepResult;
import dev.schemagate.core.schema.diff.DiffRenderer;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Commands that change (or would change) the database: upgrade, downgrade, stamp, resolve. */
final class MigrateCommands {
  private MigrateCommands() {}

  /** Options shared by upgrade, downgrade and stamp. */
  abstract static class MigrateCommand extends BaseCommand {
    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "<target>",
        description = "head, heads, base, +N, -N, a revision id or prefix, <label>@head ...")
    String target;

    @Option(
        names = "--sql",
        paramLabel = "<from:to>",
        description =
            "Offline: print the SQL from one revision to another (e.g. base:head) without"
                + " connecting.")
    String sqlRange;

    @Option(
        names = "--dry-run",
        description = "Online: print the SQL that would run; change nothing.")
    boolean dryRun;

    @Option(
        names = "--lock-timeout",
        paramLabel = "<seconds>",
        defaultValue = "60",
        description = "How long to wait for another run's lock (default: ${DEFAULT-VALUE} s).")
    double lockTimeoutSeconds;

    @Option(
        names = "--work-order",
        paramLabel = "<id>",
        description =
            "The approved work order this run carries out (required for a governed environment:"
                + " the gate checks every stop condition, takes a verified backup, records"
                + " evidence); recorded with each step.")
    String workOrder;

    @Option(
        names = "--trigger",
        paramLabel = "<text>",
        description =
            "For a downgrade under a rollback plan: which of the work order's rollback triggers"
                + " fired, as it is worded there.")
    String trigger;

    @Option(
        names = "--key",
        paramLabel = "<private key>",
        description =
            "For a governed environment: your private key, which proves who executes (the"
                + " configured person it belongs to, above worker). Required there: a claimed"
                + " $SCHEMAGATE_ACTOR is not proof.")
    java.nio.file.Path key;

    @Mixin SchemaOptions schema;

    abstract MigrateResult execute(MigrateRequest request);

    @Override
    int run(Output out) {
      if (target == null && sqlRange == null) {
        throw SchemagateException.badInput(
            "no target given", "name one: head, base, +1, -1, a revision id, <label>@head");
      }
      if (target != null && sqlRange != null) {
        throw SchemagateException.badInput(
            "--sql takes the range itself; do not also give a target",
            "e.g. upgrade --sql base:head");
      }
      RunMode mode = RunMode.LIVE;
      String from = null;
      String to = target;
      if (sqlRange != null) {
        mode = RunMode.SQL;
        int colon = sqlRange.indexOf(':');
        if (colon < 0) {
          throw SchemagateException.badInput(
              "--sql takes an explicit range <from>:<to>, got '" + sqlRange + "'",
              "e.g. --sql base:head, or use --dry-run to start from the database's current state");
        }
        from = sqlRange.substring(0, colon);
        to = sqlRange.substring(colon + 1);
      } else if (dryRun) {
        mode = RunMode.DRY_RUN;
      }
      var progress =
          mode == RunMode.LIVE && !out.json() && !out.quiet() ? Progress.forTerminal(out) : null;
      MigrateRequest request =
          new MigrateRequest(
              to,
              mode,
              from,
              Duration.ofMillis((long) (lockTimeoutSeconds * 1000)),
              workOrder,
              progress,
              new GateRequest(trigger, schema.toRequest(), commandLine(), key));
      MigrateResult result = execute(request);
      out.warnings(result.warnings());
      if (out.json()) {
        out.result(result);
        return 0;
      }
      if (mode != RunMode.LIVE) {
        out.essential(result.sql());
        return 0;
      }
      render(out, result);
      if (result.governance() != null) {
        renderGovernance(out, result.governance());
        return result.governance().verified() ? 0 : ExitCode.FAILED.code();
      }
      return 0;
    }
  }

  static void renderGovernance(Output out, GovernedRun g) {
    out.line(
        "Work order: " + g.workOrder() + (g.trigger() == null ? "" : ", trigger: " + g.trigger()));
    out.line("Backup: " + g.backupFile() + " (verified, sha256 " + g.backupSha256() + ")");
    if (g.verification().isEmpty()) {
      out.line("Verification: none declared");
    }
    for (CheckResult c : g.verification()) {
      out.line(
          "Verification: "
              + (c.pass() ? "PASS " : "FAIL ")
              + c.sql()
              + " -> "
              + (c.error() != null ? "error: " + c.error() : c.actual())
              + (c.pass() ? "" : " (expected " + c.expect() + ")"));
    }
    out.line("Evidence: " + g.evidenceDir() + " (+ .zip), manifest sha256 " + g.manifestSha256());
    out.line("Audit log head: " + g.auditHead());
    if (!g.verified()) {
      out.line(
          "The change is applied but its verification FAILED: follow the work order's rollback plan.");
    }
  }

  static void render(Output out, MigrateResult r) {
    if (r.environment() != null) {
      out.line(
          "environment: "
              + r.environment()
              + (r.governed() ? " (governed)" : " (not governed: no approval needed)"));
    }
    if (r.database() != null) {
      out.line("database: " + r.database());
    }
    out.line("current: " + heads(r.headsBefore()));
    if (r.plan().isEmpty()) {
      out.line("Nothing to do: the database is already at " + r.target() + ".");
      return;
    }
    out.line("Plan: " + r.command() + " to " + r.target() + ", " + r.plan().size() + " step(s)");
    for (PlannedStep s : r.plan()) {
      out.line(
          String.format(
              "  %3d. %-5s %-20s %s%s",
              s.index(),
              s.direction(),
              s.revision(),
              s.message(),
              s.transactional() ? "" : "  [outside a transaction]"));
    }
    out.line("Result:");
    long total = 0;
    for (StepResult s : r.steps()) {
      total += s.statements();
      out.line(
          String.format(
              "  %-7s %-5s %-20s %3d statement(s) %6d ms",
              s.outcome().dbValue(),
              s.direction().lower(),
              s.revision(),
              s.statements(),
              s.millis()));
    }
    out.line(
        String.format(
            "Done: %d step(s), %d statement(s) in %d ms; now at %s",
            r.steps().size(), total, r.millis(), heads(r.headsAfter())));
  }

  static String heads(List<String> heads) {
    return heads.isEmpty() ? "base (no revision applied)" : String.join(", ", heads);
  }

  @Command(name = "upgrade", description = "Apply migrations up to a target (default head).")
  static final class Upgrade extends MigrateCommand {
    @Override
    MigrateResult execute(MigrateRequest request) {
      return migrator().upgrade(request);
    }
  }

  @Command(name = "downgrade", description = "Revert migrations down to a target.")
  static final class Downgrade extends MigrateCommand {
    @Override
    MigrateResult execute(MigrateRequest request) {
      return migrator().downgrade(request);
    }
  }

  @Command(name = "stamp", description = "Set the version tables to a target without running SQL.")
  static final class Stamp extends MigrateCommand {
    @Option(
        names = "--verify-parity",
        description =
            "Stamp only if the live schema equals the history up to the target, applied to a"
                + " scratch database; otherwise print the differences and exit 1.")
    boolean verifyParity;

    @Override
    int run(Output out) {
      if (!verifyParity) {
        return super.run(out);
      }
      if (target == null || sqlRange != null || dryRun) {
        throw SchemagateException.badInput(
            "--verify-parity needs a live stamp to a target",
            "e.g. schemagate stamp head --verify-parity");
      }
      ParityStampResult r =
          migrator()
              .stampWithParity(
                  new MigrateRequest(
                      target,
                      RunMode.LIVE,
                      null,
                      Duration.ofMillis((long) (lockTimeoutSeconds * 1000)),
                      workOrder,
                      null),
                  schema.toRequest());
      if (!r.stamped()) {
        SchemaCommands.renderDiff(out, r.parity(), SchemaCommands.Format.text, "Parity check");
        if (!out.json()) {
          out.line("Not stamped: the live schema differs from the history up to " + target + ".");
        }
        return ExitCode.FAILED.code();
      }
      if (out.json()) {
        out.result(r.stamp());
        return 0;
      }
      out.line(
          "Parity: " + DiffRenderer.summary(r.parity().diff()) + " (" + r.parity().from() + ")");
      render(out, r.stamp());
      return 0;
    }

    @Override
    MigrateResult execute(MigrateRequest request) {
      return migrator().stamp(request);
    }
  }

  @Command(
      name = "resolve",
      description =
          "Declare how a failed step that ran outside a transaction was finished by hand.")
  static final class Resolve extends BaseCommand {
    @Parameters(index = "0", paramLabel = "<revision>")
    String revision;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    static final class Choice {
      @Option(
          names = "--applied",
          description = "Its statements were completed by hand: count it as run.")
      boolean applied;

      @Option(
          names = "--rolled-back",
          description = "Its statements were undone by hand: run it again next time.")
      boolean rolledBack;
    }

    @Override
    int run(Output out) {
      MigrateResult r = migrator().resolve(new ResolveRequest(revision, choice.applied));
      out.result(r);
      out.line(
          "Resolved "
              + revision
              + (choice.applied ? " as applied" : " as rolled back")
              + "; now at "
              + heads(r.headsAfter()));
      return 0;
    }
  }
}

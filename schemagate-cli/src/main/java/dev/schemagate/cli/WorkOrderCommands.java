package dev.schemagate.cli;

import dev.schemagate.core.api.WorkOrderRequest;
import dev.schemagate.core.api.WorkOrderResult;
import dev.schemagate.core.governance.gate.GateReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code schemagate wo new|show|approve|reject}. */
final class WorkOrderCommands {
  private WorkOrderCommands() {}

  @Command(
      name = "wo",
      description = "Work orders: one approved change to exactly one environment.",
      subcommands = {New.class, Show.class, Check.class, Approve.class, Reject.class})
  static final class Group extends GroupCommand {}

  static void render(Output out, WorkOrderResult r) {
    out.result(r);
    out.line(r.id() + ": " + r.file());
    for (String w : r.written()) {
      if (!w.equals(r.file())) {
        out.line("  evidence: " + w);
      }
    }
    for (String n : r.notes()) {
      out.line("  " + n);
    }
  }

  @Command(
      name = "new",
      description = {
        "Draft workorders/WO-MIGRATION-NNN.md for the --env environment: the migration declaration"
            + " with every checksum, and evidence (dry-run SQL, lint, schema diff and drill on a"
            + " scratch database, backup plan). Intent and rollback are left for you, marked TODO."
      })
  static final class New extends BaseCommand {
    @Option(
        names = "--to",
        required = true,
        paramLabel = "<target>",
        description = "Where the change goes: head, a revision, <label>@head.")
    String to;

    @Option(
        names = "--from",
        paramLabel = "<revs>",
        description =
            "The heads it starts from, comma-separated, or base (default: read from the"
                + " environment's database).")
    String from;

    @Option(
        names = "--author",
        paramLabel = "<name>",
        description = "Who drafts it, from people (default: $SCHEMAGATE_ACTOR, else $USER).")
    String author;

    @Option(
        names = "--downgrade",
        description = "Draft a downgrade (a rollback) to the target instead of an upgrade.")
    boolean downgrade;

    @Option(
        names = "--rollback-of",
        paramLabel = "<WO>",
        description =
            "With --downgrade: the work order being rolled back; its rollback plan (steps,"
                + " triggers, verification) is carried over.")
    String rollbackOf;

    @Mixin SchemaOptions schema;

    @Override
    int run(Output out) {
      render(
          out,
          migrator()
              .governance()
              .newWorkOrder(
                  new WorkOrderRequest(
                      downgrade ? "downgrade" : "upgrade",
                      to,
                      from,
                      author,
                      rollbackOf,
                      schema.toRequest())));
      return 0;
    }
  }

  @Command(
      name = "check",
      description = {
        "List every hard stop condition for a work order, PASS or FAIL with the reason, for the"
            + " environment named with --env. Changes nothing.",
        "Exit code 0 when all pass, 3 (blocked by policy) when any fails."
      })
  static final class Check extends BaseCommand {
    @Parameters(index = "0", paramLabel = "<WO>", description = "The id or the file.")
    String workOrder;

    @Override
    int run(Output out) {
      GateReport r = migrator().governance().checkWorkOrder(workOrder);
      out.result(r);
      out.line(r.render().stripTrailing());
      return r.passed() ? 0 : dev.schemagate.core.ExitCode.BLOCKED.code();
    }
  }

  @Command(name = "show", description = "Print a work order as its readable report.")
  static final class Show extends BaseCommand {
    @Parameters(index = "0", paramLabel = "<WO>", description = "The id or the file.")
    String workOrder;

    @Override
    int run(Output out) {
      String body = migrator().governance().showWorkOrder(workOrder);
      out.result(java.util.Map.of("workOrder", workOrder, "markdown", body));
      out.essential(body);
      return 0;
    }
  }

  @Command(
      name = "approve",
      description =
          "Sign a work order as approved, with your Ed25519 private key. The signature covers the"
              + " environment and every migration checksum; any later change voids it.")
  static final class Approve extends BaseCommand {
    @Parameters(index = "0", paramLabel = "<WO>", description = "The id or the file.")
    String workOrder;

    @Option(
        names = "--key",
        required = true,
        paramLabel = "<file>",
        description = "Your .key file.")
    Path key;

    @Override
    int run(Output out) {
      render(out, migrator().governance().approve(workOrder, key));
      return 0;
    }
  }

  @Command(name = "reject", description = "Sign a refusal of a work order, with its reason.")
  static final class Reject extends BaseCommand {
    @Parameters(index = "0", paramLabel = "<WO>", description = "The id or the file.")
    String workOrder;

    @Option(
        names = "--key",
        required = true,
        paramLabel = "<file>",
        description = "Your .key file.")
    Path key;

    @Option(names = "--reason", required = true, paramLabel = "<text>", description = "Why.")
    String reason;

    @Override
    int run(Output out) {
      render(out, migrator().governance().reject(workOrder, key, reason));
      return 0;
    }
  }
}

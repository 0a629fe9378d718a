package dev.schemagate.cli;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.config.ConnectionSpec;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code schemagate} command: parses options, calls the core's Migrator, renders results. */
@Command(
    name = "schemagate",
    mixinStandardHelpOptions = true,
    // --help and --version on every subcommand too: `schemagate status --help`.
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = Main.Version.class,
    description = "Governed database schema migrations for PostgreSQL and SQLite.")
public final class Main implements Runnable {
  @Mixin GlobalOptions global;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Every subcommand by name, in the order help lists them. */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("init", AuthorCommands.Init.class);
    m.put("revision", AuthorCommands.NewRevision.class);
    m.put("merge", AuthorCommands.Merge.class);
    m.put("upgrade", MigrateCommands.Upgrade.class);
    m.put("downgrade", MigrateCommands.Downgrade.class);
    m.put("stamp", MigrateCommands.Stamp.class);
    m.put("resolve", MigrateCommands.Resolve.class);
    m.put("current", InspectCommands.Current.class);
    m.put("heads", InspectCommands.Heads.class);
    m.put("branches", InspectCommands.Branches.class);
    m.put("show", InspectCommands.Show.class);
    m.put("history", InspectCommands.History.class);
    m.put("status", InspectCommands.Status.class);
    m.put("validate", InspectCommands.Validate.class);
    m.put("lint", AnalysisCommands.Lint.class);
    m.put("audit", AnalysisCommands.Audit.class);
    m.put("diff", SchemaCommands.Diff.class);
    m.put("drift", SchemaCommands.Drift.class);
    m.put("drill", SchemaCommands.Drill.class);
    m.put("baseline", SchemaCommands.Baseline.class);
    m.put("backup", SchemaCommands.Backup.class);
    m.put("restore", SchemaCommands.Restore.class);
    m.put("wo", WorkOrderCommands.Group.class);
    m.put("keys", GovernanceCommands.Keys.class);
    m.put("guard", GovernanceCommands.Guard.class);
    m.put("audit-log", GovernanceCommands.AuditLogGroup.class);
    m.put("evidence", GovernanceCommands.EvidenceGroup.class);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Global options that take a value as the next argument. */
  private static final java.util.Set<String> VALUED =
      java.util.Set.of("--config", "--env", "--url", "--migrations", "--layout");

  /**
   * The subcommand a command line names, or null when it names none (or an unknown one). Skips
   * global options and their values, so {@code --env lint status} asks for status.
   */
  static String requested(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (VALUED.contains(a)) {
        i++;
      } else if (!a.startsWith("-")) {
        return SUBCOMMANDS.containsKey(a) ? a : null;
      }
    }
    return null;
  }

  /** Runs one command line; returns the exit code. Used by tests in-process. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    Main main = new Main();
    CommandLine cl = new CommandLine(main);
    // Only the subcommand asked for is built: picocli reads each command's annotations when it is
    // added, and building all of them is a measurable part of every start. Help, a typo or no
    // subcommand gets them all, so usage and "did you mean" stay complete.
    String requested = requested(args);
    SUBCOMMANDS.forEach(
        (name, type) -> {
          if (requested == null || requested.equals(name)) {
            cl.addSubcommand(name, type);
          }
        });
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> handle(ex, main.global, out, err));
    cl.setParameterExceptionHandler(
        (ex, args2) -> {
          err.println("error: " + ConnectionSpec.redact(ex.getMessage()));
          err.println("  next: see `schemagate " + commandName(ex.getCommandLine()) + " --help`");
          return ExitCode.USAGE.code();
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static String commandName(CommandLine cl) {
    String name = cl.getCommandName();
    return "schemagate".equals(name) ? "" : name;
  }

  /** The one place exceptions become exit codes and messages. */
  static int handle(Exception ex, GlobalOptions global, PrintWriter out, PrintWriter err) {
    if (ex instanceof SchemagateException se) {
      if (global != null && global.json) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", ConnectionSpec.redact(se.getMessage()));
        json.put("next_step", se.nextStep());
        json.put("exit_code", se.exitCode().code());
        if (se.details() != null) {
          json.put("details", se.details());
        }
        out.println(Output.toJson(json));
      } else {
        err.println("error: " + ConnectionSpec.redact(se.getMessage()));
        if (!se.nextStep().isEmpty()) {
          err.println("  next: " + ConnectionSpec.redact(se.nextStep()));
        }
      }
      return se.exitCode().code();
    }
    err.println(
        "error: unexpected "
            + ex.getClass().getSimpleName()
            + ": "
            + ConnectionSpec.redact(String.valueOf(ex.getMessage())));
    err.println("  next: this is a bug in schemagate; please report it with the command line");
    return ExitCode.FAILED.code();
  }

  /** Prints the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"schemagate " + Output.toolVersion()};
    }
  }
}

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
    description = "Governed database schema migrations for PostgreSQL and SQLite.",
    subcommands = {
      AuthorCommands.Init.class,
      AuthorCommands.NewRevision.class,
      AuthorCommands.Merge.class,
      MigrateCommands.Upgrade.class,
      MigrateCommands.Downgrade.class,
      MigrateCommands.Stamp.class,
      MigrateCommands.Resolve.class,
      InspectCommands.Current.class,
      InspectCommands.Heads.class,
      InspectCommands.Branches.class,
      InspectCommands.Show.class,
      InspectCommands.History.class,
      InspectCommands.Status.class,
      InspectCommands.Validate.class,
      AnalysisCommands.Lint.class,
      AnalysisCommands.Audit.class,
    })
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

  /** Runs one command line; returns the exit code. Used by tests in-process. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    Main main = new Main();
    CommandLine cl = new CommandLine(main);
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

package dev.schemagate.cli;

import dev.schemagate.core.Migrator;
import dev.schemagate.core.RunIdentity;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: the global options, the facade and the output. A subcommand may sit
 * in a group ({@code schemagate keys new}); the global options are found on the top command
 * whatever the depth.
 */
abstract class BaseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** The top-level command, which holds the global options. */
  Main main() {
    CommandSpec s = spec;
    while (!(s.userObject() instanceof Main)) {
      s = s.parent();
    }
    return (Main) s.userObject();
  }

  Migrator migrator() {
    return Migrator.open(
        main().global.toWorkspaceOptions(),
        RunIdentity.detect(System.getenv(), null, Output.toolVersion()));
  }

  /** The arguments as given, for evidence (the core redacts secrets before writing them). */
  java.util.List<String> commandLine() {
    CommandSpec s = spec;
    while (s.parent() != null) {
      s = s.parent();
    }
    var parsed = s.commandLine().getParseResult();
    return parsed == null ? java.util.List.of() : parsed.originalArgs();
  }

  Output output() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    return new Output(out, err, main().global);
  }

  @Override
  public final Integer call() {
    return run(output());
  }

  /** Runs the command and returns the exit code (0; failures are exceptions). */
  abstract int run(Output out);
}

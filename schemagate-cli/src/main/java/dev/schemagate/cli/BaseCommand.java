package dev.schemagate.cli;

import dev.schemagate.core.Migrator;
import dev.schemagate.core.RunIdentity;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every subcommand shares: the global options, the facade and the output. */
abstract class BaseCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Spec CommandSpec spec;

  Migrator migrator() {
    return Migrator.open(
        main.global.toWorkspaceOptions(),
        RunIdentity.detect(System.getenv(), null, Output.toolVersion()));
  }

  Output output() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    return new Output(out, err, main.global);
  }

  @Override
  public final Integer call() {
    return run(output());
  }

  /** Runs the command and returns the exit code (0; failures are exceptions). */
  abstract int run(Output out);
}

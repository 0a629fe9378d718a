package dev.schemagate.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code schemagate wo}, {@code schemagate keys}): run on
 * its own, it prints its usage, listing them. picocli injects the spec into the inherited field.
 */
abstract class GroupCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public final void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

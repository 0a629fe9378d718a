package dev.schemagate.cli;

import dev.schemagate.core.api.FilesResult;
import dev.schemagate.core.api.NewRevisionRequest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Commands that write files: init, revision, merge. */
final class AuthorCommands {
  private AuthorCommands() {}

  static void render(Output out, FilesResult r) {
    out.result(r);
    for (String f : r.created()) {
      out.line("created " + f);
    }
  }

  @Command(name = "init", description = "Create schemagate.yaml and a migrations folder.")
  static final class Init extends BaseCommand {
    @Override
    int run(Output out) {
      render(out, migrator().init());
      return 0;
    }
  }

  @Command(name = "revision", description = "Write a new native migration file.")
  static final class NewRevision extends BaseCommand {
    @Option(
        names = {"-m", "--message"},
        required = true,
        paramLabel = "<text>")
    String message;

    @Option(
        names = "--head",
        paramLabel = "<rev>",
        description = "Parent revision (default: the single head; base for a new root).")
    List<String> heads = new ArrayList<>();

    @Option(names = "--branch-label", paramLabel = "<label>")
    String branchLabel;

    @Option(names = "--depends-on", paramLabel = "<rev>")
    List<String> dependsOn = new ArrayList<>();

    @Option(
        names = "--no-transaction",
        description = "Write transaction: none (for CREATE INDEX CONCURRENTLY).")
    boolean noTransaction;

    @Override
    int run(Output out) {
      render(
          out,
          migrator()
              .revision(
                  new NewRevisionRequest(message, heads, branchLabel, dependsOn, !noTransaction)));
      return 0;
    }
  }

  @Command(name = "merge", description = "Write a merge revision joining heads.")
  static final class Merge extends BaseCommand {
    @Parameters(
        paramLabel = "<rev>",
        arity = "0..*",
        description = "Revisions to merge (default: all heads).")
    List<String> revisions = new ArrayList<>();

    @Option(
        names = {"-m", "--message"},
        paramLabel = "<text>",
        defaultValue = "merge heads")
    String message;

    @Override
    int run(Output out) {
      render(out, migrator().merge(revisions, message));
      return 0;
    }
  }
}

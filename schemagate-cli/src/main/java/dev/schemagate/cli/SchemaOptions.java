package dev.schemagate.cli;

import dev.schemagate.core.api.SchemaRequest;
import dev.schemagate.core.schema.diff.DiffOptions;
import dev.schemagate.core.schema.scratch.ScratchSettings;
import picocli.CommandLine.Option;

/** How schema commands compare, and where their scratch databases come from. */
final class SchemaOptions {
  @Option(
      names = "--scratch-url",
      paramLabel = "<url>",
      description =
          "A PostgreSQL server to make scratch databases on (default: an embedded PostgreSQL"
              + " started and removed by schemagate).")
  String scratchUrl;

  @Option(
      names = "--scratch-pg-version",
      paramLabel = "N",
      description = "Major version of the embedded scratch PostgreSQL: 15, 16 or 17 (default 16).")
  int scratchPgVersion;

  @Option(
      names = "--ignore-column-order",
      description = "Do not count columns that only sit in another position.")
  boolean ignoreColumnOrder;

  @Option(
      names = "--ignore-generated-names",
      description =
          "Match constraints and indexes by definition when only their (system-generated) names"
              + " differ.")
  boolean ignoreGeneratedNames;

  SchemaRequest toRequest() {
    ScratchSettings scratch =
        ScratchSettings.defaults().withScratchUrl(scratchUrl).withPostgresMajor(scratchPgVersion);
    DiffOptions options =
        DiffOptions.DEFAULT
            .withIgnoreColumnOrder(ignoreColumnOrder)
            .withIgnoreGeneratedNames(ignoreGeneratedNames);
    return new SchemaRequest(options, scratch);
  }
}

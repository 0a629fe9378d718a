package dev.schemagate.cli;

import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.config.WorkspaceOptions;
import dev.schemagate.core.source.Layout;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every command takes, declared once and mixed in. */
public final class GlobalOptions {
  @Option(
      scope = ScopeType.INHERIT,
      names = "--config",
      paramLabel = "<file>",
      description = "Configuration file (default: schemagate.yaml in the working folder, if any).")
  Path config;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--env",
      paramLabel = "<name>",
      description = "Environment of the configuration.")
  String env;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--url",
      paramLabel = "<url>",
      description = "jdbc:postgresql:..., jdbc:sqlite:... or postgres://user:pass@host:port/db.")
  String url;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--migrations",
      paramLabel = "<dir>",
      description = "Migrations folder.")
  Path migrations;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--layout",
      paramLabel = "<layout>",
      description =
          "native, flyway, diesel, golang-migrate, dbmate or alembic (default: detected).")
  String layout;

  @Option(scope = ScopeType.INHERIT, names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Option(
      scope = ScopeType.INHERIT,
      names = {"-q", "--quiet"},
      description = "Print only errors.")
  boolean quiet;

  WorkspaceOptions toWorkspaceOptions() {
    Layout l = null;
    if (layout != null) {
      l = Layout.fromCliName(layout);
      if (l == null) {
        throw SchemagateException.badInput(
            "unknown layout '" + layout + "'",
            "use native, flyway, diesel, golang-migrate, dbmate or alembic");
      }
    }
    return new WorkspaceOptions(config, env, url, migrations, l, System.getenv(), null);
  }
}

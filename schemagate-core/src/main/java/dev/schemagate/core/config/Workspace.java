package dev.schemagate.core.config;

import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.source.Layout;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Options and configuration resolved into what a command works on.
 *
 * <p>Connection precedence: {@code --url}, then {@code --env}, then the configuration's {@code
 * default_environment}, then {@code DATABASE_URL}. Resolution of the URL is lazy: offline commands
 * ({@code history}, {@code heads}, {@code --sql}) work without one.
 *
 * @param config the configuration file read, or null
 * @param migrations the migrations folder
 * @param layout the forced layout or null for auto-detection
 * @param environment the environment name, or null when the URL came from elsewhere
 * @param governed whether the environment is governed
 * @param connection the connection, or null when none was given
 * @param variables the process environment the {@code url_env} settings are read from
 */
public record Workspace(
    ProjectConfig config,
    Path migrations,
    Layout layout,
    String environment,
    boolean governed,
    ConnectionSpec connection,
    java.util.Map<String, String> variables) {

  public Workspace {
    variables = variables == null ? java.util.Map.of() : java.util.Map.copyOf(variables);
  }

  /**
   * The connection of another configured environment (a work order's), or null when it is not
   * configured or its URL variable is not set. The workspace's own environment gives the
   * workspace's connection, so a {@code --url} given for it still counts.
   */
  public ConnectionSpec connectionFor(String envName) {
    if (envName == null) {
      return null;
    }
    if (envName.equals(environment)) {
      return connection;
    }
    ProjectConfig.Environment env = config == null ? null : config.environments().get(envName);
    if (env == null) {
      return null;
    }
    String url = env.url() != null ? env.url() : variables.get(env.urlEnv());
    return url == null || url.isBlank() ? null : ConnectionSpec.parse(url);
  }

  public static final String DEFAULT_CONFIG = "schemagate.yaml";

  /** Resolves the options; throws bad input naming what is missing or wrong. */
  public static Workspace resolve(WorkspaceOptions o) {
    ProjectConfig config = null;
    if (o.configFile() != null) {
      Path f = o.workingDir().resolve(o.configFile());
      if (!Files.isRegularFile(f)) {
        throw SchemagateException.badInput(
            "configuration file " + f + " does not exist",
            "check --config, or run schemagate init");
      }
      config = ProjectConfig.load(f);
    } else {
      Path f = o.workingDir().resolve(DEFAULT_CONFIG);
      if (Files.isRegularFile(f)) {
        config = ProjectConfig.load(f);
      }
    }
    Path migrations;
    if (o.migrations() != null) {
      migrations = o.workingDir().resolve(o.migrations()).normalize();
    } else if (config != null) {
      migrations = config.migrations();
    } else {
      migrations = o.workingDir().resolve("migrations");
    }
    Layout layout = o.layout() != null ? o.layout() : config == null ? null : config.layout();

    String envName = o.environment();
    if (envName == null && o.url() == null && config != null) {
      envName = config.defaultEnvironment();
    }
    ConnectionSpec connection = null;
    boolean governed = false;
    if (o.url() != null) {
      connection = ConnectionSpec.parse(o.url());
      envName = o.environment();
    }
    if (envName != null) {
      if (config == null) {
        throw SchemagateException.badInput(
            "--env " + envName + " given but there is no schemagate.yaml",
            "pass --config <file>, or give --url instead");
      }
      ProjectConfig.Environment env = config.environments().get(envName);
      if (env == null) {
        throw SchemagateException.badInput(
            config.file() + ": no environment named '" + envName + "'",
            "choose one of " + config.environments().keySet());
      }
      governed = env.governed();
      if (connection == null) {
        if (env.url() != null) {
          connection = ConnectionSpec.parse(env.url());
        } else {
          String value = o.variables().get(env.urlEnv());
          if (value == null || value.isBlank()) {
            throw SchemagateException.badInput(
                "environment '"
                    + envName
                    + "' takes its URL from $"
                    + env.urlEnv()
                    + ", which is not set",
                "export " + env.urlEnv() + "=postgres://user:password@host:5432/db");
          }
          connection = ConnectionSpec.parse(value);
        }
      }
    }
    if (connection == null) {
      String value = o.variables().get("DATABASE_URL");
      if (value != null && !value.isBlank()) {
        connection = ConnectionSpec.parse(value);
      }
    }
    return new Workspace(config, migrations, layout, envName, governed, connection, o.variables());
  }

  /** The connection, or a bad-input error saying how to give one. */
  public ConnectionSpec requireConnection() {
    if (connection == null) {
      throw SchemagateException.badInput(
          "no database given",
          "pass --url jdbc:sqlite:app.db or postgres://user@host/db, set DATABASE_URL, or choose"
              + " an environment of schemagate.yaml with --env");
    }
    return connection;
  }
}

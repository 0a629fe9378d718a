package dev.schemagate.core.config;

import dev.schemagate.core.source.Layout;
import java.nio.file.Path;
import java.util.Map;

/**
 * The global options as the user gave them, before any resolution. Every field may be null.
 *
 * @param configFile {@code --config}; when null, {@code schemagate.yaml} in the working folder is
 *     used if present
 * @param environment {@code --env}
 * @param url {@code --url}
 * @param migrations {@code --migrations}
 * @param layout {@code --layout}
 * @param variables the process environment (for {@code DATABASE_URL} and {@code url_env})
 * @param workingDir where relative paths start
 */
public record WorkspaceOptions(
    Path configFile,
    String environment,
    String url,
    Path migrations,
    Layout layout,
    Map<String, String> variables,
    Path workingDir) {

  public WorkspaceOptions {
    variables = variables == null ? Map.of() : Map.copyOf(variables);
    workingDir = workingDir == null ? Path.of("").toAbsolutePath() : workingDir;
  }
}

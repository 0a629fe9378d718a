package dev.schemagate.core.api;

import java.util.List;

/**
 * What a run against a governed environment needs besides the work order.
 *
 * @param trigger for a downgrade under a rollback plan: the trigger that fired, as the work order
 *     words it; else null
 * @param schema where the backup's verification restores (scratch settings)
 * @param commandLine the command line as typed, for the evidence pack; secrets in it are redacted
 *     before anything is written
 * @param key the executor's private key: the executor is the configured person it belongs to,
 *     proven rather than claimed; null to take the run's actor ({@code SCHEMAGATE_ACTOR}, else the
 *     OS user) at its word
 */
public record GateRequest(
    String trigger, SchemaRequest schema, List<String> commandLine, java.nio.file.Path key) {
  /** No trigger, default scratch, no command line, no key (a library call). */
  public static final GateRequest NONE = new GateRequest(null, null, List.of(), null);

  public GateRequest {
    schema = schema == null ? SchemaRequest.defaults() : schema;
    commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
  }
}

package dev.schemagate.core.api;

import dev.schemagate.core.schema.diff.DiffOptions;
import dev.schemagate.core.schema.scratch.ScratchSettings;

/**
 * What every schema comparison needs: how strictly to compare, and where scratch databases come
 * from.
 *
 * @param options what the comparison overlooks (column order, generated names)
 * @param scratch the scratch database settings (embedded PostgreSQL by default)
 */
public record SchemaRequest(DiffOptions options, ScratchSettings scratch) {

  public SchemaRequest {
    options = options == null ? DiffOptions.DEFAULT : options;
    scratch = scratch == null ? ScratchSettings.defaults() : scratch;
  }

  /** Strict comparison on the default scratch server. */
  public static SchemaRequest defaults() {
    return new SchemaRequest(null, null);
  }
}

package dev.schemagate.core.api;

/**
 * The result of {@code schemagate stamp <rev> --verify-parity}.
 *
 * @param parity the history up to the revision (on scratch) against the live database
 * @param stamp the stamp made, or null when parity failed and nothing was stamped
 */
public record ParityStampResult(DiffReport parity, MigrateResult stamp) {

  /** True when the schemas were equal and the stamp was made. */
  public boolean stamped() {
    return stamp != null;
  }
}

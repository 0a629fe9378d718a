package dev.schemagate.core.source;

import dev.schemagate.core.revision.Revision;

/**
 * A migration as read from disk: its graph node and its SQL. Nothing here knows whether it was
 * applied; that is {@code history}'s business.
 *
 * @param revision the graph node (for a repeatable, a pseudo revision with no parents)
 * @param up the upgrade SQL
 * @param down the downgrade SQL, or null when the layout has none for this migration
 * @param transactional false when the file must run outside a transaction, statement by statement
 * @param irreversibleReason why there is no downgrade, when the file says so; else null
 * @param checksum SHA-256 (hex) of the upgrade SQL with line endings normalised: what {@code
 *     validate} compares with the applied record
 * @param kind versioned (in the graph) or repeatable (Flyway {@code R__}, re-run when changed)
 */
public record MigrationScript(
    Revision revision,
    SqlSection up,
    SqlSection down,
    boolean transactional,
    String irreversibleReason,
    String checksum,
    Kind kind) {

  public enum Kind {
    VERSIONED,
    REPEATABLE
  }

  public String id() {
    return revision.id();
  }
}

package dev.schemagate.core.schema.backup;

import dev.schemagate.core.config.ConnectionSpec;

/**
 * One comparison between a source database and its backup restored into a scratch database, run by
 * {@link Backups#verify}. Row counts per table today ({@link TableRowCounts}); a full schema
 * snapshot comparison can be added as another check.
 *
 * <p>Contract: a check that could not compare (a query failed, a table could not be read) must
 * return {@code matches = false} with the reason, never a match.
 */
@FunctionalInterface
public interface RestoredCheck {

  /**
   * Compares the two databases.
   *
   * @param source the database that was backed up
   * @param restored the scratch database the backup was restored into
   */
  Outcome compare(ConnectionSpec source, ConnectionSpec restored);

  /**
   * What a check found.
   *
   * @param matches true when the restored database equals the source in what this check looks at
   * @param detail what was compared and the result, e.g. the differing tables and counts; never
   *     null, one line per difference
   */
  record Outcome(boolean matches, String detail) {}
}

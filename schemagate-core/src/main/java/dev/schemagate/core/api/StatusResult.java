package dev.schemagate.core.api;

import java.util.List;

/**
 * Files and database merged into one state per revision.
 *
 * @param database the database, redacted
 * @param entries one per revision in run order, then revisions the database has but files lack
 * @param applied how many are applied
 * @param pending how many are not
 * @param failed how many block further runs (partial or interrupted)
 * @param warnings stray files and the like
 */
public record StatusResult(
    String database,
    List<Entry> entries,
    int applied,
    int pending,
    int failed,
    List<String> warnings) {

  /** The state of one revision. */
  public enum State {
    /** Applied, and its file is unchanged since. */
    APPLIED,
    /** On disk, not applied. */
    PENDING,
    /** Ran outside a transaction and failed or was interrupted: blocks runs until resolved. */
    FAILED,
    /** Applied, but its file changed since: validate fails. */
    EDITED,
    /** Applied according to the database, but no file declares it. */
    MISSING_FILE
  }

  /**
   * @param revision the revision id
   * @param message its message
   * @param state the merged state
   * @param appliedAt when it was last applied (ISO-8601 UTC), or null
   * @param actor who applied it, or null
   */
  public record Entry(
      String revision, String message, State state, String appliedAt, String actor) {}
}

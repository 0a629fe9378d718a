package dev.schemagate.core.api;

/** How a migrating command treats the database. */
public enum RunMode {
  /** Run the SQL and record it. */
  LIVE,
  /** Online: read the current state, print the exact SQL a live run would send, change nothing. */
  DRY_RUN,
  /** Offline: print the SQL for an explicit {@code from:to} range; no connection at all. */
  SQL
}

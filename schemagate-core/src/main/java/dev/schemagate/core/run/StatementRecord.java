package dev.schemagate.core.run;

import java.util.List;

/**
 * One statement as it ran, for the evidence pack.
 *
 * @param seq its position in the run, from 1
 * @param revision the revision whose step sent it, or null for statements outside any step (the
 *     version tables' creation)
 * @param kind {@code migration} for the migration's own SQL, {@code bookkeeping} for version-table
 *     writes, {@code setup} for the version tables' creation before the first step
 * @param sql the text sent
 * @param params bound values (version-table writes only; never secrets: revision ids, actor, host,
 *     times)
 * @param started ISO-8601 UTC
 * @param micros wall time
 * @param rows the update count, or -1 when none was reported
 * @param messages the database's notices and warnings for it
 * @param error the database's error message when it failed, else null
 */
public record StatementRecord(
    int seq,
    String revision,
    String kind,
    String sql,
    List<String> params,
    String started,
    long micros,
    int rows,
    List<String> messages,
    String error) {
  public StatementRecord {
    params = List.copyOf(params);
    messages = List.copyOf(messages);
  }
}

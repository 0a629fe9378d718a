package dev.schemagate.core.history;

import dev.schemagate.core.plan.Direction;

/**
 * One row of the append-only history table.
 *
 * @param id the row id, increasing in insertion order (0 before insertion)
 * @param revision the revision id
 * @param direction up or down
 * @param kind {@code versioned} or {@code repeatable}
 * @param checksum SHA-256 of the upgrade SQL as applied
 * @param actor who ran it (OS user or {@code --actor})
 * @param host the machine it ran on
 * @param workOrder the work order, or null
 * @param startedAt ISO-8601 UTC
 * @param finishedAt ISO-8601 UTC, or null while running
 * @param statements how many statements completed
 * @param outcome how it ended
 * @param error the database message when it failed, else null
 * @param toolVersion the schemagate version that wrote the row
 */
public record HistoryEntry(
    long id,
    String revision,
    Direction direction,
    String kind,
    String checksum,
    String actor,
    String host,
    String workOrder,
    String startedAt,
    String finishedAt,
    int statements,
    Outcome outcome,
    String error,
    String toolVersion) {}

package dev.schemagate.core.governance.verify;

/**
 * One health check as it ran.
 *
 * @param sql the query
 * @param expect the result the work order declares
 * @param actual what the database gave, in the same text form, or null when it failed
 * @param pass whether actual equals expect
 * @param error the database's message when the query failed, else null
 * @param millis wall time
 */
public record CheckResult(
    String sql, String expect, String actual, boolean pass, String error, long millis) {}

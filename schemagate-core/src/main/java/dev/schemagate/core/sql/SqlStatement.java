package dev.schemagate.core.sql;

/**
 * One statement cut out of a script.
 *
 * @param sql the statement text without its terminating semicolon, comments kept
 * @param line 1-based line, within the text that was split, where the statement starts (its first
 *     non-blank, non-comment character)
 */
public record SqlStatement(String sql, int line) {}

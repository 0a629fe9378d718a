package dev.schemagate.core.sql;

/**
 * Something in a script that cannot be SQL: an unterminated string, comment, quoted identifier or
 * dollar quote, binary content, or a character no SQL token starts with.
 *
 * @param line 1-based line where the problem starts
 * @param message what is wrong and what to do next
 */
public record ParseProblem(int line, String message) {}

package dev.schemagate.core.sql.ast;

/**
 * ALTER [COLUMN] c SET DEFAULT expr; {@code expr} raw text. {@code line}: 1-based line where the
 * action starts.
 */
public record SetDefault(String column, String expr, int line) implements AlterAction {}

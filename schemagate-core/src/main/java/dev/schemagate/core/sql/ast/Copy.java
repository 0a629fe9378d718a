package dev.schemagate.core.sql.ast;

/**
 * COPY.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record Copy(int line, String sql) implements Stmt {}

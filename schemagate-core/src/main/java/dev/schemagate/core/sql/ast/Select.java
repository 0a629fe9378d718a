package dev.schemagate.core.sql.ast;

/**
 * SELECT, VALUES, WITH ... and TABLE queries.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record Select(int line, String sql) implements Stmt {}

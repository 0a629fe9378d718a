package dev.schemagate.core.sql.ast;

/**
 * GRANT or REVOKE.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record Grant(int line, String sql) implements Stmt {}

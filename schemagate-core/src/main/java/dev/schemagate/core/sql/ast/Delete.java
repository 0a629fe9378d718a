package dev.schemagate.core.sql.ast;

/**
 * DELETE FROM.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record Delete(QualifiedName table, int line, String sql) implements Stmt {}

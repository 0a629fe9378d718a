package dev.schemagate.core.sql.ast;

/**
 * DO; {@code body} the code without dollar quotes, {@code language} lower case (default plpgsql).
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record DoBlock(String body, String language, int line, String sql) implements Stmt {}

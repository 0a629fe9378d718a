package dev.schemagate.core.sql.ast;

/**
 * SET / SET LOCAL / SET SESSION / RESET; {@code name} lower case (e.g. lock_timeout), {@code value}
 * raw text with quotes removed from a single string value, null for RESET. {@code SET TIME ZONE x}
 * gives name {@code timezone}.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record SetVariable(String name, String value, boolean local, int line, String sql)
    implements Stmt {}

package dev.schemagate.core.sql.ast;

/**
 * COMMENT ON; {@code objectType} upper case (TABLE, COLUMN, ...), {@code target} normalised dotted
 * name.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record Comment(String objectType, String target, int line, String sql) implements Stmt {}

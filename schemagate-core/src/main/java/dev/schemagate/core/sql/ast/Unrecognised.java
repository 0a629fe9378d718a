package dev.schemagate.core.sql.ast;

/**
 * A statement this parser does not understand; {@code keywords} its leading words upper-cased (up
 * to three, e.g. CREATE OPERATOR CLASS).
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record Unrecognised(String keywords, int line, String sql) implements Stmt {}

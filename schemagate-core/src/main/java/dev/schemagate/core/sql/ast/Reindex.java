package dev.schemagate.core.sql.ast;

/**
 * REINDEX; {@code targetKind} INDEX, TABLE, SCHEMA, DATABASE or SYSTEM.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record Reindex(
    String targetKind, QualifiedName target, boolean concurrently, int line, String sql)
    implements Stmt {}

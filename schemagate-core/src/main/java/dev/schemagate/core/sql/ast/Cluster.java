package dev.schemagate.core.sql.ast;

/**
 * CLUSTER; {@code table} null for a bare CLUSTER.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record Cluster(QualifiedName table, int line, String sql) implements Stmt {}

package dev.schemagate.core.sql.ast;

import java.util.List;

/**
 * VACUUM (and ANALYZE); {@code tables} empty for the whole database.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record Vacuum(boolean full, List<QualifiedName> tables, int line, String sql)
    implements Stmt {}

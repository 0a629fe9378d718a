package dev.schemagate.core.sql.ast;

import java.util.List;

/**
 * TRUNCATE.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record Truncate(List<QualifiedName> tables, boolean cascade, int line, String sql)
    implements Stmt {}

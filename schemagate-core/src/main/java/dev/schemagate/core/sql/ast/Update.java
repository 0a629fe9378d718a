package dev.schemagate.core.sql.ast;

import java.util.List;

/**
 * UPDATE; {@code assignedColumns} in order, duplicates kept, {@code (a, b) = (..)} expanded.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record Update(QualifiedName table, List<String> assignedColumns, int line, String sql)
    implements Stmt {}

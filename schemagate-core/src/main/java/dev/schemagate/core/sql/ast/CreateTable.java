package dev.schemagate.core.sql.ast;

import java.util.List;

/**
 * CREATE TABLE. {@code asSelect} for CREATE TABLE .. AS / SELECT INTO style; {@code partitionOf}
 * for CREATE TABLE .. PARTITION OF parent; {@code partitionBy} is the raw text after PARTITION BY
 * (e.g. {@code RANGE (created_at)}) or null.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record CreateTable(
    QualifiedName name,
    boolean ifNotExists,
    boolean temporary,
    boolean unlogged,
    List<ColumnDef> columns,
    List<ConstraintDef> constraints,
    boolean asSelect,
    QualifiedName partitionOf,
    String partitionBy,
    int line,
    String sql)
    implements Stmt {}

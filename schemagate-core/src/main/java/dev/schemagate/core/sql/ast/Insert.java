package dev.schemagate.core.sql.ast;

import java.util.List;

/**
 * INSERT INTO; {@code columns} the listed target columns, empty when none are listed.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record Insert(QualifiedName table, List<String> columns, int line, String sql)
    implements Stmt {}

package dev.schemagate.core.sql.ast;

import java.util.List;

/**
 * ALTER TABLE (also ALTER TABLE .. RENAME ...). {@code actions} in written order.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record AlterTable(
    QualifiedName name,
    boolean ifExists,
    boolean only,
    List<AlterAction> actions,
    int line,
    String sql)
    implements Stmt {}

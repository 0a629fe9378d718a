package dev.schemagate.core.sql.ast;

/**
 * ALTER INDEX/VIEW/SEQUENCE/TYPE/SCHEMA/... name RENAME TO new. ALTER TABLE .. RENAME is an {@link
 * AlterTable}.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record RenameObject(String objectType, QualifiedName from, String to, int line, String sql)
    implements Stmt {}

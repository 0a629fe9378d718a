package dev.schemagate.core.sql.ast;

/**
 * ALTER TYPE .. ADD VALUE; {@code value}, {@code before}, {@code after} unquoted.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record AlterTypeAddValue(
    QualifiedName type,
    String value,
    boolean ifNotExists,
    String before,
    String after,
    int line,
    String sql)
    implements Stmt {}

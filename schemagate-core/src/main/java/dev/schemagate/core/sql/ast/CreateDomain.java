package dev.schemagate.core.sql.ast;

/**
 * CREATE DOMAIN; {@code hasConstraint} when it declares CHECK or NOT NULL.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record CreateDomain(
    QualifiedName name, TypeName type, boolean hasConstraint, int line, String sql)
    implements Stmt {}

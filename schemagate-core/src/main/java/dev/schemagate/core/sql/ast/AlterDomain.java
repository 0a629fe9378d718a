package dev.schemagate.core.sql.ast;

/**
 * ALTER DOMAIN (other than RENAME); {@code actionKeywords} upper case leading words of the action.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record AlterDomain(
    QualifiedName name, String actionKeywords, boolean addsConstraint, int line, String sql)
    implements Stmt {}

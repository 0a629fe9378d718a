package dev.schemagate.core.sql.ast;

/**
 * ALTER of an object other than TABLE/TYPE ADD VALUE/DOMAIN that is not a rename (ALTER INDEX ..
 * SET TABLESPACE, ALTER SEQUENCE .. RESTART, ALTER FUNCTION .. OWNER TO ...). {@code
 * actionKeywords} upper case leading words of the action.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record AlterObject(
    String objectType, QualifiedName name, String actionKeywords, int line, String sql)
    implements Stmt {}

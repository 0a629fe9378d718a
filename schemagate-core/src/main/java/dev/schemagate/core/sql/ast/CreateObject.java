package dev.schemagate.core.sql.ast;

/**
 * CREATE of an object with no dedicated record (VIEW, MATERIALIZED VIEW, SEQUENCE, FUNCTION,
 * PROCEDURE, TRIGGER, EXTENSION, SCHEMA, TYPE (composite/range), POLICY, RULE, ...). {@code
 * onTable}: the table of a TRIGGER/POLICY/RULE or null. {@code name} may be null when the statement
 * has none (CREATE SCHEMA AUTHORIZATION x).
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record CreateObject(
    String objectType,
    QualifiedName name,
    boolean ifNotExists,
    boolean orReplace,
    QualifiedName onTable,
    int line,
    String sql)
    implements Stmt {}

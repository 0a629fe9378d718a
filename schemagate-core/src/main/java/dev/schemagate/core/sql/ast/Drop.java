package dev.schemagate.core.sql.ast;

import java.util.List;

/**
 * DROP of anything but an index. {@code objectType} upper case, e.g. TABLE, MATERIALIZED VIEW;
 * {@code onTable} for DROP TRIGGER/POLICY/RULE x ON t, else null.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record Drop(
    String objectType,
    List<QualifiedName> names,
    boolean ifExists,
    boolean cascade,
    QualifiedName onTable,
    int line,
    String sql)
    implements Stmt {}

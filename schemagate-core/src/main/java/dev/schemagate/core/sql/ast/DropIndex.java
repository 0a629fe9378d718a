package dev.schemagate.core.sql.ast;

import java.util.List;

/**
 * DROP INDEX.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record DropIndex(
    List<QualifiedName> names,
    boolean concurrently,
    boolean ifExists,
    boolean cascade,
    int line,
    String sql)
    implements Stmt {}

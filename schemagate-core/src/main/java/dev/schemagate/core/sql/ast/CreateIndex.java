package dev.schemagate.core.sql.ast;

import java.util.List;

/**
 * CREATE [UNIQUE] INDEX. {@code keys} are raw texts of the key items; {@code where} is the raw
 * predicate of a partial index; {@code only} for ON ONLY.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record CreateIndex(
    QualifiedName name,
    QualifiedName table,
    boolean unique,
    boolean concurrently,
    boolean ifNotExists,
    String method,
    List<String> keys,
    String where,
    boolean only,
    int line,
    String sql)
    implements Stmt {}

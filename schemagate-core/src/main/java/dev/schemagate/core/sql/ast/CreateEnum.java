package dev.schemagate.core.sql.ast;

import java.util.List;

/**
 * CREATE TYPE .. AS ENUM; {@code values} unquoted.
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record CreateEnum(QualifiedName name, List<String> values, int line, String sql)
    implements Stmt {}

package dev.schemagate.core.sql.ast;

/**
 * ALTER [COLUMN] c [SET DATA] TYPE t [USING expr]; {@code using} raw text or null. {@code line}:
 * 1-based line where the action starts.
 */
public record AlterColumnType(String column, TypeName type, String using, int line)
    implements AlterAction {}

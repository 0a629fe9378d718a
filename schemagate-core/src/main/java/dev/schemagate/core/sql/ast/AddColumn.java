package dev.schemagate.core.sql.ast;

/** ADD [COLUMN] [IF NOT EXISTS]. {@code line}: 1-based line where the action starts. */
public record AddColumn(ColumnDef column, boolean ifNotExists, int line) implements AlterAction {}

package dev.schemagate.core.sql.ast;

/** DROP [COLUMN] [IF EXISTS] .. [CASCADE]. {@code line}: 1-based line where the action starts. */
public record DropColumn(String column, boolean ifExists, boolean cascade, int line)
    implements AlterAction {}

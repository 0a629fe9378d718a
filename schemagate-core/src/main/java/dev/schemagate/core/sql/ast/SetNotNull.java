package dev.schemagate.core.sql.ast;

/** ALTER [COLUMN] c SET NOT NULL. {@code line}: 1-based line where the action starts. */
public record SetNotNull(String column, int line) implements AlterAction {}

package dev.schemagate.core.sql.ast;

/** ALTER [COLUMN] c DROP NOT NULL. {@code line}: 1-based line where the action starts. */
public record DropNotNull(String column, int line) implements AlterAction {}

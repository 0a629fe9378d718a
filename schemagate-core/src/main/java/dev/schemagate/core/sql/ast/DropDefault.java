package dev.schemagate.core.sql.ast;

/** ALTER [COLUMN] c DROP DEFAULT. {@code line}: 1-based line where the action starts. */
public record DropDefault(String column, int line) implements AlterAction {}

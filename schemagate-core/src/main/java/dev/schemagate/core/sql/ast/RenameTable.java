package dev.schemagate.core.sql.ast;

/** RENAME TO b. {@code line}: 1-based line where the action starts. */
public record RenameTable(String to, int line) implements AlterAction {}

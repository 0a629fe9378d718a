package dev.schemagate.core.sql.ast;

/** RENAME [COLUMN] a TO b. {@code line}: 1-based line where the action starts. */
public record RenameColumn(String from, String to, int line) implements AlterAction {}

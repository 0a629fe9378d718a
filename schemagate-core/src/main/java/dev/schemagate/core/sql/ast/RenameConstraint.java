package dev.schemagate.core.sql.ast;

/** RENAME CONSTRAINT a TO b. {@code line}: 1-based line where the action starts. */
public record RenameConstraint(String from, String to, int line) implements AlterAction {}

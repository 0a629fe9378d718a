package dev.schemagate.core.sql.ast;

/** VALIDATE CONSTRAINT name. {@code line}: 1-based line where the action starts. */
public record ValidateConstraint(String name, int line) implements AlterAction {}

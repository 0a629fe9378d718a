package dev.schemagate.core.sql.ast;

/** ADD [CONSTRAINT name] ... {@code line}: 1-based line where the action starts. */
public record AddConstraint(ConstraintDef constraint, int line) implements AlterAction {}

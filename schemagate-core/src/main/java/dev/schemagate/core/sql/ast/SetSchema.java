package dev.schemagate.core.sql.ast;

/** SET SCHEMA s. {@code line}: 1-based line where the action starts. */
public record SetSchema(String schema, int line) implements AlterAction {}

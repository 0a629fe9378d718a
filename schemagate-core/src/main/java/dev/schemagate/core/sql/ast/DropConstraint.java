package dev.schemagate.core.sql.ast;

/**
 * DROP CONSTRAINT [IF EXISTS] name [CASCADE]. {@code line}: 1-based line where the action starts.
 */
public record DropConstraint(String name, boolean ifExists, boolean cascade, int line)
    implements AlterAction {}

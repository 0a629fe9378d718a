package dev.schemagate.core.sql.ast;

/** DETACH PARTITION p [CONCURRENTLY]. {@code line}: 1-based line where the action starts. */
public record DetachPartition(QualifiedName partition, boolean concurrently, int line)
    implements AlterAction {}

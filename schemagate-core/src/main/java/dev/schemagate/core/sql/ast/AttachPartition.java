package dev.schemagate.core.sql.ast;

/** ATTACH PARTITION p ... {@code line}: 1-based line where the action starts. */
public record AttachPartition(QualifiedName partition, int line) implements AlterAction {}

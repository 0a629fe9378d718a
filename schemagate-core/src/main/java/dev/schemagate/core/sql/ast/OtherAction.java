package dev.schemagate.core.sql.ast;

/**
 * Any other action (SET (..), OWNER TO, ENABLE TRIGGER, ...); {@code keywords} its leading words
 * upper-cased. {@code line}: 1-based line where the action starts.
 */
public record OtherAction(String keywords, int line) implements AlterAction {}

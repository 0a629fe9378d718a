package dev.schemagate.core.schema.diff;

/**
 * One attribute that differs between the two sides of a {@link ChangeType#CHANGED} object.
 *
 * @param name the attribute's name as {@link dev.schemagate.core.schema.SchemaObject#attributes()}
 *     has it, or {@code name} for an object paired by its definition under another name
 * @param from the value in the {@code from} snapshot, null when absent
 * @param to the value in the {@code to} snapshot, null when absent
 */
public record AttributeChange(String name, String from, String to) {}

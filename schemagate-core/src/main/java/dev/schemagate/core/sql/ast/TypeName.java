package dev.schemagate.core.sql.ast;

import java.util.List;

/**
 * A column or domain type.
 *
 * @param name canonical lower-case PostgreSQL spelling with aliases resolved (int4 and int give
 *     {@code integer}, {@code character varying} gives {@code varchar}, {@code timestamp with time
 *     zone} gives {@code timestamptz}, ...); unknown names lower-case, schema-qualified as {@code
 *     schema.name}
 * @param modifiers raw texts inside the parentheses, e.g. {@code ["255"]} or {@code ["10", "2"]}
 * @param array whether {@code []} or {@code ARRAY} follows
 */
public record TypeName(String name, List<String> modifiers, boolean array) {}

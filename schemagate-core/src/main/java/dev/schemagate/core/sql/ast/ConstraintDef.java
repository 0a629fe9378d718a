package dev.schemagate.core.sql.ast;

import java.util.List;

/**
 * A table constraint (CREATE TABLE or ALTER TABLE .. ADD).
 *
 * @param name CONSTRAINT name, or null when unnamed
 * @param kind what it constrains
 * @param columns normalised column names (key columns; for FOREIGN KEY the referencing ones; for
 *     NOT NULL the one column); empty for CHECK and EXCLUDE
 * @param usingIndex the index of {@code PRIMARY KEY|UNIQUE USING INDEX idx}, or null
 * @param refTable the referenced table of a FOREIGN KEY, or null
 * @param notValid NOT VALID written
 * @param expr CHECK expression (raw text inside the parentheses), EXCLUDE element list, or null
 * @param line 1-based line where the constraint starts
 */
public record ConstraintDef(
    String name,
    ConstraintKind kind,
    List<String> columns,
    String usingIndex,
    QualifiedName refTable,
    boolean notValid,
    String expr,
    int line) {}

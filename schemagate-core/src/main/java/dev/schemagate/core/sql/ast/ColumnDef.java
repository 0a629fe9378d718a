package dev.schemagate.core.sql.ast;

/**
 * A column in CREATE TABLE or ALTER TABLE .. ADD COLUMN.
 *
 * @param name normalised column name
 * @param type its type (null only for a partition's column options, {@code c WITH OPTIONS ...})
 * @param notNull NOT NULL written, or PRIMARY KEY (which implies it)
 * @param nullExplicit NULL written
 * @param defaultExpr the DEFAULT expression as raw source text, or null; judge volatility from it
 * @param primaryKey inline PRIMARY KEY
 * @param unique inline UNIQUE
 * @param references the table of an inline REFERENCES, or null
 * @param generatedStored {@code GENERATED ALWAYS AS (..) STORED}
 * @param identity {@code GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY}
 * @param checkExpr the inline CHECK expression (raw text inside the parentheses), or null
 * @param line 1-based line of the column name
 */
public record ColumnDef(
    String name,
    TypeName type,
    boolean notNull,
    boolean nullExplicit,
    String defaultExpr,
    boolean primaryKey,
    boolean unique,
    QualifiedName references,
    boolean generatedStored,
    boolean identity,
    String checkExpr,
    int line) {}

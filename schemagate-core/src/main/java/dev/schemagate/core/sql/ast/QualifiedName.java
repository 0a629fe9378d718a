package dev.schemagate.core.sql.ast;

/**
 * A possibly schema-qualified name, normalised like {@link
 * dev.schemagate.core.sql.Token#identifier()}: unquoted parts lower-cased, quoted parts as written.
 *
 * @param schema the schema, or null when not written (a three-part name keeps its last two parts)
 * @param name the object name
 */
public record QualifiedName(String schema, String name) {

  /** {@code schema.name}, or {@code name} without a schema. */
  @Override
  public String toString() {
    return schema == null ? name : schema + "." + name;
  }
}

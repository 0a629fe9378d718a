package dev.schemagate.core.schema;

import java.util.List;
import java.util.Map;

/**
 * An index that is not the implementation of a constraint (those come with their {@link
 * Constraint}).
 *
 * @param method the access method ({@code btree}, {@code gin}...)
 * @param keys the key columns or expressions, in order, with their operator class, direction and
 *     nulls ordering when not the default
 * @param include the INCLUDE columns, in order
 * @param predicate the WHERE clause of a partial index, else null
 * @param valid false when a CREATE INDEX CONCURRENTLY failed and left the index invalid
 * @param definition the whole CREATE INDEX statement as the database prints it
 */
public record Index(
    String schema,
    String table,
    String name,
    String method,
    boolean unique,
    List<String> keys,
    List<String> include,
    String predicate,
    boolean valid,
    String definition)
    implements SchemaObject {

  public Index {
    keys = List.copyOf(keys);
    include = List.copyOf(include);
  }

  @Override
  public ObjectKind kind() {
    return ObjectKind.INDEX;
  }

  /** Index names are unique per schema, but the table is part of the key so output groups well. */
  @Override
  public String key() {
    return schema + "." + table + "." + name;
  }

  /** The table's key. */
  public String tableKey() {
    return schema + "." + table;
  }

  @Override
  public Map<String, String> attributes() {
    return new Attributes()
        .put("method", method)
        .put("unique", unique)
        .put("keys", keys)
        .put("include", include)
        .put("predicate", predicate)
        .put("valid", valid)
        .put("definition", definition)
        .build();
  }
}

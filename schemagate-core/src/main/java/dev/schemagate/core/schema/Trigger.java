package dev.schemagate.core.schema;

import java.util.Map;

/**
 * A trigger on a table or view.
 *
 * @param definition the whole CREATE TRIGGER statement as the database prints it
 * @param enabled PostgreSQL's firing state ({@code O} origin, {@code D} disabled, {@code R}
 *     replica, {@code A} always); {@code O} on SQLite
 */
public record Trigger(String schema, String table, String name, String definition, String enabled)
    implements SchemaObject {
  @Override
  public ObjectKind kind() {
    return ObjectKind.TRIGGER;
  }

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
    return new Attributes().put("definition", definition).put("enabled", enabled).build();
  }
}

package dev.schemagate.core.schema;

import java.util.Map;

/**
 * A table. Its columns, constraints, indexes and triggers are separate objects that name it.
 *
 * @param schema the schema ({@code main} on SQLite)
 * @param persistence {@code permanent} or {@code unlogged} (PostgreSQL)
 * @param partitionBy the partition key ({@code RANGE (created_at)}), or null
 * @param partitionOf the parent and bound of a partition ({@code public.events FOR VALUES ...}), or
 *     null
 * @param options storage options as declared ({@code WITHOUT ROWID}, {@code STRICT} on SQLite,
 *     reloptions on PostgreSQL), or null
 */
public record Table(
    String schema,
    String name,
    String persistence,
    String partitionBy,
    String partitionOf,
    String options)
    implements SchemaObject {
  @Override
  public ObjectKind kind() {
    return ObjectKind.TABLE;
  }

  @Override
  public String key() {
    return schema + "." + name;
  }

  @Override
  public Map<String, String> attributes() {
    return new Attributes()
        .put("persistence", persistence)
        .put("partition by", partitionBy)
        .put("partition of", partitionOf)
        .put("options", options)
        .build();
  }
}

package dev.schemagate.core.schema;

import java.util.Map;

/**
 * A sequence that is not the implementation of an identity column. The current value is data, not
 * schema, and is not compared.
 *
 * @param ownedBy the column key that owns it ({@code public.users.id} for a serial), else null
 */
public record Sequence(
    String schema,
    String name,
    String type,
    long start,
    long increment,
    long min,
    long max,
    long cache,
    boolean cycle,
    String ownedBy)
    implements SchemaObject {
  @Override
  public ObjectKind kind() {
    return ObjectKind.SEQUENCE;
  }

  @Override
  public String key() {
    return schema + "." + name;
  }

  @Override
  public Map<String, String> attributes() {
    return new Attributes()
        .put("type", type)
        .put("start", start)
        .put("increment", increment)
        .put("min", min)
        .put("max", max)
        .put("cache", cache)
        .put("cycle", cycle)
        .put("owned by", ownedBy)
        .build();
  }
}

package dev.schemagate.core.schema;

import java.util.List;
import java.util.Map;

/**
 * A composite type created with CREATE TYPE ... AS (...).
 *
 * @param fields its fields in order, as {@code name type}
 */
public record CompositeType(String schema, String name, List<String> fields)
    implements SchemaObject {

  public CompositeType {
    fields = List.copyOf(fields);
  }

  @Override
  public ObjectKind kind() {
    return ObjectKind.COMPOSITE_TYPE;
  }

  @Override
  public String key() {
    return schema + "." + name;
  }

  @Override
  public Map<String, String> attributes() {
    return new Attributes().put("fields", fields).build();
  }
}

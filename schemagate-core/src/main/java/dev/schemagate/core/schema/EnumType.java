package dev.schemagate.core.schema;

import java.util.List;
import java.util.Map;

/** An enum type and its labels in sort order. */
public record EnumType(String schema, String name, List<String> labels) implements SchemaObject {

  public EnumType {
    labels = List.copyOf(labels);
  }

  @Override
  public ObjectKind kind() {
    return ObjectKind.ENUM;
  }

  @Override
  public String key() {
    return schema + "." + name;
  }

  @Override
  public Map<String, String> attributes() {
    return new Attributes().put("labels", labels).build();
  }
}

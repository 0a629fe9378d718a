package dev.schemagate.core.schema;

import java.util.Map;

/** An installed extension. The objects it creates are not listed separately. */
public record Extension(String name, String schema, String version) implements SchemaObject {
  @Override
  public ObjectKind kind() {
    return ObjectKind.EXTENSION;
  }

  @Override
  public String key() {
    return name;
  }

  @Override
  public Map<String, String> attributes() {
    return new Attributes().put("schema", schema).put("version", version).build();
  }
}

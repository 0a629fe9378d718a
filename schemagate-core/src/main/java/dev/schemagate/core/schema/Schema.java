package dev.schemagate.core.schema;

import java.util.Map;

/** A PostgreSQL schema (namespace). SQLite has one, {@code main}, which is not listed. */
public record Schema(String name) implements SchemaObject {
  @Override
  public ObjectKind kind() {
    return ObjectKind.SCHEMA;
  }

  @Override
  public String key() {
    return name;
  }

  @Override
  public Map<String, String> attributes() {
    return Map.of();
  }
}

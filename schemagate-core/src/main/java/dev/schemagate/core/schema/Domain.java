package dev.schemagate.core.schema;

import java.util.List;
import java.util.Map;

/**
 * A domain over a base type.
 *
 * @param checks the CHECK constraints as {@code name: CHECK (...)}, sorted by name
 */
public record Domain(
    String schema,
    String name,
    String baseType,
    boolean notNull,
    String defaultValue,
    String collation,
    List<String> checks)
    implements SchemaObject {

  public Domain {
    checks = List.copyOf(checks);
  }

  @Override
  public ObjectKind kind() {
    return ObjectKind.DOMAIN;
  }

  @Override
  public String key() {
    return schema + "." + name;
  }

  @Override
  public Map<String, String> attributes() {
    return new Attributes()
        .put("base type", baseType)
        .put("not null", notNull)
        .put("default", defaultValue)
        .put("collation", collation)
        .put("checks", checks)
        .build();
  }
}

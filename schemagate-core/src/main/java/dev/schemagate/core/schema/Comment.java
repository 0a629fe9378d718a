package dev.schemagate.core.schema;

import java.util.Map;

/**
 * A COMMENT ON an object.
 *
 * @param target the kind of the commented object
 * @param targetKey the commented object's {@link SchemaObject#key()}
 */
public record Comment(ObjectKind target, String targetKey, String text) implements SchemaObject {
  @Override
  public ObjectKind kind() {
    return ObjectKind.COMMENT;
  }

  @Override
  public String key() {
    return target.label() + " " + targetKey;
  }

  @Override
  public Map<String, String> attributes() {
    return new Attributes().put("text", text).build();
  }
}

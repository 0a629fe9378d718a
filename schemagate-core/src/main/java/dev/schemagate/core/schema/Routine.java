package dev.schemagate.core.schema;

import java.util.Map;

/**
 * A function or procedure (aggregates and window functions are reported as skipped).
 *
 * @param routineKind {@code function} or {@code procedure}
 * @param arguments the identity arguments as the database prints them ({@code integer, text}); part
 *     of the key, since overloads are separate objects
 * @param returns the result type, null for a procedure
 * @param definition the whole CREATE OR REPLACE statement as the database prints it ({@code
 *     pg_get_functiondef}), which holds the body, language, volatility and settings
 */
public record Routine(
    String schema,
    String name,
    String routineKind,
    String arguments,
    String returns,
    String language,
    String definition)
    implements SchemaObject {
  @Override
  public ObjectKind kind() {
    return ObjectKind.ROUTINE;
  }

  @Override
  public String key() {
    return schema + "." + name + "(" + arguments + ")";
  }

  @Override
  public Map<String, String> attributes() {
    return new Attributes()
        .put("kind", routineKind)
        .put("returns", returns)
        .put("language", language)
        .put("definition", definition)
        .build();
  }
}

package dev.schemagate.core.schema;

import java.util.List;
import java.util.Map;

/**
 * A view or materialized view.
 *
 * @param definition the query as the database prints it (PostgreSQL's {@code pg_get_viewdef}, the
 *     whole CREATE VIEW on SQLite)
 * @param dependsOn keys of the tables, views and routines the query reads, so DDL can create them
 *     first; not compared
 */
public record View(
    String schema, String name, boolean materialized, String definition, List<String> dependsOn)
    implements SchemaObject {

  public View {
    dependsOn = List.copyOf(dependsOn);
  }

  @Override
  public ObjectKind kind() {
    return ObjectKind.VIEW;
  }

  @Override
  public String key() {
    return schema + "." + name;
  }

  @Override
  public Map<String, String> attributes() {
    return new Attributes().put("materialized", materialized).put("definition", definition).build();
  }
}

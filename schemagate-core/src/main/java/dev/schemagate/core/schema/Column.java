package dev.schemagate.core.schema;

import java.util.Map;

/**
 * A column of a table.
 *
 * @param position 1-based, counting only the columns that exist now (dropped ones leave gaps in
 *     PostgreSQL's attnum; this does not, so a table rebuilt in the same order compares equal)
 * @param type the type as the database prints it ({@code character varying(255)}, {@code
 *     integer[]})
 * @param defaultValue the default expression as the database prints it, or null
 * @param identity {@code always} or {@code by default} for identity columns, else null
 * @param generated the expression of a stored generated column, else null
 * @param collation a collation other than the type's default, else null
 */
public record Column(
    String schema,
    String table,
    String name,
    int position,
    String type,
    boolean nullable,
    String defaultValue,
    String identity,
    String generated,
    String collation)
    implements SchemaObject {

  /** The attribute that only says where the column sits; ignored with "ignore column order". */
  public static final String POSITION = "position";

  @Override
  public ObjectKind kind() {
    return ObjectKind.COLUMN;
  }

  @Override
  public String key() {
    return schema + "." + table + "." + name;
  }

  /** The table's key. */
  public String tableKey() {
    return schema + "." + table;
  }

  @Override
  public Map<String, String> attributes() {
    return new Attributes()
        .put(POSITION, position)
        .put("type", type)
        .put("nullable", nullable)
        .put("default", defaultValue)
        .put("identity", identity)
        .put("generated", generated)
        .put("collation", collation)
        .build();
  }
}

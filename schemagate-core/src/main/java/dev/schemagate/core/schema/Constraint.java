package dev.schemagate.core.schema;

import java.util.List;
import java.util.Map;

/**
 * A table constraint: primary key, unique, foreign key, check or exclusion. NOT NULL is a column
 * property ({@link Column#nullable()}), not a constraint here.
 *
 * @param columns the constrained columns in order (empty for a check on an expression)
 * @param definition the whole constraint as the database prints it ({@code FOREIGN KEY (user_id)
 *     REFERENCES users(id) ON DELETE CASCADE}); this is what DDL generation uses
 * @param references the referenced table's key for a foreign key, else null
 * @param onUpdate the foreign key's ON UPDATE action ({@code NO ACTION}, {@code CASCADE}...), else
 *     null
 * @param onDelete the foreign key's ON DELETE action, else null
 * @param validated false for a constraint added NOT VALID and not validated since
 */
public record Constraint(
    String schema,
    String table,
    String name,
    ConstraintType type,
    List<String> columns,
    String definition,
    String references,
    String onUpdate,
    String onDelete,
    boolean deferrable,
    boolean initiallyDeferred,
    boolean validated)
    implements SchemaObject {

  public Constraint {
    columns = List.copyOf(columns);
  }

  @Override
  public ObjectKind kind() {
    return ObjectKind.CONSTRAINT;
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
        .put("type", type.sql())
        .put("columns", columns)
        .put("definition", definition)
        .put("references", references)
        .put("on update", onUpdate)
        .put("on delete", onDelete)
        .put("deferrable", deferrable)
        .put("initially deferred", initiallyDeferred)
        .put("validated", validated)
        .build();
  }
}

package dev.schemagate.core.schema.diff;

import dev.schemagate.core.schema.Column;
import dev.schemagate.core.schema.Comment;
import dev.schemagate.core.schema.CompositeType;
import dev.schemagate.core.schema.Constraint;
import dev.schemagate.core.schema.ConstraintType;
import dev.schemagate.core.schema.Domain;
import dev.schemagate.core.schema.EnumType;
import dev.schemagate.core.schema.Extension;
import dev.schemagate.core.schema.Index;
import dev.schemagate.core.schema.ObjectKind;
import dev.schemagate.core.schema.Routine;
import dev.schemagate.core.schema.Schema;
import dev.schemagate.core.schema.SchemaObject;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.schema.Sequence;
import dev.schemagate.core.schema.Table;
import dev.schemagate.core.schema.Trigger;
import dev.schemagate.core.schema.View;
import dev.schemagate.core.sql.Dialect;
import java.util.List;

/** Hand-built schema objects in schema {@code public}, shaped the way PostgreSQL prints them. */
final class Fixtures {
  private Fixtures() {}

  static SchemaSnapshot snapshot(SchemaObject... objects) {
    return new SchemaSnapshot(Dialect.POSTGRES, "16.4", List.of(objects), List.of());
  }

  static SchemaSnapshot snapshot(List<String> skipped, SchemaObject... objects) {
    return new SchemaSnapshot(Dialect.POSTGRES, "16.4", List.of(objects), skipped);
  }

  static Schema schema(String name) {
    return new Schema(name);
  }

  static Table table(String name) {
    return new Table("public", name, "permanent", null, null, null);
  }

  static Column column(String table, String name, int position, String type, boolean nullable) {
    return column(table, name, position, type, nullable, null);
  }

  static Column column(
      String table, String name, int position, String type, boolean nullable, String dflt) {
    return new Column("public", table, name, position, type, nullable, dflt, null, null, null);
  }

  static Constraint unique(String table, String name, String... columns) {
    return new Constraint(
        "public",
        table,
        name,
        ConstraintType.UNIQUE,
        List.of(columns),
        "UNIQUE (" + String.join(", ", columns) + ")",
        null,
        null,
        null,
        false,
        false,
        true);
  }

  static Constraint foreignKey(
      String table, String name, String column, String references, String onDelete) {
    return new Constraint(
        "public",
        table,
        name,
        ConstraintType.FOREIGN_KEY,
        List.of(column),
        "FOREIGN KEY (" + column + ") REFERENCES " + references + "(id) ON DELETE " + onDelete,
        "public." + references,
        "NO ACTION",
        onDelete,
        false,
        false,
        true);
  }

  static Index index(String table, String name, String predicate, String... keys) {
    String def =
        "CREATE INDEX "
            + name
            + " ON public."
            + table
            + " USING btree ("
            + String.join(", ", keys)
            + ")"
            + (predicate == null ? "" : " WHERE " + predicate);
    return new Index(
        "public", table, name, "btree", false, List.of(keys), List.of(), predicate, true, def);
  }

  static Sequence sequence(String name, long increment) {
    return new Sequence("public", name, "bigint", 1, increment, 1, Long.MAX_VALUE, 1, false, null);
  }

  static View view(String name, String definition) {
    return new View("public", name, false, definition, List.of());
  }

  static Routine function(String name, String body) {
    return new Routine(
        "public",
        name,
        "function",
        "integer",
        "integer",
        "sql",
        "CREATE OR REPLACE FUNCTION public."
            + name
            + "(integer)\n RETURNS integer\n LANGUAGE sql\nAS $function$"
            + body
            + "$function$\n");
  }

  static Trigger trigger(String table, String name, String timing) {
    return new Trigger(
        "public",
        table,
        name,
        "CREATE TRIGGER "
            + name
            + " "
            + timing
            + " INSERT ON public."
            + table
            + " FOR EACH ROW EXECUTE FUNCTION public.touch()",
        "O");
  }

  static EnumType enumType(String name, String... labels) {
    return new EnumType("public", name, List.of(labels));
  }

  static Domain domain(String name, String check) {
    return new Domain(
        "public", name, "text", false, null, null, List.of(name + "_check: " + check));
  }

  static CompositeType composite(String name, String... fields) {
    return new CompositeType("public", name, List.of(fields));
  }

  static Extension extension(String name, String version) {
    return new Extension(name, "public", version);
  }

  static Comment comment(ObjectKind target, String targetKey, String text) {
    return new Comment(target, targetKey, text);
  }
}

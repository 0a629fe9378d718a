package dev.schemagate.core.schema;

import java.util.Map;

/**
 * One object of a schema snapshot. Every kind is a record; the diff compares objects of the same
 * {@link #kind()} and {@link #key()} through their {@link #attributes()}.
 *
 * <p>The trap: {@link #attributes()} is what "equal" means. An attribute left out is a difference
 * the diff cannot see, so every introspected property must be in it (only the identity parts of the
 * key may be omitted).
 */
public sealed interface SchemaObject
    permits Schema,
        Table,
        Column,
        Constraint,
        Index,
        Sequence,
        View,
        Routine,
        Trigger,
        EnumType,
        Domain,
        CompositeType,
        Extension,
        Comment {

  ObjectKind kind();

  /**
   * The identity within its kind, readable: {@code public.users} for a table, {@code
   * public.users.email} for a column, {@code public.users.users_pkey} for a constraint, {@code
   * public.f(integer, text)} for a routine.
   */
  String key();

  /** The compared properties, in a fixed order, values rendered as text (null when absent). */
  Map<String, String> attributes();
}

package dev.schemagate.core.sql.ast;

/** The kind of a table or column constraint. */
public enum ConstraintKind {
  PRIMARY_KEY,
  UNIQUE,
  FOREIGN_KEY,
  CHECK,
  EXCLUDE,
  NOT_NULL
}

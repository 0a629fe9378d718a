package dev.schemagate.core.schema;

/** The kinds of table constraint. */
public enum ConstraintType {
  PRIMARY_KEY("PRIMARY KEY"),
  UNIQUE("UNIQUE"),
  FOREIGN_KEY("FOREIGN KEY"),
  CHECK("CHECK"),
  EXCLUSION("EXCLUDE");

  private final String sql;

  ConstraintType(String sql) {
    this.sql = sql;
  }

  /** The SQL keywords that introduce it. */
  public String sql() {
    return sql;
  }
}

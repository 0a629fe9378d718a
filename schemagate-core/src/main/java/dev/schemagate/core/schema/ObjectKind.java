package dev.schemagate.core.schema;

/** The kinds of schema objects a snapshot holds, in the order DDL creates them. */
public enum ObjectKind {
  EXTENSION("extension"),
  SCHEMA("schema"),
  ENUM("enum type"),
  DOMAIN("domain"),
  COMPOSITE_TYPE("composite type"),
  SEQUENCE("sequence"),
  ROUTINE("routine"),
  TABLE("table"),
  COLUMN("column"),
  CONSTRAINT("constraint"),
  INDEX("index"),
  VIEW("view"),
  TRIGGER("trigger"),
  COMMENT("comment");

  private final String label;

  ObjectKind(String label) {
    this.label = label;
  }

  /** How messages name the kind: {@code column}, {@code enum type}. */
  public String label() {
    return label;
  }
}

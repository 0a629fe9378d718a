package dev.schemagate.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.sql.ast.Stmt;

/** Shortcuts for parser tests. */
final class ParseHelpers {
  private ParseHelpers() {}

  /** The single statement of {@code sql}, asserting there is exactly one and no problem. */
  static Stmt one(String sql) {
    ParsedScript script = SqlParser.parse(sql);
    assertThat(script.problems()).as("problems in %s", sql).isEmpty();
    assertThat(script.statements()).as("statements in %s", sql).hasSize(1);
    return script.statements().get(0).stmt();
  }

  /** The single statement of {@code sql} as a {@code type}. */
  static <T extends Stmt> T one(String sql, Class<T> type) {
    Stmt stmt = one(sql);
    assertThat(stmt).as(sql).isInstanceOf(type);
    return type.cast(stmt);
  }
}

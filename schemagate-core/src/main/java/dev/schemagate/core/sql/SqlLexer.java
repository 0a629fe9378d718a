package dev.schemagate.core.sql;

import java.util.ArrayList;
import java.util.List;

/** PostgreSQL tokenizer. */
public final class SqlLexer {
  private SqlLexer() {}

  /** Tokens of {@code sql}; never throws. */
  public static List<Token> tokenize(String sql) {
    return new ArrayList<>();
  }
}

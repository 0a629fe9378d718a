package dev.schemagate.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Writes statements as a SQL script instead of running them: the sink of {@code --sql} and {@code
 * --dry-run}. Bound parameters are rendered as SQL literals, so the script is exactly what a live
 * run would send.
 */
public final class ScriptSink implements StatementSink {
  private final Appendable out;

  public ScriptSink(Appendable out) {
    this.out = out;
  }

  @Override
  public void begin() {
    write("BEGIN;\n");
  }

  @Override
  public void commit() {
    write("COMMIT;\n\n");
  }

  @Override
  public void rollback() {}

  @Override
  public int execute(SqlCommand command) {
    write(render(command));
    write(";\n");
    return -1;
  }

  @Override
  public void comment(String text) {
    for (String line : text.split("\n", -1)) {
      write("-- " + line + "\n");
    }
  }

  /** The statement with each {@code ?} replaced by its parameter as a SQL literal. */
  static String render(SqlCommand command) {
    if (command.params().isEmpty()) {
      return command.sql();
    }
    StringBuilder sb = new StringBuilder();
    String sql = command.sql();
    int p = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '?' && p < command.params().size()) {
        sb.append(literal(command.params().get(p++)));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  static String literal(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigDecimal) {
      return value.toString();
    }
    return "'" + value.toString().replace("'", "''") + "'";
  }

  private void write(String s) {
    try {
      out.append(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

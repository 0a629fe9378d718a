package dev.schemagate.core.run;

import dev.schemagate.core.sql.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes statements as a SQL script instead of running them: the sink of {@code --sql} and {@code
 * --dry-run}. Bound parameters are rendered as SQL literals, so the script is exactly what a live
 * run would send.
 */
public final class ScriptSink implements StatementSink {
  private final Appendable out;
  private final Dialect dialect;

  /**
   * @param out where the script goes
   * @param dialect how literals are written
   */
  public ScriptSink(Appendable out, Dialect dialect) {
    this.out = out;
    this.dialect = dialect;
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
    write(command.inlined(dialect));
    write(";\n");
    return -1;
  }

  @Override
  public void comment(String text) {
    for (String line : text.split("\n", -1)) {
      write("-- " + line + "\n");
    }
  }

  private void write(String s) {
    try {
      out.append(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.schemagate.core.run;

import dev.schemagate.core.sql.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes statements as a SQL script instead of running them: the sink of {@code --sql} and {@code
 * --dry-run}. Bound parameters are rendered as SQL literals, so the script is exactly what a live
 * run would send.
 */
public final class ScriptSink implements StatementSink {
  private final Appendable out;
  private final Dialect dialect;
  private final Set<String> prepared = new HashSet<>();

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

  /**
   * On PostgreSQL, a step's named version-table writes are printed the way a live run sends them:
   * {@code PREPARE} before the first use of each, then {@code EXECUTE} with the values.
   */
  @Override
  public void executeAll(List<SqlCommand> commands) {
    if (dialect != Dialect.POSTGRES || commands.size() < 2) {
      commands.forEach(this::execute);
      return;
    }
    for (SqlCommand c : commands) {
      if (c.name() != null && prepared.add(c.name())) {
        write(c.preparation());
        write(";\n");
      }
    }
    write(SqlCommand.postgresBatch(commands));
    write(";\n");
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

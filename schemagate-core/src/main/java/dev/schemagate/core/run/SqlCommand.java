package dev.schemagate.core.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One statement for a {@link StatementSink}: migration SQL (no parameters) or a version-table write
 * (bound parameters and the row count it must touch).
 *
 * @param sql the statement, without a trailing semicolon; {@code ?} marks a parameter
 * @param params the bound values (String, Number or null)
 * @param expectedRows the row count the statement must report, or -1 when any count is fine
 */
public record SqlCommand(String sql, List<Object> params, int expectedRows) {

  public SqlCommand {
    params = Collections.unmodifiableList(new ArrayList<>(params));
  }

  /** Plain SQL with no parameters and no row-count check. */
  public static SqlCommand of(String sql) {
    return new SqlCommand(sql, List.of(), -1);
  }

  /** A write that must touch exactly one row. */
  public static SqlCommand oneRow(String sql, Object... params) {
    return new SqlCommand(sql, java.util.Arrays.asList(params), 1);
  }
}

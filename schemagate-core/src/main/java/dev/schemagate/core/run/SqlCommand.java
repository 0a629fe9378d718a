package dev.schemagate.core.run;

import dev.schemagate.core.sql.Dialect;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One statement for a {@link StatementSink}: migration SQL (no parameters) or a version-table write
 * (bound parameters and the row count it must touch).
 *
 * @param sql the statement, without a trailing semicolon; {@code ?} marks a parameter
 * @param params the bound values (String, Number or null)
 * @param expectedRows the row count the statement must report, or -1 when any count is fine
 * @param name for a version-table write that PostgreSQL runs as a prepared statement, its name;
 *     null for the others
 */
public record SqlCommand(String sql, List<Object> params, int expectedRows, String name) {

  public SqlCommand {
    params = Collections.unmodifiableList(new ArrayList<>(params));
  }

  public SqlCommand(String sql, List<Object> params, int expectedRows) {
    this(sql, params, expectedRows, null);
  }

  /** The same command, run on PostgreSQL as the prepared statement {@code name}. */
  public SqlCommand named(String name) {
    return new SqlCommand(sql, params, expectedRows, name);
  }

  /** {@code PREPARE name AS ...}, the statement with {@code $1..$n} for its parameters. */
  public String preparation() {
    StringBuilder sb = new StringBuilder("PREPARE ").append(name).append(" AS ");
    return withParams(sb, (out, p) -> out.append('$').append(p + 1));
  }

  /** {@code EXECUTE name(...)}, with the parameters as PostgreSQL literals. */
  public String execution() {
    StringBuilder sb = new StringBuilder("EXECUTE ").append(name);
    if (!params.isEmpty()) {
      sb.append('(');
      for (int i = 0; i < params.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        literal(sb, params.get(i), Dialect.POSTGRES);
      }
      sb.append(')');
    }
    return sb.toString();
  }

  /** Plain SQL with no parameters and no row-count check. */
  public static SqlCommand of(String sql) {
    return new SqlCommand(sql, List.of(), -1);
  }

  /**
   * The statement with each {@code ?} replaced by its parameter as a SQL literal, as a script
   * prints it. Version-table SQL has no {@code ?} other than its placeholders.
   */
  public String inlined(Dialect dialect) {
    if (params.isEmpty()) {
      return sql;
    }
    StringBuilder sb = new StringBuilder(sql.length() + 16 * params.size());
    return withParams(sb, (out, p) -> literal(out, params.get(p), dialect));
  }

  /**
   * How a live PostgreSQL run sends a step's writes, in one message, once the named ones are
   * prepared: an {@code EXECUTE} for each named write, the others inlined.
   */
  public static String postgresBatch(List<SqlCommand> commands) {
    StringBuilder sb = new StringBuilder();
    for (SqlCommand c : commands) {
      sb.append(sb.length() == 0 ? "" : ";\n")
          .append(c.name() != null ? c.execution() : c.inlined(Dialect.POSTGRES));
    }
    return sb.toString();
  }

  /** Appends the statement to {@code sb}, writing each {@code ?} with {@code param(sb, index)}. */
  private String withParams(StringBuilder sb, BiConsumer<StringBuilder, Integer> param) {
    int p = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '?' && p < params.size()) {
        param.accept(sb, p++);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Appends a value as a literal. On PostgreSQL a string holding a backslash is written as an
   * escape string ({@code E'...'}), which means the same whatever {@code
   * standard_conforming_strings} says; with that setting off, a plain {@code 'a\'} would swallow
   * its closing quote.
   */
  static void literal(StringBuilder sb, Object value, Dialect dialect) {
    if (value == null) {
      sb.append("NULL");
      return;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigDecimal) {
      sb.append(value);
      return;
    }
    String s = value.toString();
    if (s.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a version-table value cannot hold a NUL character");
    }
    boolean escape = dialect == Dialect.POSTGRES && s.indexOf('\\') >= 0;
    sb.append(escape ? "E'" : "'");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || (escape && c == '\\')) {
        sb.append(c);
      }
      sb.append(c);
    }
    sb.append('\'');
  }

  /** A write that must touch exactly one row. */
  public static SqlCommand oneRow(String sql, Object... params) {
    return new SqlCommand(sql, java.util.Arrays.asList(params), 1);
  }
}

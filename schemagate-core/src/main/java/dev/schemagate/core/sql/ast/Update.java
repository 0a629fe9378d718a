package dev.schemagate.core.sql.ast;

import java.util.List;

/**
 * UPDATE.
 *
 * @param table the updated table
 * @param assignedColumns the column of each SET target in order, duplicates kept, {@code (a, b) =
 *     (..)} expanded; {@code a.x = 1} and {@code a[1] = 1} both give {@code a}
 * @param assignedTargets the same targets in full, parallel to {@code assignedColumns}: {@code
 *     a.x}, {@code a[1]}; assigning two different fields of one composite column is not a duplicate
 *     assignment, and only these tell it apart
 * @param line 1-based line of the statement's first token
 * @param sql the statement text
 */
public record Update(
    QualifiedName table,
    List<String> assignedColumns,
    List<String> assignedTargets,
    int line,
    String sql)
    implements Stmt {

  /** An UPDATE whose targets are plain columns. */
  public Update(QualifiedName table, List<String> assignedColumns, int line, String sql) {
    this(table, assignedColumns, assignedColumns, line, sql);
  }
}

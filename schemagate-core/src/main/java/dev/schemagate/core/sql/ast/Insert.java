package dev.schemagate.core.sql.ast;

import java.util.List;

/**
 * INSERT INTO.
 *
 * @param table the target table
 * @param columns the listed target columns in order, duplicates kept; empty when none are listed
 * @param columnTargets the same targets in full ({@code a.x}), parallel to {@code columns}
 * @param conflictAssignedColumns the SET columns of {@code ON CONFLICT ... DO UPDATE}, in order,
 *     duplicates kept; empty without one
 * @param conflictAssignedTargets those targets in full, parallel to {@code conflictAssignedColumns}
 * @param line 1-based line of the statement's first token
 * @param sql the statement text
 */
public record Insert(
    QualifiedName table,
    List<String> columns,
    List<String> columnTargets,
    List<String> conflictAssignedColumns,
    List<String> conflictAssignedTargets,
    int line,
    String sql)
    implements Stmt {

  /** An INSERT with plain target columns and no ON CONFLICT DO UPDATE. */
  public Insert(QualifiedName table, List<String> columns, int line, String sql) {
    this(table, columns, columns, List.of(), List.of(), line, sql);
  }
}

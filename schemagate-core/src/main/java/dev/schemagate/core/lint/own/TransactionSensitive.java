package dev.schemagate.core.lint.own;

import dev.schemagate.core.sql.ParsedStatement;
import dev.schemagate.core.sql.ast.AlterObject;
import dev.schemagate.core.sql.ast.AlterTable;
import dev.schemagate.core.sql.ast.Cluster;
import dev.schemagate.core.sql.ast.CreateIndex;
import dev.schemagate.core.sql.ast.CreateObject;
import dev.schemagate.core.sql.ast.DetachPartition;
import dev.schemagate.core.sql.ast.Drop;
import dev.schemagate.core.sql.ast.DropIndex;
import dev.schemagate.core.sql.ast.Reindex;
import dev.schemagate.core.sql.ast.Stmt;
import dev.schemagate.core.sql.ast.Unrecognised;
import dev.schemagate.core.sql.ast.Vacuum;

/**
 * Which parsed statements can be refused inside a transaction at all, so that the keyword check of
 * {@link dev.schemagate.core.sql.TransactionRules}, which reads the statement text again, runs only
 * for them: on a large file almost every statement is an INSERT or a CREATE TABLE, which never is.
 */
final class TransactionSensitive {
  private TransactionSensitive() {}

  static boolean mayBe(ParsedStatement s) {
    Stmt st = s.stmt();
    if (st instanceof CreateIndex ci) {
      return ci.concurrently();
    }
    if (st instanceof DropIndex di) {
      return di.concurrently();
    }
    if (st instanceof AlterTable at) {
      return at.actions().stream()
          .anyMatch(a -> a instanceof DetachPartition d && d.concurrently());
    }
    if (st instanceof CreateObject co) {
      return isDatabaseOrTablespace(co.objectType());
    }
    if (st instanceof Drop d) {
      return isDatabaseOrTablespace(d.objectType());
    }
    if (st instanceof AlterObject ao) {
      return ao.objectType().equals("SYSTEM") || ao.objectType().equals("DATABASE");
    }
    return st instanceof Vacuum
        || st instanceof Reindex
        || st instanceof Cluster
        || st instanceof Unrecognised;
  }

  private static boolean isDatabaseOrTablespace(String objectType) {
    return objectType.equals("DATABASE") || objectType.equals("TABLESPACE");
  }
}

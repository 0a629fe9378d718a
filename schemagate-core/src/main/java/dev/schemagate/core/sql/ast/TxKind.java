package dev.schemagate.core.sql.ast;

/** The kind of a {@link TransactionControl} statement. */
public enum TxKind {
  BEGIN,
  START,
  COMMIT,
  END,
  ROLLBACK,
  SAVEPOINT,
  RELEASE,
  ROLLBACK_TO,
  PREPARE,
  COMMIT_PREPARED,
  ROLLBACK_PREPARED,
  ABORT
}

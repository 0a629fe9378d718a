package dev.schemagate.core.sql.ast;

/**
 * BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, SAVEPOINT, ...
 *
 * <p>{@code line} is the 1-based line of the statement's first token; {@code sql} its text.
 */
public record TransactionControl(TxKind kind, int line, String sql) implements Stmt {}

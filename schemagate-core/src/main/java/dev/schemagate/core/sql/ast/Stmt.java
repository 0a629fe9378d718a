package dev.schemagate.core.sql.ast;

/**
 * A parsed statement. Every implementation is a record carrying {@code line} (1-based line of its
 * first token within the text parsed) and {@code sql} (its text without the terminating semicolon).
 * A statement the parser does not understand is an {@link Unrecognised}, never missing.
 */
public sealed interface Stmt
    permits CreateTable,
        AlterTable,
        CreateIndex,
        DropIndex,
        Drop,
        CreateObject,
        CreateEnum,
        AlterTypeAddValue,
        CreateDomain,
        AlterDomain,
        RenameObject,
        AlterObject,
        Truncate,
        Vacuum,
        Reindex,
        Cluster,
        SetVariable,
        TransactionControl,
        DoBlock,
        Insert,
        Update,
        Delete,
        Select,
        Comment,
        Grant,
        Copy,
        Unrecognised {

  /** 1-based line of the statement's first token. */
  int line();

  /** The statement text without its terminating semicolon. */
  String sql();
}

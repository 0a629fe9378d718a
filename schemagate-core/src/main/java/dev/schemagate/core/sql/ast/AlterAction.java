package dev.schemagate.core.sql.ast;

/** One action of an {@link AlterTable}, in written order. */
public sealed interface AlterAction
    permits AddColumn,
        DropColumn,
        AlterColumnType,
        SetNotNull,
        DropNotNull,
        SetDefault,
        DropDefault,
        AddConstraint,
        ValidateConstraint,
        DropConstraint,
        RenameColumn,
        RenameConstraint,
        RenameTable,
        SetSchema,
        AttachPartition,
        DetachPartition,
        OtherAction {

  /** 1-based line where the action starts. */
  int line();
}

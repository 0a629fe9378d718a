package dev.schemagate.core.sql;

import static dev.schemagate.core.sql.ParseHelpers.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.sql.ast.AddColumn;
import dev.schemagate.core.sql.ast.AddConstraint;
import dev.schemagate.core.sql.ast.AlterAction;
import dev.schemagate.core.sql.ast.AlterColumnType;
import dev.schemagate.core.sql.ast.AlterTable;
import dev.schemagate.core.sql.ast.AttachPartition;
import dev.schemagate.core.sql.ast.ConstraintKind;
import dev.schemagate.core.sql.ast.DetachPartition;
import dev.schemagate.core.sql.ast.DropColumn;
import dev.schemagate.core.sql.ast.DropConstraint;
import dev.schemagate.core.sql.ast.DropDefault;
import dev.schemagate.core.sql.ast.DropNotNull;
import dev.schemagate.core.sql.ast.OtherAction;
import dev.schemagate.core.sql.ast.QualifiedName;
import dev.schemagate.core.sql.ast.RenameColumn;
import dev.schemagate.core.sql.ast.RenameConstraint;
import dev.schemagate.core.sql.ast.RenameTable;
import dev.schemagate.core.sql.ast.SetDefault;
import dev.schemagate.core.sql.ast.SetNotNull;
import dev.schemagate.core.sql.ast.SetSchema;
import dev.schemagate.core.sql.ast.TypeName;
import dev.schemagate.core.sql.ast.ValidateConstraint;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlterTableParsingTest {

  private static List<AlterAction> actions(String sql) {
    return one(sql, AlterTable.class).actions();
  }

  private static AlterAction only(String sql) {
    List<AlterAction> a = actions(sql);
    assertThat(a).as(sql).hasSize(1);
    return a.get(0);
  }

  @Test
  void readsTableNameAndFlags() {
    AlterTable t =
        one("ALTER TABLE IF EXISTS ONLY app.\"Accounts\" OWNER TO admin", AlterTable.class);
    assertThat(t.name()).isEqualTo(new QualifiedName("app", "Accounts"));
    assertThat(t.ifExists()).isTrue();
    assertThat(t.only()).isTrue();
    assertThat(t.actions()).containsExactly(new OtherAction("OWNER TO", 1));
  }

  @Test
  void addColumnKeepsDefaultReferencesAndGenerated() {
    AddColumn a =
        (AddColumn)
            only(
                "alter table t add column if not exists c uuid default gen_random_uuid() not null");
    assertThat(a.ifNotExists()).isTrue();
    assertThat(a.column().name()).isEqualTo("c");
    assertThat(a.column().defaultExpr()).isEqualTo("gen_random_uuid()");
    assertThat(a.column().notNull()).isTrue();
    AddColumn r = (AddColumn) only("alter table t add owner_id bigint references users(id)");
    assertThat(r.ifNotExists()).isFalse();
    assertThat(r.column().references()).isEqualTo(new QualifiedName(null, "users"));
    assertThat(r.column().type()).isEqualTo(new TypeName("bigint", List.of(), false));
    AddColumn g =
        (AddColumn) only("alter table t add column total int generated always as (a + b) stored");
    assertThat(g.column().generatedStored()).isTrue();
  }

  @Test
  void addConstraintReadsKindNotValidAndUsingIndex() {
    AddConstraint fk =
        (AddConstraint)
            only(
                "alter table t add constraint fk foreign key (a, b) references s.o (x, y) on delete"
                    + " cascade not valid");
    assertThat(fk.constraint().kind()).isEqualTo(ConstraintKind.FOREIGN_KEY);
    assertThat(fk.constraint().name()).isEqualTo("fk");
    assertThat(fk.constraint().columns()).containsExactly("a", "b");
    assertThat(fk.constraint().refTable()).isEqualTo(new QualifiedName("s", "o"));
    assertThat(fk.constraint().notValid()).isTrue();
    AddConstraint pk =
        (AddConstraint) only("alter table t add constraint t_pk primary key using index t_pk_idx");
    assertThat(pk.constraint().kind()).isEqualTo(ConstraintKind.PRIMARY_KEY);
    assertThat(pk.constraint().usingIndex()).isEqualTo("t_pk_idx");
    AddConstraint chk = (AddConstraint) only("alter table t add check (a > 0)");
    assertThat(chk.constraint().name()).isNull();
    assertThat(chk.constraint().expr()).isEqualTo("a > 0");
    assertThat(chk.constraint().notValid()).isFalse();
    AddConstraint uq = (AddConstraint) only("alter table t add unique (email)");
    assertThat(uq.constraint().kind()).isEqualTo(ConstraintKind.UNIQUE);
  }

  @Test
  void readsValidateAndDropConstraint() {
    assertThat(only("alter table t validate constraint fk"))
        .isEqualTo(new ValidateConstraint("fk", 1));
    assertThat(only("alter table t drop constraint if exists \"Fk\" cascade"))
        .isEqualTo(new DropConstraint("Fk", true, true, 1));
  }

  @Test
  void readsDropColumn() {
    assertThat(only("alter table t drop column if exists c cascade"))
        .isEqualTo(new DropColumn("c", true, true, 1));
    assertThat(only("alter table t drop c")).isEqualTo(new DropColumn("c", false, false, 1));
  }

  @Test
  void readsAlterColumnForms() {
    assertThat(only("alter table t alter column c type varchar(10) using c::varchar"))
        .isEqualTo(
            new AlterColumnType(
                "c", new TypeName("varchar", List.of("10"), false), "c::varchar", 1));
    assertThat(only("alter table t alter c set data type bigint"))
        .isEqualTo(new AlterColumnType("c", new TypeName("bigint", List.of(), false), null, 1));
    assertThat(only("alter table t alter column c set not null")).isEqualTo(new SetNotNull("c", 1));
    assertThat(only("alter table t alter column c drop not null"))
        .isEqualTo(new DropNotNull("c", 1));
    assertThat(only("alter table t alter column c set default now()"))
        .isEqualTo(new SetDefault("c", "now()", 1));
    assertThat(only("alter table t alter column c drop default"))
        .isEqualTo(new DropDefault("c", 1));
    assertThat(only("alter table t alter column c set statistics 100"))
        .isEqualTo(new OtherAction("ALTER COLUMN SET STATISTICS", 1));
  }

  @Test
  void readsRenames() {
    assertThat(only("alter table t rename column a to b")).isEqualTo(new RenameColumn("a", "b", 1));
    assertThat(only("alter table t rename a to \"B\"")).isEqualTo(new RenameColumn("a", "B", 1));
    assertThat(only("alter table t rename constraint a to b"))
        .isEqualTo(new RenameConstraint("a", "b", 1));
    assertThat(only("alter table t rename to u")).isEqualTo(new RenameTable("u", 1));
    assertThat(only("alter table t set schema archive")).isEqualTo(new SetSchema("archive", 1));
  }

  @Test
  void readsPartitionAttachAndDetach() {
    assertThat(only("alter table m attach partition m_1 for values in (1)"))
        .isEqualTo(new AttachPartition(new QualifiedName(null, "m_1"), 1));
    assertThat(only("alter table m detach partition s.m_1 concurrently"))
        .isEqualTo(new DetachPartition(new QualifiedName("s", "m_1"), true, 1));
    assertThat(only("alter table m detach partition m_1"))
        .isEqualTo(new DetachPartition(new QualifiedName(null, "m_1"), false, 1));
  }

  @Test
  void splitsSeveralActionsAtTopLevelCommasWithTheirLines() {
    List<AlterAction> a =
        actions(
            "alter table t\n"
                + "  add column a numeric(10, 2) default round(1.5, 1),\n"
                + "  alter column b set not null,\n"
                + "  enable row level security,\n"
                + "  set (fillfactor = 70, autovacuum_enabled = off)");
    assertThat(a).hasSize(4);
    assertThat(a).extracting(AlterAction::line).containsExactly(2, 3, 4, 5);
    assertThat(((AddColumn) a.get(0)).column().defaultExpr()).isEqualTo("round(1.5, 1)");
    assertThat(((AddColumn) a.get(0)).column().type().modifiers()).containsExactly("10", "2");
    assertThat(a.get(2)).isEqualTo(new OtherAction("ENABLE ROW LEVEL SECURITY", 4));
    assertThat(a.get(3)).isEqualTo(new OtherAction("SET", 5));
  }
}

package dev.schemagate.core.sql;

import static dev.schemagate.core.sql.ParseHelpers.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.sql.ast.AlterObject;
import dev.schemagate.core.sql.ast.Cluster;
import dev.schemagate.core.sql.ast.Comment;
import dev.schemagate.core.sql.ast.Copy;
import dev.schemagate.core.sql.ast.CreateObject;
import dev.schemagate.core.sql.ast.Delete;
import dev.schemagate.core.sql.ast.DoBlock;
import dev.schemagate.core.sql.ast.Drop;
import dev.schemagate.core.sql.ast.Grant;
import dev.schemagate.core.sql.ast.Insert;
import dev.schemagate.core.sql.ast.QualifiedName;
import dev.schemagate.core.sql.ast.RenameObject;
import dev.schemagate.core.sql.ast.Select;
import dev.schemagate.core.sql.ast.SetVariable;
import dev.schemagate.core.sql.ast.Stmt;
import dev.schemagate.core.sql.ast.TransactionControl;
import dev.schemagate.core.sql.ast.Truncate;
import dev.schemagate.core.sql.ast.TxKind;
import dev.schemagate.core.sql.ast.Update;
import dev.schemagate.core.sql.ast.Vacuum;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtherStatementParsingTest {

  private static QualifiedName q(String name) {
    return new QualifiedName(null, name);
  }

  @Test
  void readsDropOfEveryObjectType() {
    Drop t = one("drop table if exists a, s.\"B\" cascade", Drop.class);
    assertThat(t.objectType()).isEqualTo("TABLE");
    assertThat(t.names()).containsExactly(q("a"), new QualifiedName("s", "B"));
    assertThat(t.ifExists()).isTrue();
    assertThat(t.cascade()).isTrue();
    assertThat(t.onTable()).isNull();
    assertThat(one("drop materialized view mv", Drop.class).objectType())
        .isEqualTo("MATERIALIZED VIEW");
    Drop f = one("drop function if exists f(int, text), g() restrict", Drop.class);
    assertThat(f.names()).containsExactly(q("f"), q("g"));
    assertThat(f.cascade()).isFalse();
    Drop trg = one("drop trigger if exists trg on s.t", Drop.class);
    assertThat(trg.objectType()).isEqualTo("TRIGGER");
    assertThat(trg.onTable()).isEqualTo(new QualifiedName("s", "t"));
    for (String type :
        List.of(
            "VIEW",
            "SEQUENCE",
            "TYPE",
            "DOMAIN",
            "SCHEMA",
            "DATABASE",
            "EXTENSION",
            "PROCEDURE",
            "TABLESPACE")) {
      assertThat(one("DROP " + type + " x", Drop.class).objectType()).isEqualTo(type);
    }
  }

  @Test
  void readsCreateOfOtherObjects() {
    CreateObject v = one("create or replace view s.v as select 1", CreateObject.class);
    assertThat(v.objectType()).isEqualTo("VIEW");
    assertThat(v.orReplace()).isTrue();
    assertThat(v.name()).isEqualTo(new QualifiedName("s", "v"));
    CreateObject mv =
        one(
            "create materialized view if not exists mv as select 1 with no data",
            CreateObject.class);
    assertThat(mv.objectType()).isEqualTo("MATERIALIZED VIEW");
    assertThat(mv.ifNotExists()).isTrue();
    assertThat(one("create sequence if not exists seq start 10", CreateObject.class).name())
        .isEqualTo(q("seq"));
    assertThat(one("create extension if not exists \"uuid-ossp\"", CreateObject.class).name())
        .isEqualTo(q("uuid-ossp"));
    assertThat(one("create schema if not exists app", CreateObject.class).name())
        .isEqualTo(q("app"));
    assertThat(one("create schema authorization joe", CreateObject.class).name()).isNull();
    CreateObject trg =
        one(
            "create trigger trg before update of a, b on s.t for each row execute function f()",
            CreateObject.class);
    assertThat(trg.objectType()).isEqualTo("TRIGGER");
    assertThat(trg.name()).isEqualTo(q("trg"));
    assertThat(trg.onTable()).isEqualTo(new QualifiedName("s", "t"));
    CreateObject fn =
        one(
            "CREATE OR REPLACE FUNCTION s.f(a int) RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " RETURN NEW; END; $$",
            CreateObject.class);
    assertThat(fn.objectType()).isEqualTo("FUNCTION");
    assertThat(fn.name()).isEqualTo(new QualifiedName("s", "f"));
    CreateObject proc =
        one("create procedure p() language sql begin atomic select 1; end", CreateObject.class);
    assertThat(proc.objectType()).isEqualTo("PROCEDURE");
    CreateObject policy = one("create policy p on t using (true)", CreateObject.class);
    assertThat(policy.onTable()).isEqualTo(q("t"));
  }

  @Test
  void renamesAndOtherAltersOfNonTables() {
    RenameObject r = one("alter sequence s.seq rename to seq2", RenameObject.class);
    assertThat(r.objectType()).isEqualTo("SEQUENCE");
    assertThat(r.from()).isEqualTo(new QualifiedName("s", "seq"));
    assertThat(r.to()).isEqualTo("seq2");
    assertThat(one("alter materialized view mv rename to mv2", RenameObject.class).objectType())
        .isEqualTo("MATERIALIZED VIEW");
    assertThat(one("alter schema a rename to b", RenameObject.class).to()).isEqualTo("b");
    AlterObject o = one("alter function f(int) owner to admin", AlterObject.class);
    assertThat(o.objectType()).isEqualTo("FUNCTION");
    assertThat(o.name()).isEqualTo(q("f"));
    assertThat(o.actionKeywords()).isEqualTo("OWNER TO");
    assertThat(
            one("alter default privileges grant select on tables to r", AlterObject.class)
                .objectType())
        .isEqualTo("DEFAULT PRIVILEGES");
  }

  @Test
  void readsTruncateVacuumAndCluster() {
    Truncate t = one("truncate table only a, b restart identity cascade", Truncate.class);
    assertThat(t.tables()).containsExactly(q("a"), q("b"));
    assertThat(t.cascade()).isTrue();
    assertThat(one("truncate a", Truncate.class).cascade()).isFalse();
    assertThat(one("vacuum full analyze t", Vacuum.class))
        .isEqualTo(new Vacuum(true, List.of(q("t")), 1, "vacuum full analyze t"));
    assertThat(one("vacuum (full, verbose) a, b (c)", Vacuum.class).tables())
        .containsExactly(q("a"), q("b"));
    assertThat(one("vacuum (full, verbose) a", Vacuum.class).full()).isTrue();
    assertThat(one("vacuum (full false) a", Vacuum.class).full()).isFalse();
    assertThat(one("vacuum", Vacuum.class).tables()).isEmpty();
    assertThat(one("cluster t using i", Cluster.class).table()).isEqualTo(q("t"));
    assertThat(one("cluster i on t", Cluster.class).table()).isEqualTo(q("t"));
    assertThat(one("cluster", Cluster.class).table()).isNull();
  }

  @Test
  void readsSetAndReset() {
    assertThat(one("SET lock_timeout = '2s'", SetVariable.class))
        .isEqualTo(new SetVariable("lock_timeout", "2s", false, 1, "SET lock_timeout = '2s'"));
    SetVariable local = one("set local statement_timeout to 5000", SetVariable.class);
    assertThat(local.local()).isTrue();
    assertThat(local.name()).isEqualTo("statement_timeout");
    assertThat(local.value()).isEqualTo("5000");
    assertThat(one("set session Search_Path to a, public", SetVariable.class).value())
        .isEqualTo("a, public");
    assertThat(one("set time zone 'UTC'", SetVariable.class).name()).isEqualTo("timezone");
    assertThat(one("set myapp.user_id = 7", SetVariable.class).name()).isEqualTo("myapp.user_id");
    SetVariable reset = one("reset lock_timeout", SetVariable.class);
    assertThat(reset.name()).isEqualTo("lock_timeout");
    assertThat(reset.value()).isNull();
    assertThat(one("reset all", SetVariable.class).name()).isEqualTo("all");
  }

  @Test
  void readsTransactionControl() {
    String[][] cases = {
      {"begin", "BEGIN"},
      {"BEGIN ISOLATION LEVEL SERIALIZABLE", "BEGIN"},
      {"start transaction", "START"},
      {"commit", "COMMIT"},
      {"commit work", "COMMIT"},
      {"end", "END"},
      {"rollback", "ROLLBACK"},
      {"abort", "ABORT"},
      {"rollback to savepoint s", "ROLLBACK_TO"},
      {"rollback to s", "ROLLBACK_TO"},
      {"savepoint s", "SAVEPOINT"},
      {"release savepoint s", "RELEASE"},
      {"prepare transaction 'x'", "PREPARE"},
      {"commit prepared 'x'", "COMMIT_PREPARED"},
      {"rollback prepared 'x'", "ROLLBACK_PREPARED"},
    };
    for (String[] c : cases) {
      assertThat(one(c[0], TransactionControl.class).kind())
          .as(c[0])
          .isEqualTo(TxKind.valueOf(c[1]));
    }
  }

  @Test
  void readsDoBlocks() {
    DoBlock d = one("DO $body$ BEGIN RAISE NOTICE 'x;'; END $body$", DoBlock.class);
    assertThat(d.body()).isEqualTo(" BEGIN RAISE NOTICE 'x;'; END ");
    assertThat(d.language()).isEqualTo("plpgsql");
    DoBlock sqlLang = one("do language plpgsql 'begin null; end'", DoBlock.class);
    assertThat(sqlLang.body()).isEqualTo("begin null; end");
    assertThat(one("do $$ select 1 $$ language plperl", DoBlock.class).language())
        .isEqualTo("plperl");
  }

  @Test
  void readsDmlShallowly() {
    Insert i = one("insert into s.t (a, \"B\") values (1, 2) returning *", Insert.class);
    assertThat(i.table()).isEqualTo(new QualifiedName("s", "t"));
    assertThat(i.columns()).containsExactly("a", "B");
    assertThat(one("insert into t select * from u", Insert.class).columns()).isEmpty();
    Insert upsert =
        one(
            "insert into t (id) values (1) on conflict (id) do update set a = 1, a = excluded.a",
            Insert.class);
    assertThat(upsert.conflictAssignedColumns()).containsExactly("a", "a");
    Update u =
        one(
            "update only t as x set a = 1, a = (select 2 from y where z), (b, c) = (3, 4), d.e = 5"
                + " from y where x.id = y.id",
            Update.class);
    assertThat(u.table()).isEqualTo(q("t"));
    assertThat(u.assignedColumns()).containsExactly("a", "a", "b", "c", "d");
    assertThat(u.assignedTargets()).containsExactly("a", "a", "b", "c", "d.e");
    assertThat(one("delete from only s.t where a", Delete.class).table())
        .isEqualTo(new QualifiedName("s", "t"));
    assertThat(one("with x as (select 1) update t set a = 1", Update.class).assignedColumns())
        .containsExactly("a");
    assertThat(one("with x as (select 1), y as (select 2) select * from x", Select.class))
        .isNotNull();
    assertThat(one("values (1), (2)", Select.class)).isNotNull();
    assertThat(one("(select 1) union (select 2)", Select.class)).isNotNull();
  }

  @Test
  void readsCommentGrantAndCopy() {
    Comment c = one("comment on column s.t.\"C\" is 'text; here'", Comment.class);
    assertThat(c.objectType()).isEqualTo("COLUMN");
    assertThat(c.target()).isEqualTo("s.t.C");
    Comment k = one("comment on constraint fk on t is null", Comment.class);
    assertThat(k.target()).isEqualTo("fk ON t");
    assertThat(one("comment on materialized view mv is 'x'", Comment.class).objectType())
        .isEqualTo("MATERIALIZED VIEW");
    Stmt g = one("grant select on all tables in schema s to r");
    assertThat(g).isInstanceOf(Grant.class);
    assertThat(one("revoke all on t from public")).isInstanceOf(Grant.class);
    assertThat(one("copy t (a) from stdin with (format csv)")).isInstanceOf(Copy.class);
  }
}

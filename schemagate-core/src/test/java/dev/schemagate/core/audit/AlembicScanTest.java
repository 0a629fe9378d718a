package dev.schemagate.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.audit.AlembicScan.Part;
import org.junit.jupiter.api.Test;

class AlembicScanTest {

  private static final String HEADER =
      "\"\"\"add things\n\nRevision ID: b\n\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n\n"
          + "revision = 'b'\ndown_revision = 'a'\n\n";

  @Test
  void downgradeOfOnlyPassAndCommentsIsNoOp() {
    AlembicScan.Result r =
        AlembicScan.scan(
            HEADER
                + "def upgrade():\n    op.add_column('t', sa.Column('c', sa.Integer()))\n\n\n"
                + "def downgrade():\n    # ### commands auto generated ###\n    pass\n"
                + "    # ### end ###\n");
    assertThat(r.hasDowngrade()).isTrue();
    assertThat(r.downgradeNoOp()).isTrue();
    assertThat(r.upgradeNoOp()).isFalse();
    assertThat(r.opCalls()).extracting(AlembicScan.OpCall::name).containsExactly("add_column");
  }

  @Test
  void downgradeThatCallsSomethingIsNotNoOp() {
    AlembicScan.Result r =
        AlembicScan.scan(
            HEADER + "def upgrade():\n    pass\n\ndef downgrade():\n    pass\n    helper()\n");
    assertThat(r.downgradeNoOp()).isFalse();
  }

  @Test
  void singleLineDefWithPassIsNoOp() {
    AlembicScan.Result r =
        AlembicScan.scan(HEADER + "def upgrade(): pass\ndef downgrade(): pass\n");
    assertThat(r.downgradeNoOp()).isTrue();
    assertThat(r.upgradeNoOp()).isTrue();
  }

  @Test
  void opCallsInsideStringsAndCommentsAreNotCounted() {
    AlembicScan.Result r =
        AlembicScan.scan(
            HEADER
                + "def upgrade():\n"
                + "    # op.drop_table('x')\n"
                + "    note = \"op.drop_table('y')\"\n"
                + "    doc = '''\n    op.drop_column('a', 'b')\n    '''\n"
                + "    op.create_table('z', sa.Column('id', sa.Integer))\n"
                + "\ndef downgrade():\n    op.drop_table('z')\n");
    assertThat(r.opCalls())
        .extracting(AlembicScan.OpCall::name, AlembicScan.OpCall::part)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("create_table", Part.UPGRADE),
            org.assertj.core.groups.Tuple.tuple("drop_table", Part.DOWNGRADE));
  }

  @Test
  void readsSqlFromTripleQuotedTextAndNamedVariables() {
    AlembicScan.Result r =
        AlembicScan.scan(
            HEADER
                + "SQL = sa.text(\"DELETE FROM old\")\n\n"
                + "def upgrade():\n"
                + "    op.execute(\"\"\"\n    UPDATE t\n    SET a = 1;\n    \"\"\")\n"
                + "    q = text('INSERT INTO t (a) ' \\\n        'VALUES (2)')\n"
                + "    conn = op.get_bind()\n    conn.execute(q, a=1)\n"
                + "    op.execute(SQL)\n"
                + "    op.execute(f\"ALTER TABLE {name} ADD COLUMN x int\")\n"
                + "\ndef downgrade():\n    pass\n");
    assertThat(r.executes())
        .extracting(AlembicScan.Execute::via)
        .containsExactly("op.execute", "conn.execute", "op.execute", "op.execute");
    assertThat(r.executes().get(0).sql()).contains("UPDATE t").contains("SET a = 1;");
    assertThat(r.executes().get(1).sql()).isEqualTo("INSERT INTO t (a) VALUES (2)");
    assertThat(r.executes().get(2).sql()).isEqualTo("DELETE FROM old");
    assertThat(r.executes().get(3).sql())
        .isEqualTo("ALTER TABLE " + PythonTokens.FSTRING_FIELD + " ADD COLUMN x int");
    assertThat(r.executes()).noneMatch(AlembicScan.Execute::dynamic);
  }

  @Test
  void importedSqlIsDynamicAndBuildersAreRecognised() {
    AlembicScan.Result r =
        AlembicScan.scan(
            HEADER
                + "from lib import sql_expressions\n\n"
                + "def upgrade():\n"
                + "    op.execute(sql_expressions)\n"
                + "    op.execute(queries.update().values({'a': 1}))\n"
                + "    conn.execute(queries.select())\n"
                + "\ndef downgrade():\n    pass\n");
    assertThat(r.executes().get(0).dynamic()).isTrue();
    assertThat(r.executes().get(1).builderDml()).isTrue();
    assertThat(r.executes().get(2).dynamic()).isFalse();
    assertThat(r.executes().get(2).builderDml()).isFalse();
  }

  @Test
  void helpersRunInThePartOfTheirCallers() {
    AlembicScan.Result r =
        AlembicScan.scan(
            HEADER
                + "def only_up():\n    op.drop_column('t', 'c')\n\n"
                + "def both():\n    op.execute('UPDATE t SET a = 1')\n\n"
                + "def unused():\n    op.drop_table('t')\n\n"
                + "def upgrade():\n    only_up()\n    both()\n\n"
                + "def downgrade():\n    both()\n");
    assertThat(r.opCalls())
        .extracting(AlembicScan.OpCall::name, AlembicScan.OpCall::part)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("drop_column", Part.UPGRADE),
            org.assertj.core.groups.Tuple.tuple("execute", Part.SHARED),
            org.assertj.core.groups.Tuple.tuple("drop_table", Part.MODULE));
  }

  @Test
  void batchOperationsCountAsOpCallsAndConcurrentIndexesAreSeen() {
    AlembicScan.Result r =
        AlembicScan.scan(
            HEADER
                + "def upgrade():\n"
                + "    with op.batch_alter_table('t') as batch_op:\n"
                + "        batch_op.add_column(sa.Column('c', sa.Integer()))\n"
                + "    op.create_index('ix', 't', ['c'], postgresql_concurrently=True)\n"
                + "\ndef downgrade():\n    pass\n");
    assertThat(r.opCalls())
        .extracting(AlembicScan.OpCall::name)
        .containsExactly("batch_alter_table", "add_column", "create_index");
    assertThat(r.opCalls().get(2).concurrently()).isTrue();
    assertThat(r.autocommitBlock()).isFalse();
  }

  @Test
  void unterminatedStringIsAProblemNotACrash() {
    AlembicScan.Result r =
        AlembicScan.scan(
            HEADER + "def upgrade():\n    op.execute('''UPDATE t\n\ndef downgrade():\n");
    assertThat(r.problems()).contains("line 12: unterminated string literal");
  }
}

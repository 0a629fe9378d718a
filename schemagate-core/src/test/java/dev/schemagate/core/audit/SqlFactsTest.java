package dev.schemagate.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class SqlFactsTest {

  @Test
  void namesEachAlterTableActionAfterTheAlembicOperation() {
    SqlFacts.Result r =
        SqlFacts.analyse(
            "ALTER TABLE users ADD COLUMN a int, DROP COLUMN b, ALTER COLUMN c TYPE bigint,\n"
                + "  ADD CONSTRAINT fk FOREIGN KEY (d) REFERENCES t (id) NOT VALID,"
                + " ALTER c SET NOT NULL, RENAME COLUMN e TO f;\n"
                + "ALTER TABLE users RENAME TO people;");
    assertThat(r.statements()).isEqualTo(2);
    assertThat(r.opCalls())
        .containsOnly(
            entry("add_column", 1),
            entry("drop_column", 1),
            entry("alter_column", 3),
            entry("create_foreign_key", 1),
            entry("rename_table", 1));
    assertThat(r.keywords())
        .contains(
            entry("ALTER TABLE", 2),
            entry("ADD COLUMN", 1),
            entry("DROP COLUMN", 1),
            entry("ALTER COLUMN", 2),
            entry("ALTER COLUMN TYPE", 1),
            entry("SET NOT NULL", 1),
            entry("ADD CONSTRAINT", 1),
            entry("NOT VALID", 1),
            entry("RENAME COLUMN", 1),
            entry("RENAME TO", 1));
    assertThat(r.destructive()).extracting(SqlFacts.Note::text).containsExactly("DROP COLUMN");
  }

  @Test
  void countsStatementKeywordsAndFlagsDmlAndConcurrently() {
    SqlFacts.Result r =
        SqlFacts.analyse(
            "-- seed\nCREATE TABLE t (id int);\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i"
                + " ON t (id);\nINSERT INTO t VALUES (1);\nWITH x AS (SELECT 1) UPDATE t SET id = 2;"
                + "\nDROP TABLE IF EXISTS old CASCADE;\nCREATE OR REPLACE FUNCTION f() RETURNS int"
                + " AS $$ DELETE FROM t; SELECT 1 $$ LANGUAGE sql;\n");
    assertThat(r.keywords())
        .contains(
            entry("CREATE TABLE", 1),
            entry("CREATE INDEX", 1),
            entry("CONCURRENTLY", 1),
            entry("UNIQUE", 1),
            entry("IF NOT EXISTS", 1),
            entry("INSERT", 1),
            entry("UPDATE", 1),
            entry("DROP TABLE", 1),
            entry("IF EXISTS", 1),
            entry("CASCADE", 1),
            entry("CREATE FUNCTION", 1));
    assertThat(r.keywords()).doesNotContainKey("DELETE");
    assertThat(r.opCalls())
        .containsOnly(
            entry("create_table", 1),
            entry("create_index", 1),
            entry("drop_table", 1),
            entry("execute", 3));
    assertThat(r.dml()).extracting(SqlFacts.Note::line).containsExactly(4, 5);
    assertThat(r.nonTransactional()).extracting(SqlFacts.Note::line).containsExactly(3);
  }

  @Test
  void commentOnlyTextHasNoStatements() {
    SqlFacts.Result r = SqlFacts.analyse("-- Not reversible\n/* really */\n");
    assertThat(r.statements()).isZero();
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void unterminatedDollarQuoteIsAProblemAndEarlierStatementsStillCount() {
    SqlFacts.Result r =
        SqlFacts.analyse("CREATE TABLE a (id int);\nDO $body$\nBEGIN\n  PERFORM 1;\nEND;\n");
    assertThat(r.problems()).singleElement().satisfies(n -> assertThat(n.line()).isEqualTo(2));
    assertThat(r.problems().get(0).text()).contains("unterminated");
    assertThat(r.keywords()).containsEntry("CREATE TABLE", 1);
  }

  @Test
  void binaryContentIsAProblemNotAnalysed() {
    SqlFacts.Result r = SqlFacts.analyse("CREATE TABLE a (id int);\n\u0000\u0001\u0002garbage");
    assertThat(r.problems()).singleElement().satisfies(n -> assertThat(n.line()).isEqualTo(2));
    assertThat(r.statements()).isZero();
  }
}

package dev.schemagate.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionRulesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE INDEX CONCURRENTLY i ON t (x)",
        "create unique index concurrently if not exists i on t (x)",
        "DROP INDEX CONCURRENTLY IF EXISTS i",
        "REINDEX INDEX CONCURRENTLY i",
        "REINDEX (VERBOSE) TABLE CONCURRENTLY t",
        "REINDEX DATABASE app",
        "REINDEX SCHEMA public",
        "REINDEX SYSTEM",
        "VACUUM",
        "vacuum (analyze) t",
        "CREATE DATABASE app",
        "DROP DATABASE IF EXISTS app",
        "CREATE TABLESPACE ts LOCATION '/x'",
        "DROP TABLESPACE ts",
        "ALTER DATABASE app SET TABLESPACE ts",
        "ALTER SYSTEM SET work_mem = '64MB'",
        "ALTER TABLE m DETACH PARTITION m_2020 CONCURRENTLY",
        "CLUSTER",
        "CLUSTER VERBOSE",
        "-- build it online\n/* really /* nested */ */ CREATE INDEX\n  CONCURRENTLY i ON t (x)",
      })
  void flagsStatementsPostgresRefusesInATransaction(String sql) {
    assertThat(TransactionRules.cannotRunInTransaction(sql)).as(sql).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE INDEX i ON t (x)",
        "DROP INDEX i",
        "REINDEX INDEX i",
        "REINDEX TABLE t",
        "REFRESH MATERIALIZED VIEW CONCURRENTLY v",
        "ALTER DATABASE app SET work_mem = '1MB'",
        "ALTER TABLE m DETACH PARTITION m_2020",
        "ALTER TYPE mood ADD VALUE 'meh'",
        "CLUSTER t USING i",
        "CREATE TABLE vacuum_log (x int)",
        "SELECT 'CREATE INDEX CONCURRENTLY'",
        "-- VACUUM\nSELECT 1",
        "/* CREATE DATABASE x */ SELECT 1",
        "CREATE INDEX \"concurrently\" ON t (x)",
        "CREATE FUNCTION f() RETURNS void AS $$ VACUUM $$ LANGUAGE sql",
        "",
      })
  void allowsOrdinaryStatements(String sql) {
    assertThat(TransactionRules.cannotRunInTransaction(sql)).as(sql).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON t (x)",
        "DROP INDEX CONCURRENTLY i",
        "VACUUM (FULL) t",
        "REINDEX SCHEMA s",
        "CREATE DATABASE d",
        "ALTER SYSTEM SET work_mem = '1MB'",
        "ALTER TABLE m DETACH PARTITION m_2020 CONCURRENTLY",
        "CLUSTER",
        "CREATE INDEX i ON t (x)",
        "CREATE TABLE vacuum_log (x int)",
        "CREATE INDEX \"concurrently\" ON t (x)",
        "CREATE FUNCTION f() RETURNS void AS $$ VACUUM $$ LANGUAGE sql",
        "CLUSTER t USING i",
      })
  void tokensGiveTheSameAnswerAsText(String sql) {
    var tokens = SqlParser.parse(sql).statements().get(0).tokens();
    assertThat(TransactionRules.whyCannotRunInTransaction(tokens))
        .as(sql)
        .isEqualTo(TransactionRules.whyCannotRunInTransaction(sql));
  }

  @Test
  void saysWhyAStatementCannotRunInATransaction() {
    assertThat(TransactionRules.whyCannotRunInTransaction("create index concurrently i on t (x)"))
        .contains("CREATE INDEX CONCURRENTLY cannot run inside a transaction block");
    assertThat(TransactionRules.whyCannotRunInTransaction("SELECT 1")).isEmpty();
  }
}

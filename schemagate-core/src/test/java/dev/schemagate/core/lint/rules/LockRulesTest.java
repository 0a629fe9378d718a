package dev.schemagate.core.lint.rules;

import static dev.schemagate.core.lint.rules.RuleTesting.lint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.lint.Finding;
import org.junit.jupiter.api.Test;

class LockRulesTest {
  @Test
  void flagsAddColumnWithVolatileDefault() {
    assertThat(
            lint(
                "adding-field-with-default",
                "ALTER TABLE t ADD COLUMN id uuid DEFAULT gen_random_uuid();"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("gen_random_uuid"));
  }

  @Test
  void acceptsConstantAndStableDefaultsFromPg12() {
    assertThat(
            lint(
                "adding-field-with-default",
                "ALTER TABLE t ADD COLUMN a int DEFAULT 10;\n"
                    + "ALTER TABLE t ADD COLUMN b timestamptz DEFAULT now();\n"
                    + "ALTER TABLE t ADD COLUMN c jsonb DEFAULT '{}'::jsonb;"))
        .isEmpty();
  }

  @Test
  void flagsAnyDefaultOnPg11AsSquawkDoes() {
    assertThat(
            lint(
                "adding-field-with-default",
                "ALTER TABLE t ADD COLUMN a int DEFAULT 10;",
                false,
                11))
        .hasSize(1);
  }

  @Test
  void flagsStoredGeneratedColumn() {
    assertThat(
            lint(
                "adding-field-with-default",
                "ALTER TABLE t ADD COLUMN s numeric GENERATED ALWAYS AS (a + b) STORED;"))
        .hasSize(1);
  }

  @Test
  void flagsForeignKeyWithoutNotValidButNotOnNewTable() {
    assertThat(
            lint(
                "adding-foreign-key-constraint",
                "ALTER TABLE e ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES users (id);"))
        .hasSize(1);
    assertThat(
            lint(
                "adding-foreign-key-constraint",
                "BEGIN; CREATE TABLE e (u bigint); ALTER TABLE e ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES users (id); COMMIT;"))
        .isEmpty();
    assertThat(
            lint(
                "adding-foreign-key-constraint",
                "ALTER TABLE e ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES users (id) NOT VALID;"))
        .isEmpty();
  }

  @Test
  void flagsSetNotNullUnlessAValidatedCheckCoversItOnPg12() {
    assertThat(lint("adding-not-nullable-field", "ALTER TABLE t ALTER COLUMN c SET NOT NULL;"))
        .hasSize(1);
    String covered =
        "ALTER TABLE t ADD CONSTRAINT c_nn CHECK (c IS NOT NULL) NOT VALID;\n"
            + "COMMIT;\nALTER TABLE t VALIDATE CONSTRAINT c_nn;\nALTER TABLE t ALTER COLUMN c SET NOT NULL;";
    assertThat(lint("adding-not-nullable-field", covered, false, 12)).isEmpty();
    assertThat(lint("adding-not-nullable-field", covered, false, 11)).hasSize(1);
  }

  @Test
  void flagsRequiredColumnWithoutDefault() {
    assertThat(lint("adding-required-field", "ALTER TABLE t ADD COLUMN c boolean NOT NULL;"))
        .hasSize(1);
    assertThat(
            lint(
                "adding-required-field",
                "ALTER TABLE t ADD COLUMN c boolean NOT NULL DEFAULT true;"))
        .isEmpty();
  }

  @Test
  void flagsPrimaryKeyWithoutUsingIndex() {
    assertThat(lint("adding-serial-primary-key-field", "ALTER TABLE t ADD PRIMARY KEY (id);"))
        .hasSize(1);
    assertThat(
            lint(
                "adding-serial-primary-key-field",
                "ALTER TABLE t ADD CONSTRAINT t_pk PRIMARY KEY USING INDEX t_pk_idx;"))
        .isEmpty();
  }

  @Test
  void flagsCheckWithoutNotValidAndValidateInSameTransaction() {
    assertThat(
            lint("constraint-missing-not-valid", "ALTER TABLE t ADD CONSTRAINT p CHECK (b >= 0);"))
        .hasSize(1);
    assertThat(
            lint(
                "constraint-missing-not-valid",
                "BEGIN; ALTER TABLE t ADD CONSTRAINT p CHECK (b >= 0) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT p; COMMIT;"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("VALIDATE"));
    assertThat(
            lint(
                "constraint-missing-not-valid",
                "ALTER TABLE t ADD CONSTRAINT p CHECK (b >= 0) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT p;"))
        .isEmpty();
  }

  @Test
  void flagsUniqueConstraintButNotUsingIndex() {
    assertThat(lint("disallowed-unique-constraint", "ALTER TABLE t ADD CONSTRAINT u UNIQUE (c);"))
        .hasSize(1);
    assertThat(
            lint(
                "disallowed-unique-constraint",
                "ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX i;"))
        .isEmpty();
  }

  @Test
  void flagsIndexWithoutConcurrentlyExceptOnNewTable() {
    assertThat(lint("require-concurrent-index-creation", "CREATE INDEX i ON t (c);")).hasSize(1);
    assertThat(lint("require-concurrent-index-creation", "CREATE INDEX CONCURRENTLY i ON t (c);"))
        .isEmpty();
    assertThat(
            lint(
                "require-concurrent-index-creation",
                "CREATE TABLE t (c int); CREATE INDEX i ON t (c);",
                true,
                16))
        .isEmpty();
    assertThat(lint("require-concurrent-index-deletion", "DROP INDEX i;")).hasSize(1);
    assertThat(lint("require-concurrent-index-deletion", "DROP INDEX CONCURRENTLY IF EXISTS i;"))
        .isEmpty();
  }

  @Test
  void flagsConcurrentIndexInsideTransaction() {
    assertThat(
            lint(
                "ban-concurrent-index-creation-in-transaction",
                "BEGIN; CREATE INDEX CONCURRENTLY i ON t (c); COMMIT;"))
        .hasSize(1);
    assertThat(
            lint(
                "ban-concurrent-index-creation-in-transaction",
                "CREATE INDEX CONCURRENTLY i ON t (c); SELECT 1;"))
        .isEmpty();
  }

  @Test
  void flagsReindexAndDetachWithoutConcurrently() {
    assertThat(lint("require-concurrent-reindex", "REINDEX TABLE t;")).hasSize(1);
    assertThat(
            lint(
                "require-concurrent-reindex", "REINDEX (CONCURRENTLY) TABLE t; REINDEX SYSTEM db;"))
        .isEmpty();
    assertThat(lint("require-concurrent-partition-detach", "ALTER TABLE t DETACH PARTITION p;"))
        .hasSize(1);
    assertThat(
            lint(
                "require-concurrent-partition-detach",
                "ALTER TABLE t DETACH PARTITION p FINALIZE;"))
        .isEmpty();
  }

  @Test
  void prefersRepackOnlyFromPg19() {
    assertThat(lint("prefer-repack", "VACUUM FULL t; CLUSTER t;", false, 19)).hasSize(2);
    assertThat(lint("prefer-repack", "VACUUM (FULL FALSE) t; VACUUM FREEZE t;", false, 19))
        .isEmpty();
    assertThat(lint("prefer-repack", "VACUUM FULL t;", false, 18)).isEmpty();
  }

  @Test
  void flagsDomainConstraints() {
    assertThat(
            lint("ban-create-domain-with-constraint", "CREATE DOMAIN d AS int CHECK (VALUE > 0);"))
        .hasSize(1);
    assertThat(lint("ban-create-domain-with-constraint", "CREATE DOMAIN d AS text;")).isEmpty();
    assertThat(
            lint(
                "ban-alter-domain-with-add-constraint",
                "ALTER DOMAIN d ADD CONSTRAINT c CHECK (VALUE > 0);"))
        .hasSize(1);
    assertThat(lint("ban-alter-domain-with-add-constraint", "ALTER DOMAIN d DROP CONSTRAINT c;"))
        .isEmpty();
  }

  @Test
  void messagesNameTheObjectAndReasonsTheAlternative() {
    Finding f =
        lint("changing-column-type", "ALTER TABLE orders ALTER COLUMN total TYPE numeric;").get(0);
    assertThat(f.message()).contains("orders").contains("total");
    assertThat(f.reason()).contains("new column");
  }
}

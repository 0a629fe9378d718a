package dev.schemagate.core.lint.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.lint.Finding;
import dev.schemagate.core.source.Layout;
import dev.schemagate.core.source.MigrationSources;
import dev.schemagate.core.testing.NativeFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The static replay: each rule flagged where a fresh database would fail, and only there. */
class HistoryCheckerSchemaTest {

  @TempDir Path dir;

  private final List<Path> files = new ArrayList<>();

  /** A linear history: each upgrade's parent is the one before. */
  private List<Finding> history(String... ups) {
    String parent = null;
    for (int i = 0; i < ups.length; i++) {
      String id = "r" + (char) ('a' + i);
      files.add(
          NativeFiles.write(
              dir, id, parent == null ? List.of() : List.of(parent), ups[i], "SELECT 1;"));
      parent = id;
    }
    return new HistoryChecker().check(MigrationSources.read(dir, Layout.NATIVE));
  }

  private static List<String> rules(List<Finding> findings) {
    return findings.stream().map(Finding::rule).toList();
  }

  /** NativeFiles puts the upgrade's first line at file line 6 (5 without -- down_revision). */
  private int fileLine(int migration, int upgradeLine) {
    return (migration == 0 ? 5 : 6) + upgradeLine - 1;
  }

  // ---- object-created-twice ------------------------------------------------------------

  @Test
  void flagsSecondCreateTableAtItsFileLine() {
    List<Finding> findings =
        history(
            "CREATE TABLE users (id bigint);",
            "SELECT 1;\nCREATE TABLE users (id bigint, name text);");

    assertThat(rules(findings)).containsExactly("object-created-twice");
    Finding f = findings.get(0);
    assertThat(f.file()).isEqualTo(files.get(1));
    assertThat(f.line()).isEqualTo(fileLine(1, 2));
    assertThat(f.message()).contains("users").contains(files.get(0).toString() + ":5");
  }

  @Test
  void doesNotFlagCreateTableIfNotExistsOrAfterDrop() {
    assertThat(
            history(
                "CREATE TABLE users (id bigint);",
                "CREATE TABLE IF NOT EXISTS users (id bigint);",
                "DROP TABLE users;",
                "CREATE TABLE users (id bigint);"))
        .isEmpty();
  }

  @Test
  void flagsIndexTypeSequenceAndViewCreatedTwice() {
    List<Finding> findings =
        history(
            "CREATE TABLE t (id bigint, a int);\n"
                + "CREATE INDEX t_a ON t (a);\n"
                + "CREATE TYPE mood AS ENUM ('sad', 'ok');\n"
                + "CREATE SEQUENCE s;\n"
                + "CREATE VIEW v AS SELECT id FROM t;",
            "CREATE INDEX t_a ON t (id);\n"
                + "CREATE TYPE mood AS ENUM ('happy');\n"
                + "CREATE SEQUENCE s;\n"
                + "CREATE VIEW v AS SELECT a FROM t;");

    assertThat(rules(findings)).containsOnly("object-created-twice").hasSize(4);
    assertThat(findings)
        .extracting(Finding::line)
        .containsExactly(fileLine(1, 1), fileLine(1, 2), fileLine(1, 3), fileLine(1, 4));
  }

  @Test
  void doesNotFlagOrReplaceViewOrIndexIfNotExistsOrRecreatedIndex() {
    assertThat(
            history(
                "CREATE TABLE t (id bigint, a int);\n"
                    + "CREATE INDEX t_a ON t (a);\n"
                    + "CREATE VIEW v AS SELECT id FROM t;",
                "CREATE OR REPLACE VIEW v AS SELECT id, a FROM t;\n"
                    + "CREATE INDEX IF NOT EXISTS t_a ON t (a);\n"
                    + "DROP INDEX t_a;\n"
                    + "CREATE INDEX t_a ON t (id);"))
        .isEmpty();
  }

  @Test
  void flagsAddingAColumnTheTableAlreadyHas() {
    List<Finding> findings =
        history("CREATE TABLE t (id bigint, a int);", "ALTER TABLE t ADD COLUMN a text;");

    assertThat(rules(findings)).containsExactly("object-created-twice");
    assertThat(findings.get(0).message()).contains("t").contains("ADD COLUMN a");
  }

  // ---- unknown-table -------------------------------------------------------------------

  @Test
  void flagsUnknownTableInAHistoryThatBuildsItsSchemaFromNothing() {
    List<Finding> findings =
        history(
            "CREATE TABLE users (id bigint);",
            "ALTER TABLE accounts ADD COLUMN x int;\nINSERT INTO accounts (x) VALUES (1);");

    assertThat(rules(findings)).containsExactly("unknown-table");
    assertThat(findings.get(0).line()).isEqualTo(fileLine(1, 1));
    assertThat(findings.get(0).message()).contains("accounts");
  }

  @Test
  void flagsCreateIndexAndUpdateOnUnknownTableInAClosedHistory() {
    List<Finding> findings =
        history(
            "CREATE TABLE users (id bigint);",
            "CREATE INDEX i ON orders (id);",
            "UPDATE invoices SET total = 0;");

    assertThat(rules(findings)).containsExactly("unknown-table", "unknown-table");
  }

  @Test
  void doesNotFlagUnknownTablesWhenTheHistoryStartsFromAnExistingDatabase() {
    assertThat(
            history(
                "CREATE EXTENSION IF NOT EXISTS pgcrypto;",
                "ALTER TABLE legacy_users ADD COLUMN email text;",
                "CREATE TABLE audit (id bigint);",
                "ALTER TABLE legacy_orders ADD COLUMN total int;\n"
                    + "ALTER TABLE legacy_users DROP COLUMN whatever;"))
        .isEmpty();
  }

  @Test
  void doesNotFlagTablesOutsideTheHistoryInSystemSchemas() {
    assertThat(
            history(
                "CREATE TABLE t (id bigint);",
                "UPDATE pg_catalog.pg_class SET relname = relname WHERE false;"))
        .isEmpty();
  }

  @Test
  void findsTablesInAnotherSchemaAndUnderSearchPath() {
    assertThat(
            history(
                "CREATE SCHEMA app;\nCREATE TABLE app.users (id bigint);",
                "ALTER TABLE users ADD COLUMN a int;\n"
                    + "SET search_path TO app;\nCREATE TABLE orders (id bigint);",
                "ALTER TABLE app.orders ADD COLUMN b int;"))
        .isEmpty();
  }

  // ---- unknown-column ------------------------------------------------------------------

  @Test
  void flagsAlteringDroppingOrRenamingAColumnTheTableNeverHad() {
    List<Finding> findings =
        history(
            "CREATE TABLE t (id bigint, name text);",
            "ALTER TABLE t ALTER COLUMN nme TYPE varchar(10);\n"
                + "ALTER TABLE t DROP COLUMN size;\n"
                + "ALTER TABLE t RENAME COLUMN title TO heading;");

    assertThat(rules(findings))
        .containsExactly("unknown-column", "unknown-column", "unknown-column");
    assertThat(findings.get(0).message()).contains("t.nme").contains("id, name");
    assertThat(findings)
        .extracting(Finding::line)
        .containsExactly(fileLine(1, 1), fileLine(1, 2), fileLine(1, 3));
  }

  @Test
  void doesNotFlagColumnsOfTablesWhoseShapeIsUnknown() {
    assertThat(
            history(
                "CREATE TABLE src (id bigint);\n"
                    + "CREATE TABLE copy AS SELECT * FROM src;\n"
                    + "CREATE TABLE liked (LIKE src INCLUDING ALL);",
                "ALTER TABLE copy DROP COLUMN id;\n"
                    + "ALTER TABLE liked ALTER COLUMN id SET NOT NULL;\n"
                    + "ALTER TABLE src DROP COLUMN IF EXISTS ghost;"))
        .isEmpty();
  }

  @Test
  void doesNotFlagColumnsADoBlockMayHaveAdded() {
    assertThat(
            history(
                "CREATE TABLE t (id bigint);",
                "DO $$ BEGIN EXECUTE 'ALTER TABLE t ADD COLUMN extra int'; END $$;",
                "ALTER TABLE t ALTER COLUMN extra SET NOT NULL;"))
        .isEmpty();
  }

  @Test
  void followsTableAndColumnRenames() {
    assertThat(
            history(
                "CREATE TABLE t (a int);",
                "ALTER TABLE t RENAME TO u;\nALTER TABLE u RENAME COLUMN a TO b;",
                "ALTER TABLE u ALTER COLUMN b SET NOT NULL;\nUPDATE u SET b = 1;"))
        .isEmpty();
  }

  // ---- use-after-drop ------------------------------------------------------------------

  @Test
  void flagsTableUsedAfterAnEarlierMigrationDroppedIt() {
    List<Finding> findings =
        history(
            "CREATE TABLE t (id bigint);",
            "DROP TABLE t;",
            "INSERT INTO t (id) VALUES (1);\nALTER TABLE t ADD COLUMN x int;");

    assertThat(rules(findings)).containsExactly("use-after-drop");
    assertThat(findings.get(0).file()).isEqualTo(files.get(2));
    assertThat(findings.get(0).message()).contains("dropped at " + files.get(1));
  }

  @Test
  void flagsUseAfterDropEvenInAHistoryThatStartsFromAnExistingDatabase() {
    List<Finding> findings =
        history(
            "ALTER TABLE legacy ADD COLUMN x int;", "DROP TABLE legacy;", "DELETE FROM legacy;");

    assertThat(rules(findings)).containsExactly("use-after-drop");
  }

  @Test
  void flagsColumnUsedAfterDropAndOldNameAfterRename() {
    List<Finding> findings =
        history(
            "CREATE TABLE t (a int, b int);",
            "ALTER TABLE t DROP COLUMN a;\nALTER TABLE t RENAME TO u;",
            "UPDATE u SET a = 1;\nALTER TABLE t ADD COLUMN c int;");

    assertThat(rules(findings)).containsExactly("use-after-drop", "use-after-drop");
    assertThat(findings.get(0).message()).contains("u.a").contains("dropped");
    assertThat(findings.get(1).message()).contains("renamed to u");
  }

  @Test
  void dropIfExistsNeverReports() {
    assertThat(
            history(
                "CREATE TABLE t (id bigint);",
                "DROP TABLE t;",
                "DROP TABLE IF EXISTS t;\nDROP TABLE IF EXISTS never_there;\n"
                    + "ALTER TABLE IF EXISTS t ADD COLUMN x int;"))
        .isEmpty();
  }

  // ---- branches ------------------------------------------------------------------------

  @Test
  void aMergeSeesTheUnionOfItsParentsAndStillFlagsWhatNeitherHas() {
    NativeFiles.write(dir, "a1", List.of(), "CREATE TABLE t (id bigint);", "SELECT 1;");
    NativeFiles.write(dir, "b2", List.of("a1"), "ALTER TABLE t ADD COLUMN x int;", "SELECT 1;");
    NativeFiles.write(dir, "c3", List.of("a1"), "ALTER TABLE t ADD COLUMN y int;", "SELECT 1;");
    Path merge =
        NativeFiles.write(
            dir,
            "d4",
            List.of("b2", "c3"),
            "ALTER TABLE t ALTER COLUMN x SET NOT NULL;\n"
                + "ALTER TABLE t ALTER COLUMN y SET NOT NULL;\n"
                + "ALTER TABLE t ALTER COLUMN z SET NOT NULL;",
            "SELECT 1;");

    List<Finding> findings = new HistoryChecker().check(MigrationSources.read(dir, Layout.NATIVE));

    assertThat(rules(findings)).containsExactly("unknown-column");
    assertThat(findings.get(0).file()).isEqualTo(merge);
    assertThat(findings.get(0).message()).contains("t.z");
  }

  @Test
  void aSiblingBranchDoesNotSeeTheOtherBranchsColumns() {
    NativeFiles.write(dir, "a1", List.of(), "CREATE TABLE t (id bigint);", "SELECT 1;");
    NativeFiles.write(dir, "b2", List.of("a1"), "ALTER TABLE t ADD COLUMN x int;", "SELECT 1;");
    NativeFiles.write(dir, "c3", List.of("a1"), "ALTER TABLE t DROP COLUMN x;", "SELECT 1;");
    NativeFiles.write(dir, "d4", List.of("b2", "c3"), "SELECT 1;", "SELECT 1;");

    List<Finding> findings = new HistoryChecker().check(MigrationSources.read(dir, Layout.NATIVE));

    assertThat(rules(findings)).containsExactly("unknown-column");
  }

  // ---- odd input -----------------------------------------------------------------------

  @Test
  void temporaryTablesEndWithTheirMigration() {
    assertThat(
            history(
                "CREATE TABLE t (id bigint);\nCREATE TEMP TABLE scratch (id bigint);",
                "CREATE TEMPORARY TABLE scratch (id bigint);\nINSERT INTO scratch (id) VALUES (1);"))
        .isEmpty();
  }

  @Test
  void unparseableAndBinaryUpgradesGiveNoCrashAndNoInventedFindings() {
    assertThat(
            history(
                "CREATE TABLE t (id bigint);",
                "SELECT 'never closed;\nALTER TABLE t DROP COLUMN ghost;",
                "\u0000\u0001\u0002 binary \u0000 CREATE TABLE (((;",
                "CREATE TABLE u (id bigint) WITH (fillfactor = 70) WEIRD EXTRA ((SYNTAX));\n"
                    + "ALTER TABLE u ALTER COLUMN id SET NOT NULL;"))
        .extracting(Finding::rule)
        .doesNotContain("object-created-twice", "unknown-table");
  }

  @Test
  void anUnparsedCreateTableStillCountsAsCreated() {
    assertThat(
            history(
                "CREATE TABLE t (id bigint);\nCREATE TABLE odd (id bigint) SOMETHING NEW ((x));",
                "ALTER TABLE odd ADD COLUMN y int;"))
        .isEmpty();
  }
}

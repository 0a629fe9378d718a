package dev.schemagate.core.lint.own;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.lint.Finding;
import dev.schemagate.core.lint.LintSettings;
import dev.schemagate.core.lint.Severity;
import dev.schemagate.core.source.MigrationSources;
import dev.schemagate.core.testing.Corpora;
import dev.schemagate.core.testing.NativeFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationLinterTest {
  @TempDir Path dir;

  private List<Finding> lint(LintSettings settings) {
    return new MigrationLinter(settings).lint(MigrationSources.read(dir, null)).findings();
  }

  private List<Finding> lint() {
    return lint(LintSettings.defaults());
  }

  private static List<String> rules(List<Finding> findings, String rule) {
    return findings.stream()
        .filter(f -> f.rule().equals(rule))
        .map(f -> f.file().getFileName() + ":" + f.line())
        .toList();
  }

  @Test
  void concurrentIndexInATransactionalMigrationIsAnErrorAtItsFileLine() {
    NativeFiles.write(
        dir,
        "a1",
        List.of(),
        "CREATE TABLE t (id bigint);\nCREATE INDEX CONCURRENTLY t_id ON t (id);",
        "DROP TABLE t;");
    List<Finding> f = lint();
    // revision, message, blank, "-- +upgrade": the upgrade starts on line 5.
    assertThat(rules(f, NonTransactionalInTransaction.ID)).containsExactly("a1_m.sql:6");
    assertThat(f)
        .filteredOn(x -> x.rule().equals(NonTransactionalInTransaction.ID))
        .allMatch(x -> x.severity() == Severity.ERROR);
  }

  @Test
  void concurrentIndexOutsideATransactionIsFineButMixingIsReported() {
    NativeFiles.write(
        dir,
        "a1",
        List.of(),
        "SET lock_timeout = '1s';\nCREATE TABLE t (id bigint);\nCREATE INDEX CONCURRENTLY t_id ON t (id);",
        "DROP TABLE t;",
        false);
    List<Finding> f = lint();
    assertThat(rules(f, NonTransactionalInTransaction.ID)).isEmpty();
    // The SET does not count as an ordinary statement; the CREATE TABLE does.
    assertThat(rules(f, MixedTransactionModes.ID)).containsExactly("a1_m.sql:7");
  }

  @Test
  void addValueInATransactionIsRefusedOnlyBeforePostgres12() {
    NativeFiles.write(
        dir,
        "a1",
        List.of(),
        "ALTER TYPE mood ADD VALUE 'meh' AFTER 'ok';",
        "-- irreversible on purpose\nSELECT 1;");
    assertThat(
            rules(
                lint(LintSettings.defaults().withPgVersion(11)), NonTransactionalInTransaction.ID))
        .hasSize(1);
    assertThat(
            rules(
                lint(LintSettings.defaults().withPgVersion(12)), NonTransactionalInTransaction.ID))
        .isEmpty();
  }

  @Test
  void commentOnlyDowngradeIsEmptyAndDeclaredIrreversibleIsNotMissing() throws Exception {
    NativeFiles.write(dir, "a1", List.of(), "CREATE TABLE t (id bigint);", "-- Not reversible");
    Files.writeString(
        dir.resolve("b2_m.sql"),
        "-- revision: b2\n-- down_revision: a1\n-- irreversible: drops data\n\n-- +upgrade\n"
            + "ALTER TABLE t DROP COLUMN id;\n");
    List<Finding> f = lint();
    assertThat(rules(f, ReversibilityCheck.EMPTY)).containsExactly("a1_m.sql:8");
    assertThat(rules(f, ReversibilityCheck.MISSING)).isEmpty();
  }

  @Test
  void downgradeThatLeavesAnObjectBehindIsIncomplete() {
    NativeFiles.write(
        dir,
        "a1",
        List.of(),
        "CREATE TABLE t (id bigint);\nCREATE INDEX t_id ON t (id);\nCREATE TABLE u (id bigint);",
        "DROP TABLE t;");
    NativeFiles.write(
        dir,
        "b2",
        List.of("a1"),
        "ALTER TABLE t ADD COLUMN name text;\nCREATE INDEX t_name ON t (name);",
        "ALTER TABLE t DROP COLUMN name;");
    List<Finding> f = lint();
    // u is never dropped; t_id goes with t; t_name is left behind (dropping the column would
    // drop it in PostgreSQL, but the check compares names and says so).
    assertThat(f)
        .filteredOn(x -> x.rule().equals(ReversibilityCheck.INCOMPLETE))
        .extracting(Finding::message)
        .containsExactlyInAnyOrder(
            "the upgrade creates table u and the downgrade does not drop it",
            "the upgrade creates index t_name and the downgrade does not drop it");
  }

  @Test
  void droppingWhatTheUpgradeCreatedIsNotADestructiveChange() {
    NativeFiles.write(
        dir, "a1", List.of(), "CREATE TABLE t (id bigint);", "DROP TABLE t;\nDROP TABLE other;");
    List<Finding> f = lint();
    // Only the drop of a table this migration did not create is held against the downgrade.
    assertThat(rules(f, "ban-drop-table")).containsExactly("a1_m.sql:9");
  }

  @Test
  void aLayoutWithoutDownFilesReportsMissingDowngrades() throws Exception {
    Path m = Files.createDirectories(dir.resolve("2024-01-01-000000_create_t"));
    Files.writeString(m.resolve("up.sql"), "CREATE TABLE t (id bigint);\n");
    assertThat(rules(lint(), ReversibilityCheck.MISSING)).hasSize(1);
  }

  @Test
  void severityOffInSettingsSilencesARule() {
    NativeFiles.write(dir, "a1", List.of(), "CREATE TABLE t (id bigint);", "-- nothing");
    LintSettings off = LintSettings.defaults().withSeverity(ReversibilityCheck.EMPTY, Severity.OFF);
    assertThat(rules(lint(off), ReversibilityCheck.EMPTY)).isEmpty();
  }

  @Test
  void cratesIoKnownBrokenDownsAreFlagged() {
    Path crates = Corpora.require("crates-io").resolve("migrations");
    MigrationLinter.Report r =
        new MigrationLinter(LintSettings.defaults()).lint(MigrationSources.read(crates, null));
    assertThat(r.files()).isEqualTo(285);
    assertThat(r.findings())
        .filteredOn(f -> f.rule().equals(NonTransactionalInTransaction.ID))
        .extracting(f -> crates.relativize(f.file()).toString())
        .contains("2024-04-12-144536_remove-downloads-column/down.sql");
    assertThat(r.findings())
        .filteredOn(f -> f.rule().equals(ReversibilityCheck.EMPTY))
        .extracting(f -> crates.relativize(f.file()).toString())
        .contains("2019-11-11-162609_drop_email_from_user/down.sql");
    assertThat(r.findings()).noneMatch(f -> f.rule().equals("rule-failed"));
  }
}

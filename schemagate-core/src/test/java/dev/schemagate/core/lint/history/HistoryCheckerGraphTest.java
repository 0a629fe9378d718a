package dev.schemagate.core.lint.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.lint.Finding;
import dev.schemagate.core.lint.LintSettings;
import dev.schemagate.core.lint.Severity;
import dev.schemagate.core.source.Layout;
import dev.schemagate.core.source.MigrationScript;
import dev.schemagate.core.source.MigrationSource;
import dev.schemagate.core.source.MigrationSources;
import dev.schemagate.core.testing.NativeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCheckerGraphTest {

  @TempDir Path dir;

  private static List<Finding> check(Path folder) {
    return new HistoryChecker().check(MigrationSources.read(folder, Layout.NATIVE));
  }

  private static List<String> rules(List<Finding> findings) {
    return findings.stream().map(Finding::rule).toList();
  }

  private void table(String id, List<String> parents, String name) {
    NativeFiles.write(
        dir, id, parents, "CREATE TABLE " + name + " (id bigint);", "DROP TABLE " + name + ";");
  }

  private void labelled(String id, String parent, String label) throws IOException {
    String header =
        "-- revision: "
            + id
            + "\n"
            + (parent == null ? "" : "-- down_revision: " + parent + "\n")
            + "-- branch_labels: "
            + label
            + "\n-- message: m\n\n-- +upgrade\nCREATE TABLE t_"
            + id
            + " (id bigint);\n\n-- +downgrade\nDROP TABLE t_"
            + id
            + ";\n";
    Files.writeString(dir.resolve(id + "_m.sql"), header);
  }

  @Test
  void aLinearHistoryHasNoFindings() {
    table("a1", List.of(), "t1");
    table("b2", List.of("a1"), "t2");
    table("c3", List.of("b2"), "t3");

    assertThat(check(dir)).isEmpty();
  }

  @Test
  void flagsDownRevisionThatNoFileDeclaresAtItsHeaderLine() {
    table("a1", List.of(), "t1");
    Path b = NativeFiles.write(dir, "b2", List.of("zz9"), "SELECT 1;", "SELECT 1;");

    List<Finding> findings = check(dir);

    assertThat(rules(findings)).containsExactly("missing-revision");
    Finding f = findings.get(0);
    assertThat(f.file()).isEqualTo(b);
    assertThat(f.line()).isEqualTo(2); // "-- down_revision: zz9"
    assertThat(f.message()).contains("zz9").contains("b2");
  }

  @Test
  void flagsSeveralHeadsNamingThemAndTheMergeCommand() {
    table("a1", List.of(), "t1");
    table("b2", List.of("a1"), "t2");
    table("c3", List.of("a1"), "t3");

    List<Finding> findings = check(dir);

    assertThat(rules(findings)).containsExactly("multiple-heads");
    assertThat(findings.get(0).message()).contains("b2").contains("c3");
    assertThat(findings.get(0).reason()).contains("schemagate merge b2 c3");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void takesSeveritiesFromSettingsAndLeavesOutRulesSwitchedOff() {
    table("a1", List.of(), "t1");
    table("b2", List.of("a1"), "t2");
    table("c3", List.of("a1"), "t3");
    MigrationSource source = MigrationSources.read(dir, Layout.NATIVE);

    assertThat(
            new HistoryChecker()
                .check(
                    source, LintSettings.defaults().withSeverity("multiple-heads", Severity.ERROR)))
        .extracting(Finding::severity)
        .containsExactly(Severity.ERROR);
    assertThat(
            new HistoryChecker()
                .check(
                    source, LintSettings.defaults().withSeverity("multiple-heads", Severity.OFF)))
        .isEmpty();
  }

  @Test
  void doesNotFlagBranchesJoinedByAMerge() {
    table("a1", List.of(), "t1");
    table("b2", List.of("a1"), "t2");
    table("c3", List.of("a1"), "t3");
    NativeFiles.write(dir, "d4", List.of("b2", "c3"), "SELECT 1;", "SELECT 1;");

    assertThat(check(dir)).isEmpty();
  }

  @Test
  void doesNotFlagIndependentLabelledBranchesAsHeadsOrOrphans() throws IOException {
    labelled("a1", null, "core");
    labelled("x1", null, "reports");

    assertThat(check(dir)).isEmpty();
  }

  @Test
  void flagsAChainWithItsOwnBaseAsOrphan() {
    table("a1", List.of(), "t1");
    table("b2", List.of("a1"), "t2");
    table("c3", List.of("b2"), "t3");
    Path x = NativeFiles.write(dir, "x1", List.of(), "SELECT 1;", "SELECT 1;");

    List<Finding> findings = check(dir);

    assertThat(rules(findings)).containsExactlyInAnyOrder("multiple-heads", "orphan-revision");
    Finding orphan =
        findings.stream().filter(f -> f.rule().equals("orphan-revision")).findFirst().orElseThrow();
    assertThat(orphan.file()).isEqualTo(x);
    assertThat(orphan.message()).contains("x1").contains("a1");
  }

  @Test
  void doesNotFlagASecondBaseThatAMergeJoins() {
    table("a1", List.of(), "t1");
    table("x1", List.of(), "t2");
    NativeFiles.write(dir, "m2", List.of("a1", "x1"), "SELECT 1;", "SELECT 1;");

    assertThat(check(dir)).isEmpty();
  }

  @Test
  void flagsTwoFilesDeclaringOneRevisionAndKeepsChecking() {
    Path first = dir.resolve("one");
    Path second = dir.resolve("two");
    NativeFiles.write(first, "a1", List.of(), "CREATE TABLE t (id int);", "DROP TABLE t;");
    Path copy = NativeFiles.write(second, "a1", List.of(), "CREATE TABLE u (id int);", "");
    MigrationSource one = MigrationSources.read(first, Layout.NATIVE);
    MigrationSource two = MigrationSources.read(second, Layout.NATIVE);
    List<MigrationScript> both = new ArrayList<>(one.versioned());
    both.addAll(two.versioned());
    MigrationSource merged =
        new MigrationSource(dir, Layout.NATIVE, both, List.of(), List.of(), List.of());

    List<Finding> findings = new HistoryChecker().check(merged);

    assertThat(rules(findings)).containsExactly("duplicate-revision");
    assertThat(findings.get(0).file()).isEqualTo(copy);
    assertThat(findings.get(0).line()).isEqualTo(1);
  }

  @Test
  void reportsACycleInsteadOfThrowing() {
    NativeFiles.write(dir, "a1", List.of("b2"), "CREATE TABLE t (id int);", "");
    NativeFiles.write(dir, "b2", List.of("a1"), "ALTER TABLE t ADD COLUMN x int;", "");

    List<Finding> findings = check(dir);

    assertThat(rules(findings)).contains("revision-cycle");
    assertThat(findings.get(0).message()).contains("a1").contains("b2");
  }
}

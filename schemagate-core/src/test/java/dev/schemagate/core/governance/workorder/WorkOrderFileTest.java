package dev.schemagate.core.governance.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.governance.workorder.WorkOrder.DeclaredRevision;
import dev.schemagate.core.governance.workorder.WorkOrder.EvidenceRef;
import dev.schemagate.core.governance.workorder.WorkOrder.HealthCheck;
import dev.schemagate.core.governance.workorder.WorkOrder.Intent;
import dev.schemagate.core.governance.workorder.WorkOrder.LintWaiver;
import dev.schemagate.core.governance.workorder.WorkOrder.MigrationDeclaration;
import dev.schemagate.core.governance.workorder.WorkOrder.RollbackPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkOrderFileTest {
  @TempDir Path dir;

  static WorkOrder sample() {
    return new WorkOrder(
        "WO-MIGRATION-007",
        "staging",
        "wendy",
        "2026-11-22T01:40:00Z",
        new MigrationDeclaration(
            "upgrade",
            "head",
            List.of("58e520f59667"),
            List.of("60cd79d01a55"),
            List.of(
                new DeclaredRevision(
                    "60cd79d01a55",
                    "60cd79d01a55_create_payment_methods.sql",
                    "a".repeat(64),
                    List.of("58e520f59667"),
                    List.of("payments"),
                    null))),
        new Intent(
            "Add payment methods",
            "Checkout needs stored cards.\nSecond line: ':' and # are fine.",
            "No saved cards",
            "A JSON column on users: rejected, no constraints"),
        new RollbackPlan(
            List.of("schemagate downgrade 58e520f59667 --work-order WO-MIGRATION-008"),
            List.of("error rate above 2% for 5 minutes"),
            List.of(new HealthCheck("SELECT count(*) FROM payment_methods", "0 rows: table gone"))),
        List.of(),
        null,
        null,
        List.of(new LintWaiver("require-timeout", null, "staging has no traffic")),
        Map.of("lint", new EvidenceRef("evidence/lint.txt", "b".repeat(64))),
        List.of(Map.of("decision", "approved", "approver", "max", "role", "manager")));
  }

  @Test
  void writtenFileReadsBackEqualAndHasAReadableBody() throws Exception {
    WorkOrder wo = sample();
    Path f = dir.resolve("WO-MIGRATION-007.md");
    Files.writeString(f, WorkOrderFile.write(wo));
    assertThat(WorkOrderFile.read(f)).isEqualTo(wo);
    String text = Files.readString(f);
    assertThat(text).startsWith("---\n");
    assertThat(text)
        .contains("# WO-MIGRATION-007: Add payment methods")
        .contains("- Environment: **staging**")
        .contains("| `60cd79d01a55` |")
        .contains("1. error rate above 2% for 5 minutes")
        .contains("- approved by max (manager)");
  }

  @Test
  void canonicalFieldsCoverTheEnvironmentAndEveryChecksumButNotTheApprovals() {
    WorkOrder wo = sample();
    Map<String, Object> fields = WorkOrderFile.canonicalFields(wo);
    assertThat(fields).containsEntry("environment", "staging").doesNotContainKey("approvals");
    String encoded =
        new String(
            dev.schemagate.core.governance.approval.CanonicalForm.encode(fields),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(encoded).contains("a".repeat(64)).contains("staging");
    WorkOrder otherChecksum =
        new WorkOrder(
            wo.id(),
            wo.environment(),
            wo.author(),
            wo.created(),
            new MigrationDeclaration(
                "upgrade",
                "head",
                wo.migration().from(),
                wo.migration().to(),
                List.of(
                    new DeclaredRevision(
                        "60cd79d01a55",
                        "60cd79d01a55_create_payment_methods.sql",
                        "c".repeat(64),
                        List.of("58e520f59667"),
                        List.of("payments"),
                        null))),
            wo.intent(),
            wo.rollback(),
            wo.verification(),
            null,
            null,
            wo.lintWaivers(),
            wo.evidence(),
            wo.approvals());
    assertThat(WorkOrderFile.canonicalFields(otherChecksum)).isNotEqualTo(fields);
    WorkOrder moreApprovals =
        new WorkOrder(
            wo.id(),
            wo.environment(),
            wo.author(),
            wo.created(),
            wo.migration(),
            wo.intent(),
            wo.rollback(),
            wo.verification(),
            null,
            null,
            wo.lintWaivers(),
            wo.evidence(),
            List.of());
    assertThat(WorkOrderFile.canonicalFields(moreApprovals)).isEqualTo(fields);
  }

  @Test
  void placeholdersAreTodoOrBlank() {
    assertThat(WorkOrderFile.isPlaceholder("TODO: why")).isTrue();
    assertThat(WorkOrderFile.isPlaceholder("  ")).isTrue();
    assertThat(WorkOrderFile.isPlaceholder(null)).isTrue();
    assertThat(WorkOrderFile.isPlaceholder("Checkout needs it")).isFalse();
  }

  private SchemagateException refused(String text) {
    return catchThrowableOfType(
        () -> WorkOrderFile.parse(text, Path.of("workorders/WO-MIGRATION-001.md")),
        SchemagateException.class);
  }

  @Test
  void badFilesAreRefusedNamingTheFileAndTheProblem() throws Exception {
    assertThat(refused("# just markdown\n").getMessage())
        .contains("workorders/WO-MIGRATION-001.md:1: has no front matter");
    assertThat(refused("---\nid: WO-MIGRATION-001\n").getMessage())
        .contains("front matter is not closed");
    SchemagateException yaml = refused("---\nid: WO-MIGRATION-001\nenvironment: [unclosed\n---\n");
    assertThat(yaml.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(yaml.getMessage()).contains("not valid YAML").containsPattern("\\.md:\\d+:");
    String valid = WorkOrderFile.write(sample());
    assertThat(refused(valid.replace("environment: staging", "environment: [a, b]")).getMessage())
        .contains("environment must be text, not a list");
    assertThat(refused(valid.replace("environment: staging\n", "")).getMessage())
        .contains("environment is missing");
    assertThat(refused(valid.replace("author: wendy", "author: wendy\ncolour: blue")).getMessage())
        .contains("unknown key 'colour'");
    assertThat(refused(valid.replace("id: WO-MIGRATION-007", "id: WO-7")).getMessage())
        .contains("is not WO-MIGRATION-<number>");
    assertThat(refused(valid.replace("direction: upgrade", "direction: sideways")).getMessage())
        .contains("migration.direction must be upgrade or downgrade");
    assertThat(refused("---\n- a list\n---\n").getMessage()).contains("must be a mapping");
  }

  @Test
  void nonUtf8AndHugeFilesAreRefused() throws Exception {
    Path latin1 = dir.resolve("WO-MIGRATION-002.md");
    Files.write(latin1, new byte[] {'-', '-', '-', '\n', (byte) 0xE9, '\n'});
    assertThat(catchThrowableOfType(() -> WorkOrderFile.read(latin1), SchemagateException.class))
        .hasMessageContaining("is not UTF-8 text");
    Path huge = dir.resolve("WO-MIGRATION-003.md");
    Files.writeString(huge, "---\n" + "x: y\n".repeat(300_000) + "---\n");
    assertThat(catchThrowableOfType(() -> WorkOrderFile.read(huge), SchemagateException.class))
        .hasMessageContaining("is larger than");
  }
}

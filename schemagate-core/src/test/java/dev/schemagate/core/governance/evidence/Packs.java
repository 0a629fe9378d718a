package dev.schemagate.core.governance.evidence;

import dev.schemagate.core.config.Person;
import dev.schemagate.core.config.Role;
import dev.schemagate.core.governance.approval.Approval;
import dev.schemagate.core.governance.approval.Approvals;
import dev.schemagate.core.governance.approval.CanonicalForm;
import dev.schemagate.core.governance.approval.Decision;
import dev.schemagate.core.governance.approval.Keys;
import dev.schemagate.core.governance.workorder.WorkOrder;
import dev.schemagate.core.governance.workorder.WorkOrder.DeclaredRevision;
import dev.schemagate.core.governance.workorder.WorkOrder.EvidenceRef;
import dev.schemagate.core.governance.workorder.WorkOrder.HealthCheck;
import dev.schemagate.core.governance.workorder.WorkOrder.Intent;
import dev.schemagate.core.governance.workorder.WorkOrder.MigrationDeclaration;
import dev.schemagate.core.governance.workorder.WorkOrder.RollbackPlan;
import dev.schemagate.core.governance.workorder.WorkOrderFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Builds real packs for the tests: a work order signed with a real key, and its evidence. */
final class Packs {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T01:40:00Z"), ZoneOffset.UTC);

  final KeyPair alice = Keys.newKeyPair();
  final Map<String, PublicKey> trusted = Map.of("alice", alice.getPublic());

  static WorkOrder workOrder(List<Map<String, String>> approvals) {
    return new WorkOrder(
        "WO-MIGRATION-007",
        "staging",
        "wendy",
        "2026-11-22T01:30:00Z",
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
                    List.of(),
                    null))),
        new Intent("Add payment methods", "Checkout needs stored cards.", "No saved cards", "none"),
        new RollbackPlan(
            List.of("schemagate downgrade 58e520f59667"),
            List.of("error rate above 2%"),
            List.of(new HealthCheck("SELECT 1", "1"))),
        List.of(new HealthCheck("SELECT count(*) FROM payment_methods", "0")),
        null,
        null,
        List.of(),
        Map.of("lint", new EvidenceRef("lint.txt", "b".repeat(64))),
        approvals);
  }

  static byte[] canonical(WorkOrder wo) {
    return CanonicalForm.encode(WorkOrderFile.canonicalFields(wo));
  }

  /** The work order's text with one approval signed by {@code key} in {@code approver}'s name. */
  static String signedWorkOrder(String approver, PrivateKey key) {
    Approval a =
        Approvals.sign(
            canonical(workOrder(List.of())),
            approver,
            "manager",
            Decision.APPROVED,
            null,
            key,
            CLOCK);
    return WorkOrderFile.write(workOrder(List.of(a.toStored())));
  }

  List<EvidenceFile> files(String workOrderText) {
    List<EvidenceFile> files = new ArrayList<>();
    files.add(file("work-order.md", workOrderText));
    files.add(file("lint.txt", "require-timeout: waived\n"));
    files.add(file("dry-run.sql", "CREATE TABLE payment_methods (id bigint);\n"));
    files.add(file("statements/0001.sql", "CREATE TABLE payment_methods (id bigint);\n"));
    files.add(file("report.md", "# WO-MIGRATION-007\n\nAll **good**.\n"));
    return files;
  }

  List<EvidenceFile> signedFiles() {
    return files(signedWorkOrder("alice", alice.getPrivate()));
  }

  String people() {
    Map<String, Person> people = new LinkedHashMap<>();
    people.put("wendy", new Person("wendy", Role.WORKER, null));
    people.put("alice", new Person("alice", Role.MANAGER, Keys.inline(alice.getPublic())));
    return PeopleFile.render(people);
  }

  static EvidenceFile file(String name, String text) {
    return new EvidenceFile(name, text.getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, String> metadata() {
    return Map.of("work_order", "WO-MIGRATION-007", "environment", "staging");
  }

  static WrittenPack write(Path dir, List<EvidenceFile> files) {
    return EvidencePack.write(dir, files, metadata(), CLOCK);
  }

  /** The zip's entries in order, name to bytes. */
  static Map<String, byte[]> unzip(Path zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  /** Rewrites the zip with its entries changed by {@code edit}. */
  static void rezip(Path zip, Consumer<Map<String, byte[]>> edit) throws IOException {
    Map<String, byte[]> entries = unzip(zip);
    edit.accept(entries);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    Files.write(zip, bytes.toByteArray());
  }

  static byte[] flipFirstByte(byte[] bytes) {
    byte[] copy = bytes.clone();
    copy[0] ^= 1;
    return copy;
  }
}

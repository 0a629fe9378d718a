package dev.schemagate.core;

import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.governance.approval.Approval;
import dev.schemagate.core.governance.gate.ConditionResult;
import dev.schemagate.core.governance.gate.GateReport;
import dev.schemagate.core.governance.verify.CheckResult;
import dev.schemagate.core.governance.workorder.WorkOrder;
import dev.schemagate.core.run.StatementRecord;
import dev.schemagate.core.schema.backup.BackupRecord;
import dev.schemagate.core.schema.diff.DiffRenderer;
import dev.schemagate.core.schema.diff.DiffResult;
import java.util.List;
import java.util.Map;

/**
 * The human-readable report of an evidence pack, in Markdown (the pack also holds it as HTML).
 * Everything in it is also in the pack's machine-readable files; the report is for the reviewer who
 * opens the pack first. Secrets are redacted by the caller, as for every file of the pack.
 */
final class EvidenceReport {
  private EvidenceReport() {}

  static String markdown(
      WorkOrder wo,
      Map<String, String> meta,
      GateReport gate,
      BackupRecord backup,
      List<StatementRecord> statements,
      List<CheckResult> checks,
      DiffResult diff,
      SchemagateException failure,
      String environment) {
    StringBuilder b = new StringBuilder();
    b.append("# Evidence: ").append(wo.id()).append(" on ").append(environment).append("\n\n");
    b.append("| | |\n|---|---|\n");
    meta.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(cell(v)).append(" |\n"));
    b.append("\n## Intent\n\n").append(cell(wo.intent().what())).append("\n\n");
    b.append("## Approvals\n\n");
    if (wo.approvals().isEmpty()) {
      b.append("None.\n");
    }
    for (Map<String, String> stored : wo.approvals()) {
      try {
        Approval a = Approval.fromStored(stored);
        b.append("- ")
            .append(a.decision().name().toLowerCase(java.util.Locale.ROOT))
            .append(" by ")
            .append(cell(a.approver()))
            .append(" (")
            .append(cell(a.role()))
            .append(") at ")
            .append(a.atText())
            .append(", key ")
            .append(cell(a.keyFingerprint()))
            .append('\n');
      } catch (IllegalArgumentException e) {
        b.append("- an unreadable approval entry: ").append(cell(e.getMessage())).append('\n');
      }
    }
    b.append("\n## Gate\n\n| condition | result | reason |\n|---|---|---|\n");
    for (ConditionResult r : gate.results()) {
      b.append("| ")
          .append(r.condition().id())
          .append(" | ")
          .append(r.pass() ? "PASS" : "FAIL")
          .append(" | ")
          .append(cell(r.reason()))
          .append(" |\n");
    }
    b.append("\n## Backup\n\n")
        .append("`")
        .append(backup.file())
        .append("`, ")
        .append(backup.sizeBytes())
        .append(" bytes, SHA-256 `")
        .append(backup.sha256())
        .append("`, verified: ")
        .append(backup.verified())
        .append("\n\n## Statements\n\n");
    long migration = statements.stream().filter(s -> s.kind().equals("migration")).count();
    b.append(statements.size())
        .append(" statement(s), ")
        .append(migration)
        .append(" of them migration SQL; every one with its timing in statements.json.\n\n");
    b.append("| # | revision | kind | ms | rows | messages | statement |\n");
    b.append("|---|---|---|---|---|---|---|\n");
    for (StatementRecord s : statements) {
      b.append("| ")
          .append(s.seq())
          .append(" | ")
          .append(s.revision() == null ? "" : s.revision())
          .append(" | ")
          .append(s.kind())
          .append(" | ")
          .append(String.format(java.util.Locale.ROOT, "%.1f", s.micros() / 1000.0))
          .append(" | ")
          .append(s.rows())
          .append(" | ")
          .append(cell(String.join("; ", s.messages())))
          .append(s.error() == null ? "" : cell(" ERROR: " + s.error()))
          .append(" | `")
          .append(cell(firstLine(s.sql())).replace("`", "'"))
          .append("` |\n");
    }
    if (failure != null) {
      b.append("\n## Failure\n\n```\n").append(failure.getMessage()).append("\n```\n");
    }
    b.append("\n## Verification\n\n");
    if (checks.isEmpty()) {
      b.append(failure != null ? "Not run: the execution failed.\n" : "None declared.\n");
    } else {
      b.append("| result | check | expected | actual |\n|---|---|---|---|\n");
      for (CheckResult c : checks) {
        b.append("| ")
            .append(c.pass() ? "PASS" : "FAIL")
            .append(" | `")
            .append(cell(c.sql()).replace("`", "'"))
            .append("` | ")
            .append(cell(c.expect()))
            .append(" | ")
            .append(cell(c.error() != null ? "error: " + c.error() : c.actual()))
            .append(" |\n");
      }
    }
    b.append("\n## Schema change\n\n").append(DiffRenderer.markdown(diff));
    return ConnectionSpec.redact(b.toString());
  }

  private static String firstLine(String sql) {
    String s = sql.strip();
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl) + " ...";
    return line.length() > 120 ? line.substring(0, 117) + "..." : line;
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
  }
}

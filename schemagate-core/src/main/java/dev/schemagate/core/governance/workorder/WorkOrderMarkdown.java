package dev.schemagate.core.governance.workorder;

import dev.schemagate.core.governance.workorder.WorkOrder.DeclaredRevision;
import dev.schemagate.core.governance.workorder.WorkOrder.HealthCheck;
import java.util.List;
import java.util.Map;

/** The readable body of a work order, mirroring the team's template. */
public final class WorkOrderMarkdown {
  private WorkOrderMarkdown() {}

  /** The Markdown body for a work order (everything after the front matter). */
  public static String body(WorkOrder wo) {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(wo.id()).append(": ").append(line(wo.intent().what())).append("\n\n");
    b.append("- Environment: **").append(wo.environment()).append("**\n");
    b.append("- Author: ").append(wo.author()).append('\n');
    b.append("- Created: ").append(wo.created()).append("\n\n");
    b.append("## Intent\n\n");
    b.append("- What changes: ").append(text(wo.intent().what())).append('\n');
    b.append("- Why: ").append(text(wo.intent().why())).append('\n');
    b.append("- Impact if not done: ").append(text(wo.intent().impactIfNotDone())).append('\n');
    b.append("- Alternatives rejected: ")
        .append(text(wo.intent().alternativesRejected()))
        .append("\n\n");
    b.append("## Migration\n\n");
    b.append(wo.migration().direction())
        .append(" to `")
        .append(wo.migration().target())
        .append("`, from ")
        .append(list(wo.migration().from()))
        .append(" to ")
        .append(list(wo.migration().to()))
        .append(".\n\n| revision | file | checksum (SHA-256) | down revisions | reversible |\n")
        .append("|---|---|---|---|---|\n");
    for (DeclaredRevision r : wo.migration().revisions()) {
      b.append("| `")
          .append(r.id())
          .append("` | ")
          .append(r.file() == null ? "" : "`" + r.file() + "`")
          .append(" | `")
          .append(r.checksum())
          .append("` | ")
          .append(list(r.downRevisions()))
          .append(" | ")
          .append(r.irreversible() == null ? "yes" : "no: " + r.irreversible())
          .append(" |\n");
    }
    if (wo.irreversibleJustification() != null || wo.compensatingControls() != null) {
      b.append("\nIrreversible, justified: ")
          .append(text(wo.irreversibleJustification()))
          .append("  \nCompensating controls: ")
          .append(text(wo.compensatingControls()))
          .append('\n');
    }
    if (!"downgrade".equals(wo.migration().direction())) {
      b.append("\n## Verification after the change\n\n");
      checks(b, wo.verification());
    }
    b.append("\n## Rollback plan\n\nSteps:\n\n");
    numbered(b, wo.rollback().steps());
    b.append("\nTriggers (any one starts the rollback):\n\n");
    numbered(b, wo.rollback().triggers());
    b.append("\nPost-rollback verification:\n\n");
    checks(b, wo.rollback().verification());
    b.append("\n## Lint waivers\n\n");
    if (wo.lintWaivers().isEmpty()) {
      b.append("None.\n");
    }
    wo.lintWaivers()
        .forEach(
            w ->
                b.append("- `")
                    .append(w.rule())
                    .append("`")
                    .append(w.file() == null ? "" : " in `" + w.file() + "`")
                    .append(": ")
                    .append(w.reason())
                    .append('\n'));
    b.append("\n## Evidence\n\n");
    if (wo.evidence().isEmpty()) {
      b.append("None yet.\n");
    }
    new java.util.TreeMap<>(wo.evidence())
        .forEach(
            (k, v) ->
                b.append("- ")
                    .append(k)
                    .append(": `")
                    .append(v.file())
                    .append("` (SHA-256 `")
                    .append(v.sha256())
                    .append("`)\n"));
    b.append("\n## Approvals\n\n");
    if (wo.approvals().isEmpty()) {
      b.append("None yet.\n");
    }
    for (Map<String, String> a : wo.approvals()) {
      b.append("- ")
          .append(a.getOrDefault("decision", "?"))
          .append(" by ")
          .append(a.getOrDefault("approver", "?"))
          .append(" (")
          .append(a.getOrDefault("role", "?"))
          .append(") at ")
          .append(a.getOrDefault("time", "?"))
          .append(a.get("reason") == null ? "" : ": " + a.get("reason"))
          .append('\n');
    }
    return b.toString();
  }

  private static void numbered(StringBuilder b, List<String> items) {
    if (items.isEmpty()) {
      b.append("1. (none given)\n");
    }
    for (int i = 0; i < items.size(); i++) {
      b.append(i + 1).append(". ").append(text(items.get(i))).append('\n');
    }
  }

  private static String text(String s) {
    return s == null || s.isBlank() ? "(not given)" : s.strip();
  }

  private static String line(String s) {
    return text(s).replace('\n', ' ');
  }

  private static String list(List<String> ids) {
    return ids.isEmpty() ? "base" : String.join(", ", ids);
  }

  private static void checks(StringBuilder b, java.util.List<HealthCheck> checks) {
    if (checks.isEmpty()) {
      b.append("- (none given)\n");
    }
    for (HealthCheck h : checks) {
      b.append("- `")
          .append(line(h.sql()))
          .append("` must give ")
          .append(text(h.expect()))
          .append('\n');
    }
  }
}

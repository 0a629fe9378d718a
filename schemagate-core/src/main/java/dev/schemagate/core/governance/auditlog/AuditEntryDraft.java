package dev.schemagate.core.governance.auditlog;

import java.util.Map;
import java.util.Objects;

/**
 * What a caller asks {@link AuditLog#append} to record. The log assigns seq, recorded_at, prev_hash
 * and hash.
 *
 * <p>The contract on secrets: callers pass text that is already redacted (connection URLs through
 * {@code ConnectionSpec.redact}, never a password as a value). The log redacts every field once
 * more as a safety net, but that net only knows URL and {@code key=value} shapes plus JSON fields
 * named like a password or secret; a bare secret under an innocent name would be stored and, once
 * chained, can never be removed without breaking the chain.
 *
 * @param event what happened
 * @param actor who did it (a configured person's name or an agent id); required, not blank
 * @param host the machine it ran on; required, may be empty when unknown
 * @param workOrder the work order id, or null when the event has none
 * @param environment the target environment name, or null
 * @param detail a JSON object as text; null means {@code {}}
 */
public record AuditEntryDraft(
    AuditEvent event,
    String actor,
    String host,
    String workOrder,
    String environment,
    String detail) {

  public AuditEntryDraft {
    Objects.requireNonNull(event, "event");
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("an audit-log entry needs an actor");
    }
    Objects.requireNonNull(host, "host (pass \"\" when unknown)");
    detail = detail == null ? "{}" : detail;
  }

  /** A draft with no work order, environment or detail; add them with the {@code with} methods. */
  public static AuditEntryDraft of(AuditEvent event, String actor, String host) {
    return new AuditEntryDraft(event, actor, host, null, null, null);
  }

  public AuditEntryDraft withWorkOrder(String workOrder, String environment) {
    return new AuditEntryDraft(event, actor, host, workOrder, environment, detail);
  }

  /** Replaces the detail with a JSON object given as text; it must parse as an object. */
  public AuditEntryDraft withDetail(String json) {
    return new AuditEntryDraft(event, actor, host, workOrder, environment, json);
  }

  /**
   * Replaces the detail with a JSON object built from a map (values: strings, numbers, booleans,
   * lists and maps of them, or null). Insertion order is kept in the stored text.
   */
  public AuditEntryDraft withDetail(Map<String, ?> fields) {
    return withDetail(Detail.toJson(fields));
  }
}

package dev.schemagate.core.schema.introspect;

import dev.schemagate.core.history.VersionTable;
import java.util.List;
import java.util.Set;

/**
 * What introspection reads.
 *
 * @param schemas the PostgreSQL schemas to read; empty means every schema that is not the system's
 *     ({@code pg_catalog}, {@code information_schema}, {@code pg_toast*}, {@code pg_temp*}) or an
 *     extension's. Ignored on SQLite, which has only {@code main}.
 * @param excludedTables table (and view, sequence) names left out in every schema, with everything
 *     that hangs off them: columns, constraints, indexes, triggers, comments, owned sequences. By
 *     default schemagate's own tables (the version tables and the audit log), which differ between
 *     any two databases by design.
 */
public record IntrospectOptions(List<String> schemas, Set<String> excludedTables) {

  public IntrospectOptions {
    schemas = List.copyOf(schemas);
    excludedTables = Set.copyOf(excludedTables);
  }

  /**
   * The governance audit log's table ({@code governance.auditlog.AuditLog.TABLE}), named here so
   * that the schema model does not depend on governance.
   */
  public static final String AUDIT_LOG_TABLE = "schemagate_audit_log";

  /** Every non-system schema, without schemagate's own tables. */
  public static IntrospectOptions defaults() {
    return new IntrospectOptions(
        List.of(), Set.of(VersionTable.HEADS, VersionTable.HISTORY, AUDIT_LOG_TABLE));
  }

  /** The same options restricted to these schemas. */
  public IntrospectOptions withSchemas(List<String> only) {
    return new IntrospectOptions(only, excludedTables);
  }

  /** The same options excluding these table names instead. */
  public IntrospectOptions withExcludedTables(Set<String> names) {
    return new IntrospectOptions(schemas, names);
  }
}

package dev.schemagate.core.audit;

/**
 * A warning raised for one migration, with why.
 *
 * @param migration the migration's report stem (or, for a file the engine could not read, its path
 *     relative to the migrations folder)
 * @param warning the warning
 * @param detail what was seen and where ({@code path:line}), one line
 */
public record WarningFinding(String migration, AuditWarning warning, String detail) {}

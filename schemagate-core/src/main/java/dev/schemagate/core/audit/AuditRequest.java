package dev.schemagate.core.audit;

import dev.schemagate.core.source.Layout;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to audit and where to write the reports.
 *
 * @param migrationsDir the migrations folder
 * @param layoutOrNull the layout, or null to detect it as every command does
 * @param outDir the folder the reports go to; created when missing. Report files already there are
 *     overwritten; other files are left alone
 */
public record AuditRequest(Path migrationsDir, Layout layoutOrNull, Path outDir) {
  public AuditRequest {
    Objects.requireNonNull(migrationsDir, "migrationsDir");
    Objects.requireNonNull(outDir, "outDir");
  }
}

package dev.schemagate.core.audit;

import dev.schemagate.core.source.Layout;
import java.nio.file.Path;
import java.util.List;

/**
 * What an audit found and wrote.
 *
 * @param outDir where the reports were written
 * @param layout the layout the folder was read as
 * @param migrations one entry per migration, in the engine's order (versioned, then repeatable)
 * @param branchPoints revisions with several children, sorted
 * @param merges revisions with several parents, sorted
 * @param heads revisions without children, sorted
 * @param bases revisions without parents, sorted
 * @param knownIssues every warning raised, by migration then warning; files the engine refused come
 *     first, under {@link AuditWarning#UNREADABLE_CONTENT}
 * @param strays files in the folder that are not migrations, with why, as {@code path: reason}
 * @param filesWritten the names of the files written into {@code outDir}, sorted
 */
public record AuditReport(
    Path outDir,
    Layout layout,
    List<MigrationAudit> migrations,
    List<String> branchPoints,
    List<String> merges,
    List<String> heads,
    List<String> bases,
    List<WarningFinding> knownIssues,
    List<String> strays,
    List<String> filesWritten) {

  public AuditReport {
    migrations = List.copyOf(migrations);
    branchPoints = List.copyOf(branchPoints);
    merges = List.copyOf(merges);
    heads = List.copyOf(heads);
    bases = List.copyOf(bases);
    knownIssues = List.copyOf(knownIssues);
    strays = List.copyOf(strays);
    filesWritten = List.copyOf(filesWritten);
  }

  /** The migrations flagged with {@code w}, by stem, in report order. */
  public List<String> flagged(AuditWarning w) {
    return migrations.stream().filter(m -> m.has(w)).map(MigrationAudit::stem).toList();
  }
}

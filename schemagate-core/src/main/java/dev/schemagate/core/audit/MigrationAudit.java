package dev.schemagate.core.audit;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The audit of one migration.
 *
 * @param stem the report files' name: {@code <stem>.csv} and {@code <stem>.summary.md}
 * @param file the file (diesel: the folder) that declares the migration, its name only
 * @param path that file relative to the migrations folder, with {@code /}
 * @param revision its revision id
 * @param message its one-line description
 * @param branchLabels declared branch labels, sorted
 * @param place its place in the graph
 * @param transactional whether it runs in a transaction
 * @param hasUpgrade an upgrade is present (SQL: always; Alembic: {@code def upgrade})
 * @param hasDowngrade a downgrade is present (a down file or section; Alembic: {@code def
 *     downgrade}), whether or not it does anything
 * @param opCalls operation counts (Alembic: {@code op.*} calls by name; SQL: see {@code SqlFacts})
 * @param sqlKeywords SQL keyword counts
 * @param warnings the warnings raised, in {@link AuditWarning} order
 */
public record MigrationAudit(
    String stem,
    String file,
    String path,
    String revision,
    String message,
    List<String> branchLabels,
    GraphPlace place,
    boolean transactional,
    boolean hasUpgrade,
    boolean hasDowngrade,
    Tally opCalls,
    Tally sqlKeywords,
    List<WarningFinding> warnings) {

  public MigrationAudit {
    branchLabels = List.copyOf(branchLabels);
    warnings = List.copyOf(warnings);
  }

  public boolean has(AuditWarning w) {
    return warnings.stream().anyMatch(f -> f.warning() == w);
  }

  /** Warning to detail, for the flagged ones. */
  public SortedMap<String, String> warningDetails() {
    SortedMap<String, String> out = new TreeMap<>();
    for (WarningFinding f : warnings) {
      out.put(f.warning().key(), f.detail());
    }
    return out;
  }
}

package dev.schemagate.core.schema.drill;

import dev.schemagate.core.schema.diff.DiffResult;

/**
 * The drill of one migration: S0 before the upgrade, S1 after it, S2 after the downgrade (must
 * equal S0), S3 after the upgrade again (must equal S1).
 *
 * @param revision the revision id
 * @param file the migration file, relative to the migrations folder
 * @param verdict what was found
 * @param detail one readable line: the error with its file and line, the declared reason, or a
 *     summary of the differences; null for a clean result
 * @param downDiff S0 against S2, when the downgrade ran; else null
 * @param reupDiff S1 against S3, when the re-upgrade ran; else null
 * @param millis time for this migration, snapshots included
 */
public record DrillStep(
    String revision,
    String file,
    DrillVerdict verdict,
    String detail,
    DiffResult downDiff,
    DiffResult reupDiff,
    long millis) {}

package dev.schemagate.core.governance.evidence;

import java.nio.file.Path;

/**
 * What {@link EvidencePack#write} produced.
 *
 * <p>Record {@link #manifestSha256()} somewhere the pack's writer cannot rewrite later (the audit
 * log): it is the anchor that makes the pack tamper-evident. Without it, someone who edits a file
 * can edit the manifest to match, and the pack still verifies.
 *
 * @param dir the pack's directory, {@code evidence/<WO>/<timestamp>}
 * @param zip the same pack as one file, next to the directory: {@code dir} plus {@code .zip}
 * @param manifestSha256 lower-case hex SHA-256 of the {@code manifest.json} bytes
 * @param fileCount the files listed in the manifest (the manifest itself not counted)
 */
public record WrittenPack(Path dir, Path zip, String manifestSha256, int fileCount) {}

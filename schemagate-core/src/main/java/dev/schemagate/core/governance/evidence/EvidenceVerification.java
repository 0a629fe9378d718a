package dev.schemagate.core.governance.evidence;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link EvidenceVerifier#verify} found in one pack.
 *
 * <p>{@link #intact()} is true exactly when {@link #problems()} is empty. Notes are facts worth
 * knowing that do not make the pack fail (where the trusted keys came from, a work order without
 * approvals).
 *
 * <p>The trap: "intact" means the files agree with the manifest and the approvals verify against
 * the keys used. It does not say the manifest is the one originally written: compare {@link
 * #manifestSha256()} with the value recorded elsewhere (the audit log) for that.
 *
 * @param path the directory or zip that was checked
 * @param intact no problems
 * @param manifestSha256 lower-case hex SHA-256 of the manifest's bytes, empty when there was none
 * @param filesChecked files whose size and SHA-256 were compared with the manifest
 * @param signaturesValid approvals in the work order that verified
 * @param problems one line per defect, each naming the file and what is wrong
 * @param notes one line per remark that is not a defect
 */
public record EvidenceVerification(
    Path path,
    boolean intact,
    String manifestSha256,
    int filesChecked,
    int signaturesValid,
    List<String> problems,
    List<String> notes) {

  public EvidenceVerification {
    Objects.requireNonNull(path, "path");
    manifestSha256 = manifestSha256 == null ? "" : manifestSha256;
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
    if (intact != problems.isEmpty()) {
      throw new IllegalArgumentException("intact must be true exactly when there are no problems");
    }
  }

  /**
   * A report for a person, one fact per line, ending with {@code evidence pack intact} or {@code
   * evidence pack NOT intact: N problem(s)}.
   */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append("evidence pack ").append(path).append('\n');
    out.append("  manifest sha256: ")
        .append(manifestSha256.isEmpty() ? "(none)" : manifestSha256)
        .append('\n');
    out.append("  files checked: ").append(filesChecked).append('\n');
    out.append("  valid signatures: ").append(signaturesValid).append('\n');
    for (String note : notes) {
      out.append("  note: ").append(note).append('\n');
    }
    for (String problem : problems) {
      out.append("  PROBLEM: ").append(problem).append('\n');
    }
    if (intact) {
      out.append("evidence pack intact");
    } else {
      out.append("evidence pack NOT intact: ").append(problems.size()).append(" problem(s)");
    }
    return out.toString();
  }
}

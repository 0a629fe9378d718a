package dev.schemagate.core.governance.guard;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link StartupGuard#scan(Path)}.
 *
 * @param root the directory (or file) scanned, as given
 * @param findings every trigger found, sorted by file, then line, then trigger id
 * @param filesScanned how many files were read and checked (files whose names can hold no trigger
 *     are not counted: the guard never opens them)
 * @param skipped the candidate files that could not be checked, sorted by file
 */
public record GuardScan(
    Path root, List<GuardFinding> findings, int filesScanned, List<SkippedFile> skipped) {
  public GuardScan {
    Objects.requireNonNull(root, "root");
    findings = List.copyOf(findings);
    skipped = List.copyOf(skipped);
  }

  /**
   * The findings that run when the application starts: all of them except those in test code. This
   * is what a stop condition should fail on.
   */
  public List<GuardFinding> blocking() {
    return findings.stream().filter(f -> !f.inTestCode()).toList();
  }

  /** True when nothing would run a migration implicitly at start-up. */
  public boolean clean() {
    return blocking().isEmpty();
  }
}

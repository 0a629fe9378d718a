package dev.schemagate.core.api;

import java.util.List;

/**
 * Checksums of applied migrations compared with their files.
 *
 * @param database the database, redacted
 * @param checked how many applied migrations were compared
 * @param problems what did not match; empty when valid
 */
public record ValidateResult(String database, int checked, List<Problem> problems) {

  /**
   * @param revision the revision
   * @param file its file, or null when missing
   * @param problem what is wrong and what to do
   */
  public record Problem(String revision, String file, String problem) {}

  public boolean valid() {
    return problems.isEmpty();
  }
}

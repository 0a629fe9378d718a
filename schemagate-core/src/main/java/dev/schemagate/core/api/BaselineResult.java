package dev.schemagate.core.api;

import java.util.List;

/**
 * The result of {@code schemagate baseline}.
 *
 * @param revision the new revision's id
 * @param file the revision file written
 * @param statements how many statements its upgrade has
 * @param verification the live schema against the baseline applied to a scratch database
 * @param notReproduced what the generated DDL cannot carry, one line each (empty when everything
 *     could be reproduced)
 * @param lint the lint of the generated file, both directions
 */
public record BaselineResult(
    String revision,
    String file,
    int statements,
    DiffReport verification,
    List<String> notReproduced,
    LintResult lint) {

  public BaselineResult {
    notReproduced = List.copyOf(notReproduced);
  }

  /** True when applying the baseline reproduces the live schema exactly. */
  public boolean reproduces() {
    return verification.diff().equal() && notReproduced.isEmpty();
  }
}

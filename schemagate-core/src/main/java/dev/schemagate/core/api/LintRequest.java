package dev.schemagate.core.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What to lint.
 *
 * @param files SQL files to lint one by one, as squawk does; empty to lint the migrations folder
 *     (every migration, both directions, each with its own transaction mode)
 * @param pgVersion the PostgreSQL major version the rules assume, or null for the configuration's
 *     ({@code lint.pg_version}, else 16)
 * @param assumeInTransaction for {@code files} only: lint them as if run in a transaction
 */
public record LintRequest(List<Path> files, Integer pgVersion, boolean assumeInTransaction) {
  public LintRequest {
    files = files == null ? List.of() : List.copyOf(files);
  }

  /** The whole migrations folder with the configured settings. */
  public static LintRequest project() {
    return new LintRequest(List.of(), null, false);
  }
}

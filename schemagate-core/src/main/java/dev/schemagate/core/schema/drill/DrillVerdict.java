package dev.schemagate.core.schema.drill;

import java.util.Locale;

/** What the up, down, up drill found for one migration. */
public enum DrillVerdict {
  /** Downgrade gave back the schema before the upgrade, and the re-upgrade the one after it. */
  REVERSIBLE,
  /**
   * As {@link #REVERSIBLE}, except that some columns came back in another position (a downgrade
   * re-adding a dropped column appends it). Harmless for most code; listed apart on purpose.
   */
  ONLY_COLUMN_ORDER,
  /**
   * As {@link #ONLY_COLUMN_ORDER}, except that some definitions (a function body, a view) also came
   * back with other whitespace only: the same tokens, laid out differently.
   */
  ONLY_LAYOUT,
  /** Both directions ran, but the schema after the downgrade (or re-upgrade) differs. */
  NOT_REVERSIBLE,
  /** The downgrade raised an error. */
  DOWNGRADE_FAILS,
  /** The downgrade ran, then applying the upgrade again raised an error. */
  REUPGRADE_FAILS,
  /** The migration has no downgrade and says why ({@code -- irreversible: <reason>}). */
  IRREVERSIBLE_AS_DECLARED,
  /** The migration has no downgrade and gives no reason. */
  NO_DOWNGRADE,
  /** A snapshot skipped objects it could not model, so equality could not be shown. */
  NOT_COMPARABLE,
  /** The first upgrade failed; the drill stops here, since later migrations build on it. */
  UPGRADE_FAILS;

  /** The label used in text, JSON and Markdown: {@code downgrade fails}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** True for verdicts that show a defect in the migration (not a declared choice). */
  public boolean defect() {
    return switch (this) {
      case NOT_REVERSIBLE, DOWNGRADE_FAILS, REUPGRADE_FAILS, UPGRADE_FAILS, NO_DOWNGRADE -> true;
      default -> false;
    };
  }
}

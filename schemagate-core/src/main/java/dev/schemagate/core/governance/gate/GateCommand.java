package dev.schemagate.core.governance.gate;

import java.util.Locale;

/** What the stop conditions are evaluated for. */
public enum GateCommand {
  /** {@code schemagate wo check}: report only, nothing executes and no one acts. */
  CHECK,
  /** Apply the work order's revisions. */
  UPGRADE,
  /** Undo revisions; needs the rollback trigger that fired. */
  DOWNGRADE,
  /** Record revisions as applied without running them. */
  STAMP;

  /** True for the commands that change a database. */
  public boolean executes() {
    return this != CHECK;
  }

  /** The command-line word: {@code upgrade}, {@code wo check}... */
  public String commandName() {
    return this == CHECK ? "wo check" : name().toLowerCase(Locale.ROOT);
  }
}

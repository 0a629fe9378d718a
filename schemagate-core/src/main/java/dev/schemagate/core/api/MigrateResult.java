package dev.schemagate.core.api;

import dev.schemagate.core.run.StepResult;
import java.util.List;

/**
 * What an upgrade, downgrade or stamp planned and did.
 *
 * @param command {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param target the target as given
 * @param mode live, dry run or SQL
 * @param environment the environment of schemagate.yaml used, or null
 * @param governed whether that environment is governed
 * @param database the database, redacted; null offline
 * @param headsBefore current heads before
 * @param headsAfter current heads after (planned, for a dry run)
 * @param plan the steps planned
 * @param steps the steps run (empty for a dry run or SQL)
 * @param sql the script, for a dry run or SQL; else null
 * @param warnings things reported once and ignored (stray files)
 * @param millis wall time of the whole command
 * @param governance for a run through the governance gate: the work order, backup, evidence pack
 *     and verification; else null
 */
public record MigrateResult(
    String command,
    String target,
    RunMode mode,
    String environment,
    boolean governed,
    String database,
    List<String> headsBefore,
    List<String> headsAfter,
    List<PlannedStep> plan,
    List<StepResult> steps,
    String sql,
    List<String> warnings,
    long millis,
    GovernedRun governance) {

  /** A result of a run outside the governance gate. */
  public MigrateResult(
      String command,
      String target,
      RunMode mode,
      String environment,
      boolean governed,
      String database,
      List<String> headsBefore,
      List<String> headsAfter,
      List<PlannedStep> plan,
      List<StepResult> steps,
      String sql,
      List<String> warnings,
      long millis) {
    this(
        command,
        target,
        mode,
        environment,
        governed,
        database,
        headsBefore,
        headsAfter,
        plan,
        steps,
        sql,
        warnings,
        millis,
        null);
  }

  /** The same result with the governance record of the run. */
  public MigrateResult withGovernance(GovernedRun run, long totalMillis) {
    return new MigrateResult(
        command,
        target,
        mode,
        environment,
        governed,
        database,
        headsBefore,
        headsAfter,
        plan,
        steps,
        sql,
        warnings,
        totalMillis,
        run);
  }
}

package dev.schemagate.core.plan;

import java.util.List;
import java.util.Set;

/**
 * What an upgrade or downgrade will do, computed without touching a database.
 *
 * @param direction up or down
 * @param headsBefore current heads the plan starts from
 * @param steps steps in execution order
 * @param headsAfter current heads once every step ran
 */
public record MigrationPlan(
    Direction direction, Set<String> headsBefore, List<PlanStep> steps, Set<String> headsAfter) {

  public MigrationPlan {
    headsBefore = Set.copyOf(headsBefore);
    steps = List.copyOf(steps);
    headsAfter = Set.copyOf(headsAfter);
  }

  public boolean isEmpty() {
    return steps.isEmpty();
  }
}

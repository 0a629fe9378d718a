package dev.schemagate.core.plan;

import dev.schemagate.core.revision.Revision;
import java.util.List;

/**
 * One migration to run, and the change it makes to the current-heads table.
 *
 * @param revision the revision moved
 * @param direction up or down
 * @param deleteHeads heads removed from the current-heads table by this step
 * @param insertHeads heads added to it
 */
public record PlanStep(
    Revision revision, Direction direction, List<String> deleteHeads, List<String> insertHeads) {

  public PlanStep {
    deleteHeads = List.copyOf(deleteHeads);
    insertHeads = List.copyOf(insertHeads);
  }
}

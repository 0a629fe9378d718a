package dev.schemagate.core.run;

import dev.schemagate.core.history.Outcome;
import dev.schemagate.core.plan.Direction;

/**
 * What happened to one step.
 *
 * @param revision the revision id
 * @param direction up or down
 * @param message the revision's message
 * @param outcome success, stamped, failed or partial
 * @param statements statements completed
 * @param millis wall time
 * @param transactional whether it ran in a transaction
 */
public record StepResult(
    String revision,
    Direction direction,
    String message,
    Outcome outcome,
    int statements,
    long millis,
    boolean transactional) {}

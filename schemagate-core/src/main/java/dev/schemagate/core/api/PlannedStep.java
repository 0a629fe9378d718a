package dev.schemagate.core.api;

/**
 * One line of a plan as shown to the user before it runs.
 *
 * @param index 1-based position
 * @param revision the revision id
 * @param direction {@code up}, {@code down} or {@code stamp}
 * @param message the revision's message
 * @param transactional whether it runs in one transaction
 * @param statements how many statements it will run
 * @param file the migration file, relative to the migrations folder
 */
public record PlannedStep(
    int index,
    String revision,
    String direction,
    String message,
    boolean transactional,
    int statements,
    String file) {}

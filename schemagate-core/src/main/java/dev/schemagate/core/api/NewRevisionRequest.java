package dev.schemagate.core.api;

import java.util.List;

/**
 * A new native revision file.
 *
 * @param message the message (also the file's slug)
 * @param heads parents: empty for the current single head; {@code base} for a new root
 * @param branchLabel a label for a new branch, or null
 * @param dependsOn dependencies
 * @param transactional false to write {@code transaction: none}
 */
public record NewRevisionRequest(
    String message,
    List<String> heads,
    String branchLabel,
    List<String> dependsOn,
    boolean transactional) {}

package dev.schemagate.core.api;

import java.util.List;

/**
 * A revision as files declare it, for listing commands.
 *
 * @param id the revision id
 * @param downRevisions parents
 * @param branchLabels labels, declared and inherited
 * @param dependsOn dependencies
 * @param message the message
 * @param file the file, relative to the migrations folder
 * @param head whether no revision descends from it
 * @param merge whether it has several parents
 * @param branchPoint whether several revisions descend from it directly
 * @param transactional whether it runs in a transaction
 * @param irreversible why it has no downgrade, or null
 * @param checksum SHA-256 of its upgrade SQL
 */
public record RevisionInfo(
    String id,
    List<String> downRevisions,
    List<String> branchLabels,
    List<String> dependsOn,
    String message,
    String file,
    boolean head,
    boolean merge,
    boolean branchPoint,
    boolean transactional,
    String irreversible,
    String checksum) {}

package dev.schemagate.core.api;

import java.util.List;

/**
 * Files written by {@code init}, {@code revision} or {@code merge}.
 *
 * @param revision the new revision id, or null for init
 * @param created the files written, absolute
 */
public record FilesResult(String revision, List<String> created) {}

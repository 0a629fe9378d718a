package dev.schemagate.core.api;

import java.util.List;

/** One revision in full: its metadata, children and SQL. */
public record ShowResult(
    RevisionInfo revision, List<String> children, String upgradeSql, String downgradeSql) {}

package dev.schemagate.core.api;

import java.util.List;

/** A list of revisions: heads, branches, or the current heads of a database. */
public record RevisionsResult(
    String database, List<RevisionInfo> revisions, List<String> warnings) {}

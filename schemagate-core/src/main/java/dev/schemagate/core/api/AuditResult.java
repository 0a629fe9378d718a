package dev.schemagate.core.api;

import java.util.List;

/**
 * What {@code audit} wrote and found; the reports themselves are in {@code outDir}.
 *
 * @param outDir where the reports were written
 * @param layout the layout the folder was read as
 * @param migrations how many migrations were audited
 * @param filesWritten how many files were written (CSV and summaries per migration, plus index)
 * @param branchPoints revisions with several children
 * @param merges revisions with several parents
 * @param heads revisions without children
 * @param knownIssues one line per warning: {@code migration: warning (detail)}
 */
public record AuditResult(
    String outDir,
    String layout,
    int migrations,
    int filesWritten,
    List<String> branchPoints,
    List<String> merges,
    List<String> heads,
    List<String> knownIssues) {}

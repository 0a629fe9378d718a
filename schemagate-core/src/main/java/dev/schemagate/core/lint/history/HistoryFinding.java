package dev.schemagate.core.lint.history;

import java.nio.file.Path;

/**
 * One problem found in the migration history as a whole, before its severity is known; {@link
 * HistoryChecker} turns it into a lint {@link dev.schemagate.core.lint.Finding}.
 *
 * @param rule the rule id, one of {@link HistoryRule#id()}
 * @param file the migration file the finding points at (for graph problems, the file whose header
 *     must change); may be a pseudo path when the source came from memory
 * @param line the 1-based line in {@code file}: the offending statement, or the header line that
 *     declares the bad reference; 1 when no better line is known
 * @param message what is wrong, naming the objects and revisions involved
 * @param reason why it matters and what to do next
 */
record HistoryFinding(String rule, Path file, int line, String message, String reason) {}

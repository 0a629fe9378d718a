/**
 * Per-migration audit reports: {@link dev.schemagate.core.audit.Auditor} reads a migrations folder
 * through the engine's sources (every layout, and Alembic modules statically), and writes one CSV
 * and one Markdown summary per migration plus an index, byte-identical on rerun.
 *
 * <p>What is counted and how SQL maps to operation names: {@code SqlFacts}. What each warning
 * means: {@link AuditWarning}. File formats: {@code ReportWriter}. How Alembic modules are read:
 * {@code AlembicScan}.
 */
package dev.schemagate.core.audit;

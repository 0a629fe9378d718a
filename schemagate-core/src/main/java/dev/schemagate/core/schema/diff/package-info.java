/**
 * Structured differences between two {@link dev.schemagate.core.schema.SchemaSnapshot}s: {@link
 * dev.schemagate.core.schema.diff.SchemaDiff#compare} gives a {@link
 * dev.schemagate.core.schema.diff.DiffResult} (changes, columns in another order, what could not be
 * compared) and {@link dev.schemagate.core.schema.diff.DiffRenderer} writes it as text, JSON or
 * Markdown. Pure: no database here.
 *
 * <p>How objects are matched and what the options hide: {@link
 * dev.schemagate.core.schema.diff.SchemaDiff} and {@link
 * dev.schemagate.core.schema.diff.DiffOptions}. What each verdict means: {@link
 * dev.schemagate.core.schema.diff.DiffStatus}.
 */
package dev.schemagate.core.schema.diff;

/**
 * Backup, verification and restore. {@link dev.schemagate.core.schema.backup.Backups} writes a
 * backup (pg_dump custom format, or SQLite's online backup) and its {@link
 * dev.schemagate.core.schema.backup.BackupRecord} ({@code <file>.backup.json}: size, SHA-256,
 * method, redacted source, time, verification), verifies it by restoring into a scratch database
 * and running each {@link dev.schemagate.core.schema.backup.RestoredCheck}, and restores it only
 * when the file still matches its record. {@link dev.schemagate.core.schema.backup.PgTools} finds a
 * pg_dump and pg_restore able to handle the server.
 */
package dev.schemagate.core.schema.backup;

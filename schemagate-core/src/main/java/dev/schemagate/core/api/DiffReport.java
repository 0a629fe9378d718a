package dev.schemagate.core.api;

import dev.schemagate.core.schema.diff.DiffResult;

/**
 * The result of {@code schemagate diff}, {@code drift} and the parity check of {@code stamp}.
 *
 * @param from what the left side is ({@code history up to 3f2a9c1b7d10 on embedded PostgreSQL
 *     16.4}, or a redacted URL)
 * @param to what the right side is
 * @param diff the differences from {@code from} to {@code to}
 */
public record DiffReport(String from, String to, DiffResult diff) {}

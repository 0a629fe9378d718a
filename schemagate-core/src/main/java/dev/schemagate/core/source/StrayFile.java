package dev.schemagate.core.source;

import java.nio.file.Path;

/** A file in the migrations folder that is not a migration; reported once and ignored. */
public record StrayFile(Path file, String reason) {}

package dev.schemagate.core.governance.guard;

import java.util.Objects;

/**
 * A file the guard would have read but could not, and why. A skipped file is a gap in the scan:
 * callers that must prove "no trigger" should show these.
 *
 * @param file the path relative to the scanned root, {@code /}-separated
 * @param reason why it was skipped
 * @param detail a human-readable detail (the size, the I/O error, the link target)
 */
public record SkippedFile(String file, Reason reason, String detail) {
  public SkippedFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  /** Why a file was not read. */
  public enum Reason {
    /** Larger than {@link StartupGuard#MAX_FILE_BYTES}. */
    TOO_LARGE,
    /** Holds a NUL byte: not text. */
    BINARY,
    /** An I/O error while reading (permissions, a vanished file). */
    UNREADABLE,
    /** A symbolic link that leads outside the scanned root (or nowhere). */
    LINK_OUTSIDE_ROOT
  }

  @Override
  public String toString() {
    return file + ": skipped (" + reason.name().toLowerCase(java.util.Locale.ROOT) + "): " + detail;
  }
}

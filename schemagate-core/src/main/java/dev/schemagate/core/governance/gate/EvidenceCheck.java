package dev.schemagate.core.governance.gate;

import java.util.Objects;

/**
 * What the caller found when it looked for one piece of evidence the work order declares.
 *
 * @param status whether the file is there with the declared SHA-256
 * @param detail for people: the file, and for a mismatch both hashes; never null
 */
public record EvidenceCheck(Status status, String detail) {
  /** The outcome of looking for one evidence file. */
  public enum Status {
    /** The file exists and its SHA-256 is the one the work order declares. */
    MATCHES,
    /** The file is not there (or cannot be read). */
    MISSING,
    /** The file is there but its content is not what was approved. */
    HASH_DIFFERS
  }

  public EvidenceCheck {
    Objects.requireNonNull(status, "status");
    detail = detail == null ? "" : detail;
  }

  /** The file is present and matches. */
  public static EvidenceCheck matches(String file) {
    return new EvidenceCheck(Status.MATCHES, file);
  }

  /** The file is absent or unreadable; {@code why} says which. */
  public static EvidenceCheck missing(String file, String why) {
    return new EvidenceCheck(Status.MISSING, file + ": " + why);
  }

  /** The file's SHA-256 is {@code actual}, not the declared {@code expected}. */
  public static EvidenceCheck hashDiffers(String file, String expected, String actual) {
    return new EvidenceCheck(
        Status.HASH_DIFFERS,
        file + ": sha256 is " + actual + ", the work order declares " + expected);
  }

  /** Whether this evidence is complete. */
  public boolean ok() {
    return status == Status.MATCHES;
  }
}

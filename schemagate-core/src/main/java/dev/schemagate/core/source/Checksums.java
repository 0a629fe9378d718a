package dev.schemagate.core.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checksums of migration text.
 *
 * <p>Trap: the same migration checked out on Windows (CRLF) and on Linux (LF) must have the same
 * checksum, or {@code validate} would call an untouched file edited. So CRLF is turned into LF
 * before hashing; nothing else is normalised (trailing spaces and blank lines count).
 */
public final class Checksums {

  private Checksums() {}

  /** Lower-case hex SHA-256 of {@code text} encoded as UTF-8, after turning CRLF into LF. */
  public static String sha256(String text) {
    String normalised = text.replace("\r\n", "\n");
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (java.security.MessageDigest contract).
      throw new IllegalStateException("SHA-256 not available", e);
    }
  }
}

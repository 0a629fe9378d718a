package dev.schemagate.core.governance.auditlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical encoding of an entry and its SHA-256.
 *
 * <p>Encoding, version 1: the ASCII domain tag {@code schemagate-audit-log/1} and then nine fields
 * in this order: seq (decimal, no sign or leading zeros), recorded_at, actor, host, event (the enum
 * name), work_order, environment, detail, prev_hash (lower-case hex). Each field is written as a
 * 4-byte big-endian length followed by its UTF-8 bytes; a null field is the length {@code
 * 0xFFFFFFFF} and no bytes. The length prefix is what makes the encoding unambiguous: no choice of
 * field contents can shift a boundary, and null differs from the empty string.
 *
 * <p>Changing any of this changes every hash ever stored; add a new version tag instead.
 */
final class ChainHash {
  static final String DOMAIN = "schemagate-audit-log/1";

  private ChainHash() {}

  static String of(
      long seq,
      String recordedAt,
      String actor,
      String host,
      String event,
      String workOrder,
      String environment,
      String detail,
      String prevHash) {
    MessageDigest sha = sha256();
    sha.update(DOMAIN.getBytes(StandardCharsets.US_ASCII));
    for (String field :
        new String[] {
          Long.toString(seq),
          recordedAt,
          actor,
          host,
          event,
          workOrder,
          environment,
          detail,
          prevHash
        }) {
      if (field == null) {
        sha.update(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
      } else {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        sha.update(bytes);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}

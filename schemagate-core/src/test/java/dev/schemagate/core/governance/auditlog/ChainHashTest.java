package dev.schemagate.core.governance.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChainHashTest {
  static final String T = "2026-11-22T01:30:00.000000Z";
  static final String G = AuditAnchor.GENESIS_HASH;

  @Test
  void hashFollowsTheDocumentedLengthPrefixedEncoding() throws Exception {
    // Rebuilt by hand from the Javadoc, so a change to the encoding cannot pass unnoticed.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("schemagate-audit-log/1".getBytes(StandardCharsets.US_ASCII));
    String[] fields = {"7", T, "alice", "h", "APPROVED", "WO-1", null, "{}", G};
    for (String f : fields) {
      if (f == null) {
        bytes.write(ByteBuffer.allocate(4).putInt(-1).array());
      } else {
        byte[] b = f.getBytes(StandardCharsets.UTF_8);
        bytes.write(ByteBuffer.allocate(4).putInt(b.length).array());
        bytes.write(b);
      }
    }
    String expected =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));

    assertThat(ChainHash.of(7, T, "alice", "h", "APPROVED", "WO-1", null, "{}", G))
        .isEqualTo(expected);
  }

  @Test
  void nullAndEmptyFieldsHashDifferently() {
    assertThat(ChainHash.of(1, T, "a", "h", "APPROVED", null, "", "{}", G))
        .isNotEqualTo(ChainHash.of(1, T, "a", "h", "APPROVED", "", null, "{}", G));
  }

  @Test
  void movingTextAcrossAFieldBoundaryChangesTheHash() {
    assertThat(ChainHash.of(1, T, "ab", "c", "APPROVED", null, null, "{}", G))
        .isNotEqualTo(ChainHash.of(1, T, "a", "bc", "APPROVED", null, null, "{}", G));
  }

  @Test
  void seqIsPartOfTheHash() {
    assertThat(ChainHash.of(1, T, "a", "h", "APPROVED", null, null, "{}", G))
        .isNotEqualTo(ChainHash.of(2, T, "a", "h", "APPROVED", null, null, "{}", G));
  }
}

package dev.schemagate.core.governance.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuditAnchorTest {
  @Test
  void roundTripsThroughItsCitedForm() {
    AuditAnchor a = new AuditAnchor(42, "AB".repeat(32));
    assertThat(a.hash()).isEqualTo("ab".repeat(32));
    assertThat(AuditAnchor.parse(a.toString())).isEqualTo(a);
  }

  @Test
  void refusesMalformedAnchorsWithTheExpectedForm() {
    assertThatThrownBy(() -> AuditAnchor.parse("12"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("<seq>:<sha256 hex>");
    assertThatThrownBy(() -> AuditAnchor.parse("x:" + "0".repeat(64)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditAnchor.parse("3:abc"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AuditAnchor(-1, AuditAnchor.GENESIS_HASH))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

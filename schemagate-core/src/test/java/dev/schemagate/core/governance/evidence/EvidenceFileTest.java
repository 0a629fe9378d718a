package dev.schemagate.core.governance.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvidenceFileTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/etc/passwd",
        "..",
        "../outside.txt",
        "logs/../../outside.txt",
        "./lint.txt",
        "logs\\lint.txt",
        "logs//lint.txt",
        "logs/",
        "C:/lint.txt",
        "lint\n.txt",
        "manifest.json"
      })
  void refusesNamesThatCouldLeaveThePackOrHideTheManifest(String name) {
    assertThatThrownBy(() -> new EvidenceFile(name, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"lint.txt", "statements/0001.sql", "a/b/c..d.txt", "logs/manifest.json"})
  void acceptsRelativeNames(String name) {
    assertThat(new EvidenceFile(name, new byte[] {1}).name()).isEqualTo(name);
  }

  @Test
  void copiesTheBytesInAndOut() {
    byte[] buffer = {1, 2, 3};
    EvidenceFile f = new EvidenceFile("a.bin", buffer);
    buffer[0] = 9;
    f.content()[1] = 9;

    assertThat(f.content()).containsExactly(1, 2, 3);
    assertThat(f).isEqualTo(new EvidenceFile("a.bin", new byte[] {1, 2, 3}));
  }
}

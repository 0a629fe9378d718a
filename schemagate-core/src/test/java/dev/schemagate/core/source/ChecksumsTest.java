package dev.schemagate.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecksumsTest {

  @Test
  void sha256IsLowerCaseHexOfUtf8() {
    assertThat(Checksums.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void crlfAndLfGiveTheSameChecksumButOtherWhitespaceCounts() {
    assertThat(Checksums.sha256("a;\r\nb;\r\n")).isEqualTo(Checksums.sha256("a;\nb;\n"));
    assertThat(Checksums.sha256("a; \n")).isNotEqualTo(Checksums.sha256("a;\n"));
  }
}

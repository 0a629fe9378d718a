package dev.schemagate.core.governance.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CanonicalFormTest {

  @Test
  void rendersTheDocumentedVersionOneFormat() {
    // Pinned on purpose: every stored approval signs this exact text, so a change here voids them.
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("work_order", "WO-MIGRATION-007");
    fields.put("environment", "staging");
    fields.put(
        "migrations",
        List.of(
            Map.of("revision", "0003_add_email", "checksum", "9f2c"),
            Map.of("revision", "0004_index", "checksum", "77ab")));
    fields.put("rollback_steps", List.of());
    fields.put("waivers", Map.of());

    assertThat(CanonicalForm.render(fields))
        .isEqualTo(
            """
            schemagate-canonical 1
            "environment" = "staging"
            "migrations"[0]."checksum" = "9f2c"
            "migrations"[0]."revision" = "0003_add_email"
            "migrations"[1]."checksum" = "77ab"
            "migrations"[1]."revision" = "0004_index"
            "rollback_steps" = []
            "waivers" = {}
            "work_order" = "WO-MIGRATION-007"
            """);
  }

  @Test
  void isStableUnderMapInsertionOrderAtEveryLevel() {
    List<String> keys = List.of("environment", "work_order", "intent", "a", "Z", "é", "zz");
    Map<String, Object> forward = new LinkedHashMap<>();
    Map<String, Object> backward = new LinkedHashMap<>();
    Map<String, String> innerForward = new LinkedHashMap<>();
    Map<String, String> innerBackward = new LinkedHashMap<>();
    for (String k : keys) {
      forward.put(k, "v-" + k);
      innerForward.put(k, k + "-checksum");
    }
    List<String> reversed = new ArrayList<>(keys);
    Collections.reverse(reversed);
    for (String k : reversed) {
      backward.put(k, "v-" + k);
      innerBackward.put(k, k + "-checksum");
    }
    forward.put("migrations", innerForward);
    backward.put("migrations", innerBackward);
    Map<String, Object> hashed = new HashMap<>(backward);

    byte[] expected = CanonicalForm.encode(forward);
    assertThat(CanonicalForm.encode(backward)).isEqualTo(expected);
    assertThat(CanonicalForm.encode(hashed)).isEqualTo(expected);
    assertThat(CanonicalForm.encode(new TreeMap<>(backward))).isEqualTo(expected);
  }

  @Test
  void listsKeepTheirOrder() {
    byte[] ab = CanonicalForm.encode(Map.of("steps", List.of("a", "b")));
    byte[] ba = CanonicalForm.encode(Map.of("steps", List.of("b", "a")));

    assertThat(ab).isNotEqualTo(ba);
  }

  @Test
  void escapesSeparatorsSoNoValueCanImitateAnotherTree() {
    // Each pair would collide under a naive "key=value" per line encoding.
    List<List<Map<String, ?>>> pairs =
        List.of(
            List.of(Map.of("a", "1\n\"b\" = \"2"), Map.of("a", "1", "b", "2")),
            List.of(Map.of("a.b", "x"), Map.of("a", Map.of("b", "x"))),
            List.of(Map.of("a\" = \"x", "y"), Map.of("a", "x\" = \"y")),
            List.of(Map.of("a[0]", "x"), Map.of("a", List.of("x"))),
            List.of(Map.of("r", "0003=abc"), Map.of("r=0003", "abc")),
            List.of(Map.of("a", "x\\"), Map.of("a", "x\\\\")),
            List.of(Map.of("a", "\r"), Map.of("a", "\n")),
            List.of(Map.of("a", ""), Map.of("a", List.of())),
            List.of(Map.of("a", List.of()), Map.of("a", Map.of())),
            List.of(Map.of("a", ""), Map.of()),
            List.of(Map.of("a", "\uD800"), Map.of("a", "\uDC00")),
            List.of(Map.of("a", "\uD800"), Map.of("a", "?")));
    for (List<Map<String, ?>> pair : pairs) {
      assertThat(CanonicalForm.encode(pair.get(0)))
          .as("%s vs %s", pair.get(0), pair.get(1))
          .isNotEqualTo(CanonicalForm.encode(pair.get(1)));
    }
  }

  @Test
  void everyLineIsOneLeafWhateverTheValuesHold() {
    String text =
        CanonicalForm.render(
            Map.of("a", "line one\nline two\r\n\ttab \u0000 \u007f", "b", List.of("x\ny")));

    assertThat(text.split("\n", -1)).hasSize(4); // header, two leaves, the empty after the last LF
    assertThat(text)
        .contains("\"a\" = \"line one\\nline two\\r\\n\\ttab \\u0000 \\u007f\"")
        .contains("\"b\"[0] = \"x\\ny\"");
  }

  @Test
  void writesNonAsciiAsUtf8WithoutNormalizing() {
    String composed = "caf\u00e9";
    String decomposed = "cafe\u0301";

    byte[] a = CanonicalForm.encode(Map.of("k", composed));
    byte[] b = CanonicalForm.encode(Map.of("k", decomposed));

    assertThat(new String(a, StandardCharsets.UTF_8)).contains("\"caf\u00e9\"");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void sortsKeysByCodePointNotByUtf16Units() {
    // U+FFFD sorts after U+1F600's high surrogate in UTF-16 order, before it by code point.
    String replacement = "\uFFFD";
    String emoji = new String(Character.toChars(0x1F600));
    assertThat(replacement.compareTo(emoji)).isPositive();

    String text = CanonicalForm.render(Map.of(emoji, "e", replacement, "r"));

    assertThat(text.indexOf(replacement)).isLessThan(text.indexOf(emoji));
    assertThat(CanonicalForm.CODE_POINT_ORDER.compare("ab", "abc")).isNegative();
    assertThat(CanonicalForm.CODE_POINT_ORDER.compare("abc", "abc")).isZero();
  }

  @Test
  void refusesValuesWhoseTextTheCallerDidNotChooseAndNamesThePath() {
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("reason", null);
    Map<String, Object> nested = Map.of("migrations", List.of(Map.of("count", 3)));

    assertThatThrownBy(() -> CanonicalForm.encode(withNull))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"reason\" is null");
    assertThatThrownBy(() -> CanonicalForm.encode(nested))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"migrations\"[0].\"count\" is of type Integer");
    assertThatThrownBy(() -> CanonicalForm.encode(Map.of("s", Set.of("a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"s\"");
    assertThatThrownBy(() -> CanonicalForm.encode(Map.of("m", Map.of(1, "x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keys must be Strings");
  }

  @Test
  void refusesACyclicMapInsteadOfOverflowingTheStack() {
    Map<String, Object> loop = new HashMap<>();
    loop.put("self", loop);

    assertThatThrownBy(() -> CanonicalForm.encode(loop))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nested deeper");
  }

  @Test
  void hashesAsLowerCaseHexSha256() {
    assertThat(CanonicalForm.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}

package dev.schemagate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArrayCastsStableTest {
  @Test
  void castsAVarcharArrayToItsOwnTypeBeforeTheOuterCast() {
    assertThat(
            ArrayCasts.stable(
                "CHECK (((s)::text = ANY ((ARRAY['a'::character varying, 'b''c'::character"
                    + " varying])::text[])))"))
        .isEqualTo(
            "CHECK (((s)::text = ANY ((ARRAY['a'::character varying, 'b''c'::character"
                + " varying]::character varying[])::text[])))");
  }

  @Test
  void leavesEverythingElseAlone() {
    String[] unchanged = {
      "CHECK ((s = ANY (ARRAY['a'::text, 'b'::text])))",
      "CHECK ((n = ANY ((ARRAY[1, 2])::integer[])))",
      "CHECK ((s = ANY ((ARRAY['a'::text, 'b'::text])::text[])))",
      "CHECK ((s = ANY ((ARRAY['a'::character varying, 'b'::text])::text[])))",
      "CHECK ((s = ANY ((ARRAY[lower('a'::text)])::text[])))",
      "CHECK ((s <> '(ARRAY[''a''::character varying])::text[]'::text))",
      "DEFAULT 'x'::text",
      null
    };
    for (String s : unchanged) {
      assertThat(ArrayCasts.stable(s)).isEqualTo(s);
    }
  }
}

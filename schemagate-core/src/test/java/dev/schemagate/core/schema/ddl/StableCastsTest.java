package dev.schemagate.core.schema.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StableCastsTest {
  @Test
  void castsAVarcharArrayToItsOwnTypeBeforeTheOuterCast() {
    assertThat(
            StableCasts.rewrite(
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
      assertThat(StableCasts.rewrite(s)).isEqualTo(s);
    }
  }
}

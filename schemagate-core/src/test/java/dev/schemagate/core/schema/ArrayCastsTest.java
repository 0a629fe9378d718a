package dev.schemagate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArrayCastsTest {
  private static final String SOURCE =
      "CHECK (((status)::text = ANY ((ARRAY['draft'::character varying, 'it''s'::character"
          + " varying])::text[])))";
  private static final String RESTORED =
      "CHECK (((status)::text = ANY (ARRAY[('draft'::character varying)::text, ('it''s'::character"
          + " varying)::text])))";

  @Test
  void readsTheRestoredFormAsTheSourcesForm() {
    assertThat(ArrayCasts.canonical(RESTORED)).isEqualTo(SOURCE);
  }

  @Test
  void leavesTheSourceFormAndOtherArraysAlone() {
    assertThat(ArrayCasts.canonical(SOURCE)).isEqualTo(SOURCE);
    String mixed = "x = ANY (ARRAY[('a'::character varying)::text, ('b'::name)::text])";
    assertThat(ArrayCasts.canonical(mixed)).isEqualTo(mixed);
    String columns = "x = ANY (ARRAY[(a)::text, (b)::text])";
    assertThat(ArrayCasts.canonical(columns)).isEqualTo(columns);
    String inString = "'ARRAY[(''a''::t)::u]'";
    assertThat(ArrayCasts.canonical(inString)).isEqualTo(inString);
    assertThat(ArrayCasts.canonical(null)).isNull();
  }
}

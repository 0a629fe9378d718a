package dev.schemagate.core.schema.diff;

import static dev.schemagate.core.schema.diff.Fixtures.column;
import static dev.schemagate.core.schema.diff.Fixtures.index;
import static dev.schemagate.core.schema.diff.Fixtures.snapshot;
import static dev.schemagate.core.schema.diff.Fixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.schema.ObjectKind;
import dev.schemagate.core.schema.SchemaSnapshot;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiffRendererTest {

  /** One added (with a column), one removed, one changed. */
  private static DiffResult smallCase() {
    SchemaSnapshot before =
        snapshot(
            table("users"),
            column("users", "email", 1, "text", true),
            table("legacy"),
            column("legacy", "id", 1, "integer", false));
    SchemaSnapshot after =
        snapshot(
            table("users"),
            column("users", "email", 1, "text", false),
            index("users", "users_email_idx", null, "email"),
            table("orders"),
            column("orders", "id", 1, "bigint", false));
    return SchemaDiff.compare(before, after);
  }

  @Test
  void summaryCountsTopLevelChangesAndMentionsTheRest() {
    assertThat(DiffRenderer.summary(smallCase()))
        .isEqualTo(
            "4 differences: 2 added, 1 removed, 1 changed"
                + " (and 2 objects within added or removed ones)");
  }

  @Test
  void summaryOfEqualOrderOnlyAndIncomplete() {
    SchemaSnapshot a =
        snapshot(table("t"), column("t", "x", 1, "int", true), column("t", "y", 2, "int", true));
    SchemaSnapshot b =
        snapshot(table("t"), column("t", "y", 1, "int", true), column("t", "x", 2, "int", true));
    assertThat(DiffRenderer.summary(SchemaDiff.compare(a, a))).isEqualTo("no differences");
    assertThat(DiffRenderer.summary(SchemaDiff.compare(a, b)))
        .isEqualTo("only column order differs: 2 columns in 1 table");
    assertThat(DiffRenderer.summary(SchemaDiff.compare(a, b, DiffOptions.LENIENT)))
        .isEqualTo("only column order differs: 2 columns in 1 table (ignored)");
    SchemaSnapshot skipping = snapshot(List.of("2 policies on public.t"), table("t"));
    assertThat(DiffRenderer.summary(SchemaDiff.compare(snapshot(table("t")), skipping)))
        .isEqualTo(
            "could not compare fully, 1 item skipped (from: 0, to: 1);"
                + " no differences in what was compared");
  }

  @Test
  void textHasOneLinePerChangeWithDetailIndented() {
    String text = DiffRenderer.text(smallCase());
    assertThat(text.lines())
        .containsExactly(
            "4 differences: 2 added, 1 removed, 1 changed"
                + " (and 2 objects within added or removed ones)",
            "- table public.legacy",
            "    - column public.legacy.id (integer, not null)",
            "+ table public.orders",
            "    + column public.orders.id (bigint, not null)",
            "~ column public.users.email: nullable true -> false",
            "+ index public.users.users_email_idx (btree, keys: email)");
  }

  @Test
  void textShowsOnlyTheChangedLinesOfALongDefinition() {
    DiffResult r =
        SchemaDiff.compare(
            snapshot(Fixtures.function("f", "select 1\n  from a\n  where x")),
            snapshot(Fixtures.function("f", "select 1\n  from b\n  where x")));
    assertThat(DiffRenderer.text(r).lines())
        .containsSequence(
            "~ routine public.f(integer)",
            "    definition:",
            "      -   from a",
            "      +   from b")
        .noneMatch(l -> l.contains("where x"));
  }

  @Test
  void textListsSkippedAndIgnoredKinds() {
    DiffResult r =
        SchemaDiff.compare(
            snapshot(List.of("an aggregate public.agg(integer)"), table("t")),
            snapshot(table("t")),
            DiffOptions.DEFAULT.withIgnoredKinds(Set.of(ObjectKind.COMMENT, ObjectKind.INDEX)));
    assertThat(DiffRenderer.text(r).lines())
        .contains(
            "not compared: indexes, comments", "skipped in from: an aggregate public.agg(integer)");
  }

  @Test
  void jsonHasAStableStructure() throws Exception {
    JsonNode root = new ObjectMapper().readTree(DiffRenderer.json(smallCase()));
    assertThat(root.path("status").asText()).isEqualTo("different");
    assertThat(root.path("equal").asBoolean()).isFalse();
    assertThat(root.path("counts").path("added").asInt()).isEqualTo(2);
    assertThat(root.path("counts").path("within").asInt()).isEqualTo(2);
    assertThat(root.path("changes")).hasSize(6);
    JsonNode changed = null;
    for (JsonNode c : root.path("changes")) {
      assertThat(c.has("previousKey")).isTrue();
      assertThat(c.has("parent")).isTrue();
      if (c.path("type").asText().equals("changed")) {
        changed = c;
      }
    }
    assertThat(changed).isNotNull();
    assertThat(changed.path("kind").asText()).isEqualTo("column");
    assertThat(changed.path("key").asText()).isEqualTo("public.users.email");
    assertThat(changed.path("differences").get(0).path("attribute").asText()).isEqualTo("nullable");
    assertThat(changed.path("differences").get(0).path("to").asText()).isEqualTo("false");
    JsonNode child = root.path("changes").get(2);
    assertThat(child.path("key").asText()).isEqualTo("public.legacy.id");
    assertThat(child.path("parent").path("key").asText()).isEqualTo("public.legacy");
    assertThat(child.path("attributes").path("type").asText()).isEqualTo("integer");
    assertThat(root.path("skipped")).isEmpty();
  }

  @Test
  void jsonIsTheSameOnEveryRun() {
    assertThat(DiffRenderer.json(smallCase())).isEqualTo(DiffRenderer.json(smallCase()));
  }

  @Test
  void markdownHasTheSummaryAndATablePerKind() {
    String md = DiffRenderer.markdown(smallCase());
    assertThat(md.lines())
        .startsWith(
            "**4 differences: 2 added, 1 removed, 1 changed"
                + " (and 2 objects within added or removed ones)**")
        .contains(
            "### Tables (2)",
            "| removed | `public.legacy` | with 1 column |",
            "| added | `public.orders` | with 1 column |",
            "### Columns (1)",
            "| changed | `public.users.email` | nullable: `true` → `false` |",
            "| added | `public.users.users_email_idx` | btree, keys: email |");
  }

  @Test
  void markdownPutsLongValuesInACollapsedDiff() {
    DiffResult r =
        SchemaDiff.compare(
            snapshot(Fixtures.view("v", " SELECT a\n   FROM t;")),
            snapshot(Fixtures.view("v", " SELECT a, b\n   FROM t;")));
    String md = DiffRenderer.markdown(r);
    assertThat(md).contains("| changed | `public.v` | definition changed (below) |");
    assertThat(md).contains("<details><summary>view public.v definition</summary>");
    assertThat(md).contains("```diff\n-  SELECT a\n+  SELECT a, b\n```");
  }
}

package dev.schemagate.core.governance.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportHtmlTest {

  private static final String REPORT =
      String.join(
          "\n",
          "# WO-MIGRATION-007: <b>payments</b>",
          "",
          "Ran on **staging** with `schemagate upgrade`.",
          "",
          "## Statements",
          "",
          "| # | SQL | ms |",
          "|---|-----|---:|",
          "| 1 | `CREATE TABLE t (a int)` | 12 |",
          "| 2 | <script>alert(1)</script> | 3 |",
          "",
          "### Checks",
          "",
          "- lint: **pass**",
          "- drill: pass",
          "1. first",
          "2. second",
          "",
          "```sql",
          "INSERT INTO notes VALUES ('<script>alert(\"x\")</script>');",
          "```",
          "");

  @Test
  void rendersTheSubsetOurReportsUse() {
    String html = ReportHtml.fromMarkdown("WO-MIGRATION-007", REPORT);

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<title>WO-MIGRATION-007</title>")
        .contains("<h1>WO-MIGRATION-007: &lt;b&gt;payments&lt;/b&gt;</h1>")
        .contains("<h2>Statements</h2>", "<h3>Checks</h3>")
        .contains("<p>Ran on <strong>staging</strong> with <code>schemagate upgrade</code>.</p>")
        .contains("<th>#</th><th>SQL</th><th>ms</th>")
        .contains("<td>1</td><td><code>CREATE TABLE t (a int)</code></td><td>12</td>")
        .contains("<ul>\n<li>lint: <strong>pass</strong></li>\n<li>drill: pass</li>\n</ul>")
        .contains("<ol>\n<li>first</li>\n<li>second</li>\n</ol>")
        .contains("<pre><code>INSERT INTO notes VALUES (&#39;&lt;script&gt;");
  }

  @Test
  void scriptInAnyPlaceComesOutInert() {
    String html =
        ReportHtml.fromMarkdown(
            "<script>t</script>",
            REPORT + "\nplain <script>x</script> & `<img src=x onerror=y>`\n");

    assertThat(html).doesNotContain("<script", "<img", "<b>");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x", "&amp;");
  }

  @Test
  void loadsNothingFromOutsideAndIsDeterministic() {
    String html = ReportHtml.fromMarkdown("t", REPORT);

    assertThat(html).doesNotContain("http://", "https://", "<link", "src=");
    assertThat(ReportHtml.fromMarkdown("t", REPORT)).isEqualTo(html);
    assertThat(ReportHtml.fromMarkdown("t", REPORT.replace("\n", "\r\n"))).isEqualTo(html);
  }

  @Test
  void anUnclosedFenceRunsToTheEndAndStaysEscaped() {
    String html = ReportHtml.fromMarkdown("t", "```\n<script>\n# not a heading");

    assertThat(html).contains("<pre><code>&lt;script&gt;\n# not a heading\n</code></pre>");
    assertThat(html).doesNotContain("<h1>");
  }

  @Test
  void anEscapedPipeStaysInsideItsCellAndRaggedRowsKeepTheHeadersWidth() {
    String html =
        ReportHtml.fromMarkdown(
            "t", "| | |\n|---|---|\n| sql | `SELECT a \\|\\| b` |\n| short |\n| a | b | extra |\n");

    assertThat(html)
        .contains("<tr><th></th><th></th></tr>")
        .contains("<td>sql</td><td><code>SELECT a || b</code></td>")
        .contains("<td>short</td><td></td></tr>")
        .contains("<td>a</td><td>b</td></tr>")
        .doesNotContain("extra");
  }
}

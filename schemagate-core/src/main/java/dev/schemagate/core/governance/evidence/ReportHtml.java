package dev.schemagate.core.governance.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the Markdown of schemagate's own reports into one self-contained HTML page, for the
 * evidence pack's human-readable report.
 *
 * <p>Only the subset the reports use is understood: {@code #} to {@code ######} headings,
 * paragraphs, {@code - } (or {@code * }) and {@code 1. } lists, pipe tables (a header row, a
 * separator row of dashes, then rows), fenced {@code ```} code blocks, inline {@code `code`} and
 * {@code **bold**}. Anything else is shown as the text it is. An unclosed fence runs to the end; an
 * unclosed {@code `} or {@code **} is literal text.
 *
 * <p>The trap this class exists for: report text quotes migration SQL, file names and database
 * messages, which anyone may have written. Every piece of text is HTML-escaped, including inside
 * code, so {@code <script>} comes out as visible text; no raw HTML, links or images pass through,
 * and the page loads nothing from outside (the style sheet is inline). The output depends only on
 * the input: the same Markdown gives the same bytes.
 */
public final class ReportHtml {

  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
  private static final Pattern BULLET = Pattern.compile("^\\s{0,3}[-*]\\s+(.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^\\s{0,3}\\d{1,9}[.)]\\s+(.*)$");
  private static final Pattern SEPARATOR =
      Pattern.compile("^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*$");

  private static final String STYLE =
      "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:60rem;"
          + "margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}"
          + "h1,h2,h3{line-height:1.2}"
          + "table{border-collapse:collapse;margin:1rem 0}"
          + "th,td{border:1px solid #bbb;padding:.3rem .6rem;text-align:left;vertical-align:top}"
          + "th{background:#f0f0f0}"
          + "code{font-family:ui-monospace,Menlo,Consolas,monospace;background:#f4f4f4;"
          + "padding:0 .2rem}"
          + "pre{background:#f4f4f4;padding:.8rem;overflow-x:auto}"
          + "pre code{padding:0}";

  private ReportHtml() {}

  /**
   * The page for {@code markdown}, titled {@code title} (escaped too).
   *
   * @param title the page title, e.g. the work order's id
   * @param markdown the report; CR LF line ends are accepted
   */
  public static String fromMarkdown(String title, String markdown) {
    StringBuilder out = new StringBuilder(markdown.length() * 2 + 1024);
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(escape(title == null ? "" : title))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n");
    body(out, markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
    return out.append("</body>\n</html>\n").toString();
  }

  private static void body(StringBuilder out, String[] lines) {
    List<String> paragraph = new ArrayList<>();
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      Matcher m;
      if (line.strip().startsWith("```")) {
        flush(out, paragraph);
        StringBuilder code = new StringBuilder();
        i++;
        while (i < lines.length && !lines[i].strip().startsWith("```")) {
          code.append(lines[i]).append('\n');
          i++;
        }
        i++; // the closing fence, or past the end
        out.append("<pre><code>").append(escape(code.toString())).append("</code></pre>\n");
      } else if (line.isBlank()) {
        flush(out, paragraph);
        i++;
      } else if ((m = HEADING.matcher(line)).matches()) {
        flush(out, paragraph);
        int level = m.group(1).length();
        out.append("<h").append(level).append('>');
        inline(out, m.group(2));
        out.append("</h").append(level).append(">\n");
        i++;
      } else if (BULLET.matcher(line).matches() || NUMBERED.matcher(line).matches()) {
        flush(out, paragraph);
        i = list(out, lines, i);
      } else if (isTableStart(lines, i)) {
        flush(out, paragraph);
        i = table(out, lines, i);
      } else {
        paragraph.add(line.strip());
        i++;
      }
    }
    flush(out, paragraph);
  }

  private static void flush(StringBuilder out, List<String> paragraph) {
    if (paragraph.isEmpty()) {
      return;
    }
    out.append("<p>");
    inline(out, String.join("\n", paragraph));
    out.append("</p>\n");
    paragraph.clear();
  }

  /** A run of items of one kind; an indented line continues the item above it. */
  private static int list(StringBuilder out, String[] lines, int start) {
    boolean numbered = !BULLET.matcher(lines[start]).matches();
    Pattern item = numbered ? NUMBERED : BULLET;
    String tag = numbered ? "ol" : "ul";
    out.append('<').append(tag).append(">\n");
    int i = start;
    while (i < lines.length) {
      Matcher m = item.matcher(lines[i]);
      if (!m.matches()) {
        break;
      }
      StringBuilder text = new StringBuilder(m.group(1));
      i++;
      while (i < lines.length
          && lines[i].startsWith("  ")
          && !lines[i].isBlank()
          && !item.matcher(lines[i]).matches()) {
        text.append('\n').append(lines[i].strip());
        i++;
      }
      out.append("<li>");
      inline(out, text.toString());
      out.append("</li>\n");
    }
    out.append("</").append(tag).append(">\n");
    return i;
  }

  private static boolean isTableStart(String[] lines, int i) {
    return lines[i].strip().startsWith("|")
        && i + 1 < lines.length
        && lines[i + 1].contains("-")
        && SEPARATOR.matcher(lines[i + 1]).matches();
  }

  private static int table(StringBuilder out, String[] lines, int start) {
    List<String> header = cells(lines[start]);
    out.append("<table>\n<thead>\n<tr>");
    for (String cell : header) {
      out.append("<th>");
      inline(out, cell);
      out.append("</th>");
    }
    out.append("</tr>\n</thead>\n<tbody>\n");
    int i = start + 2;
    while (i < lines.length && lines[i].strip().startsWith("|")) {
      List<String> row = cells(lines[i]);
      out.append("<tr>");
      // Ragged rows are padded or cut to the header's width, as renderers of this syntax do.
      for (int c = 0; c < header.size(); c++) {
        out.append("<td>");
        inline(out, c < row.size() ? row.get(c) : "");
        out.append("</td>");
      }
      out.append("</tr>\n");
      i++;
    }
    out.append("</tbody>\n</table>\n");
    return i;
  }

  /** The cells of a table row; {@code \|} is a literal pipe inside a cell. */
  private static List<String> cells(String line) {
    String s = line.strip();
    if (s.startsWith("|")) {
      s = s.substring(1);
    }
    if (s.endsWith("|") && !s.endsWith("\\|")) {
      s = s.substring(0, s.length() - 1);
    }
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '|') {
        cell.append('|');
        i++;
      } else if (c == '|') {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString().strip());
    return cells;
  }

  /** Inline code and bold; everything else escaped as text. */
  private static void inline(StringBuilder out, String text) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '`') {
        int end = text.indexOf('`', i + 1);
        if (end > i) {
          out.append("<code>").append(escape(text.substring(i + 1, end))).append("</code>");
          i = end + 1;
          continue;
        }
      } else if (text.startsWith("**", i)) {
        int end = text.indexOf("**", i + 2);
        if (end > i + 2) {
          out.append("<strong>");
          inline(out, text.substring(i + 2, end));
          out.append("</strong>");
          i = end + 2;
          continue;
        }
      }
      escape(out, c);
      i++;
    }
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      escape(out, s.charAt(i));
    }
    return out.toString();
  }

  private static void escape(StringBuilder out, char c) {
    switch (c) {
      case '&' -> out.append("&amp;");
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '"' -> out.append("&quot;");
      case '\'' -> out.append("&#39;");
      default -> out.append(c);
    }
  }
}

package dev.schemagate.core.governance.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line-based reading of block-style YAML that keeps line numbers, which a YAML library loses.
 *
 * <p>Every mapping key and every scalar line becomes an {@link Entry} carrying the chain of keys
 * and list items above it. That is all the guard needs: "the value of {@code
 * spring.flyway.enabled}", "the lines of a {@code command:} under {@code initContainers}". It is
 * deliberately forgiving: it never fails, and a construct it does not model (anchors, flow mappings
 * across lines, complex keys) reads as plain text under the nearest key, which is where the guard
 * looks for commands anyway.
 *
 * <p>The trap: a list item at the same indent as its parent key ({@code command:\n- alembic}) is
 * legal YAML, so a dash does not close a key at its own indent.
 */
final class YamlLines {

  /**
   * One step of the path to an entry: a key, or a list item ({@link #ITEM}) identified by the line
   * of its dash so two items of the same list are different segments.
   */
  record Segment(String name, int line) {
    boolean isItem() {
      return ITEM.equals(name);
    }
  }

  static final String ITEM = "[]";

  /**
   * One key or scalar line.
   *
   * @param line 1-based line number
   * @param document 0-based index of the YAML document ({@code ---} separates them)
   * @param parents the keys and list items above this entry, outermost first
   * @param key the key on this line, or null for a scalar list item, a block scalar line or a
   *     continuation line
   * @param value the text after the key (or the whole scalar), comment removed, trimmed; empty when
   *     the key opens a block
   */
  record Entry(int line, int document, List<Segment> parents, String key, String value) {
    /** The dotted key path, list items left out: {@code spring.flyway.enabled}. */
    String dottedKey() {
      StringBuilder b = new StringBuilder();
      for (Segment s : parents) {
        if (!s.isItem()) {
          b.append(b.length() == 0 ? "" : ".").append(s.name());
        }
      }
      if (key != null) {
        b.append(b.length() == 0 ? "" : ".").append(key);
      }
      return b.toString();
    }

    /** The segments above this entry plus its own key, if any. */
    List<Segment> path() {
      if (key == null) {
        return parents;
      }
      List<Segment> p = new ArrayList<>(parents);
      p.add(new Segment(key, line));
      return p;
    }
  }

  /** A key: plain (no quotes, colon, hash or brackets) or quoted, then a colon and space or end. */
  private static final Pattern KEY =
      Pattern.compile(
          "^(\"[^\"]*\"|'[^']*'|[^\\s:#\"'\\[\\]{},&*!|>%@`-][^:#\"']*?|-[^\\s:#\"']+)"
              + "\\s*:(?:\\s+|$)(.*)$");

  private static final Pattern BLOCK_SCALAR = Pattern.compile("^[|>][+-]?[0-9]?[+-]?$");

  private YamlLines() {}

  static List<Entry> read(List<String> lines) {
    List<Entry> out = new ArrayList<>();
    List<Integer> indents = new ArrayList<>();
    List<Segment> stack = new ArrayList<>();
    int document = 0;
    // While inside a block scalar (| or >): the indent its owner sits at, and its path.
    int blockOwnerIndent = -1;
    List<Segment> blockPath = null;
    // Last key seen, for plain multi-line scalars and flow sequences continued on later lines.
    int lastKeyIndent = -1;
    List<Segment> lastKeyPath = null;

    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String raw = lines.get(i);
      int indent = indentOf(raw);
      if (blockPath != null) {
        if (raw.isBlank()) {
          continue;
        }
        if (indent > blockOwnerIndent) {
          out.add(new Entry(lineNo, document, blockPath, null, raw.strip()));
          continue;
        }
        blockPath = null;
      }
      String content = stripComment(raw.substring(indent)).strip();
      if (content.isEmpty()) {
        continue;
      }
      if (indent == 0 && (content.equals("---") || content.startsWith("--- "))) {
        document++;
        stack.clear();
        indents.clear();
        lastKeyPath = null;
        continue;
      }
      if (indent == 0 && content.equals("...")) {
        continue;
      }
      // Dashes: each opens a list item one level deeper.
      boolean sawItem = false;
      int dashIndent = -1;
      while (content.equals("-") || content.startsWith("- ")) {
        popDeeper(stack, indents, indent, true);
        stack.add(new Segment(ITEM, lineNo));
        indents.add(indent);
        dashIndent = indent;
        int skip = 1;
        while (skip < content.length() && content.charAt(skip) == ' ') {
          skip++;
        }
        indent += skip;
        content = content.substring(skip);
        sawItem = true;
      }
      if (content.isEmpty()) {
        continue;
      }
      Matcher m = KEY.matcher(content);
      if (m.matches()) {
        popDeeper(stack, indents, indent, false);
        String key = unquote(m.group(1).strip());
        String value = m.group(2).strip();
        List<Segment> parents = List.copyOf(stack);
        out.add(new Entry(lineNo, document, parents, key, value));
        stack.add(new Segment(key, lineNo));
        indents.add(indent);
        lastKeyIndent = indent;
        lastKeyPath = List.copyOf(stack);
        if (BLOCK_SCALAR.matcher(value).matches()) {
          blockOwnerIndent = indent;
          blockPath = lastKeyPath;
        }
        continue;
      }
      if (sawItem) {
        List<Segment> parents = List.copyOf(stack);
        if (BLOCK_SCALAR.matcher(content).matches()) {
          blockOwnerIndent = dashIndent;
          blockPath = parents;
          continue;
        }
        out.add(new Entry(lineNo, document, parents, null, content));
        continue;
      }
      // Neither key nor item: the continuation of the last key's value.
      if (lastKeyPath != null && indent > lastKeyIndent) {
        out.add(new Entry(lineNo, document, lastKeyPath, null, content));
      }
    }
    return out;
  }

  /**
   * Closes every segment at or below {@code indent}. A dash keeps a key at its own indent open (a
   * list may sit at its key's indent) but closes the previous item of the same list.
   */
  private static void popDeeper(
      List<Segment> stack, List<Integer> indents, int indent, boolean forItem) {
    while (!stack.isEmpty()) {
      int top = indents.get(indents.size() - 1);
      Segment seg = stack.get(stack.size() - 1);
      boolean close = forItem ? top > indent || (top == indent && seg.isItem()) : top >= indent;
      if (!close) {
        return;
      }
      stack.remove(stack.size() - 1);
      indents.remove(indents.size() - 1);
    }
  }

  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** Removes a {@code #} comment that starts the text or follows whitespace, outside quotes. */
  static String stripComment(String text) {
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"') {
          i++;
        }
      } else if (c == '"' || c == '\'') {
        // A quote only opens a string at the start of a scalar token, not inside a word (it's).
        if (i == 0 || " \t[,{:".indexOf(text.charAt(i - 1)) >= 0) {
          quote = c;
        }
      } else if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
        return text.substring(0, i);
      }
    }
    return text;
  }

  static String unquote(String s) {
    if (s.length() >= 2
        && (s.charAt(0) == '"' || s.charAt(0) == '\'')
        && s.charAt(s.length() - 1) == s.charAt(0)) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}

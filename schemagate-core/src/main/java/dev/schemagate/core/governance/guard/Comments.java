package dev.schemagate.core.governance.guard;

import java.util.ArrayList;
import java.util.List;

/**
 * Blanks out comments (and, for Python, string literals) so a commented-out trigger is not a
 * finding. Each method returns one output line per input line, so line numbers stay true.
 */
final class Comments {
  private Comments() {}

  /** Removes {@code <!-- ... -->}, across lines too. */
  static List<String> xml(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    boolean inComment = false;
    for (String line : lines) {
      StringBuilder b = new StringBuilder();
      int i = 0;
      while (i < line.length()) {
        if (inComment) {
          int end = line.indexOf("-->", i);
          if (end < 0) {
            i = line.length();
          } else {
            inComment = false;
            i = end + 3;
          }
        } else {
          int start = line.indexOf("<!--", i);
          if (start < 0) {
            b.append(line, i, line.length());
            i = line.length();
          } else {
            b.append(line, i, start);
            inComment = true;
            i = start + 4;
          }
        }
      }
      out.add(b.toString());
    }
    return out;
  }

  /**
   * Removes {@code //} and {@code /* ... *}{@code /} comments outside string literals (Groovy and
   * Kotlin build scripts). Strings are kept: coordinates live in them.
   */
  static List<String> cStyle(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    boolean inBlock = false;
    for (String line : lines) {
      StringBuilder b = new StringBuilder();
      char quote = 0;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
        if (inBlock) {
          if (c == '*' && next == '/') {
            inBlock = false;
            i++;
          }
        } else if (quote != 0) {
          b.append(c);
          if (c == '\\' && next != 0) {
            b.append(next);
            i++;
          } else if (c == quote) {
            quote = 0;
          }
        } else if (c == '/' && next == '/') {
          break;
        } else if (c == '/' && next == '*') {
          inBlock = true;
          i++;
        } else {
          if (c == '"' || c == '\'') {
            quote = c;
          }
          b.append(c);
        }
      }
      out.add(b.toString());
    }
    return out;
  }

  /**
   * Python code only: comments removed and the inside of every string literal (triple-quoted ones
   * across lines too) replaced by spaces, so a docstring example or a log message is not code.
   */
  static List<String> pythonCode(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    String triple = null;
    for (String line : lines) {
      StringBuilder b = new StringBuilder();
      char quote = 0;
      int i = 0;
      while (i < line.length()) {
        char c = line.charAt(i);
        if (triple != null) {
          if (line.startsWith(triple, i)) {
            b.append(triple);
            i += 3;
            triple = null;
          } else {
            if (c == '\\') {
              b.append(' ');
              i++;
            }
            b.append(' ');
            i++;
          }
        } else if (quote != 0) {
          if (c == '\\') {
            b.append("  ");
            i += 2;
          } else if (c == quote) {
            b.append(c);
            quote = 0;
            i++;
          } else {
            b.append(' ');
            i++;
          }
        } else if (c == '#') {
          break;
        } else if (line.startsWith("\"\"\"", i) || line.startsWith("'''", i)) {
          triple = line.substring(i, i + 3);
          b.append(triple);
          i += 3;
        } else {
          if (c == '"' || c == '\'') {
            quote = c;
          }
          b.append(c);
          i++;
        }
      }
      out.add(b.toString());
    }
    return out;
  }
}

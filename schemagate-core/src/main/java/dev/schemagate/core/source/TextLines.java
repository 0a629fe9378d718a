package dev.schemagate.core.source;

import java.util.ArrayList;
import java.util.List;

/**
 * A text (line endings already LF) split into 1-based lines, keeping the offsets so a section can
 * be cut out exactly as written. A text ending in a newline has an empty last line.
 */
final class TextLines {
  private final String text;
  private final List<Integer> starts;

  TextLines(String text) {
    this.text = text;
    List<Integer> s = new ArrayList<>();
    s.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        s.add(i + 1);
      }
    }
    this.starts = List.copyOf(s);
  }

  int count() {
    return starts.size();
  }

  /** Line {@code n} (1-based) without its newline. */
  String line(int n) {
    int start = starts.get(n - 1);
    int end = n < starts.size() ? starts.get(n) - 1 : text.length();
    return text.substring(start, end);
  }

  /**
   * The text from the start of line {@code from} up to the start of line {@code toExclusive} (or
   * the end of the text when {@code toExclusive} is past the last line).
   */
  String section(int from, int toExclusive) {
    int start = from <= starts.size() ? starts.get(from - 1) : text.length();
    int end = toExclusive <= starts.size() ? starts.get(toExclusive - 1) : text.length();
    return start >= end ? "" : text.substring(start, end);
  }
}

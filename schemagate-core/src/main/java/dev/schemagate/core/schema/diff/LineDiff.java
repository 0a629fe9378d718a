package dev.schemagate.core.schema.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines two texts do not share, by longest common subsequence: what a reader needs to see of a
 * changed view or function body without reading both whole.
 */
final class LineDiff {
  /** Beyond this many lines a side, both texts are shown whole (the table would be too big). */
  private static final int MAX_LINES = 2_000;

  private LineDiff() {}

  /** Lines prefixed {@code "- "} (only in {@code from}) and {@code "+ "} (only in {@code to}). */
  static List<String> changedLines(String from, String to) {
    String[] a = from == null ? new String[0] : from.split("\r?\n", -1);
    String[] b = to == null ? new String[0] : to.split("\r?\n", -1);
    List<String> out = new ArrayList<>();
    if (a.length > MAX_LINES || b.length > MAX_LINES) {
      for (String line : a) {
        out.add("- " + line);
      }
      for (String line : b) {
        out.add("+ " + line);
      }
      return out;
    }
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] =
            a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        i++;
        j++;
      } else if (j >= b.length || (i < a.length && lcs[i + 1][j] >= lcs[i][j + 1])) {
        out.add("- " + a[i++]);
      } else {
        out.add("+ " + b[j++]);
      }
    }
    return out;
  }
}

package dev.schemagate.core.schema.introspect;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one PostgreSQL expression two ways as the same text.
 *
 * <p>{@code status IN ('a', 'b')} on a {@code varchar} column prints as {@code
 * (ARRAY['a'::character varying, 'b'::character varying])::text[]}: constants of one type, the
 * array cast as a whole. Restored from a dump (or re-created from that text), PostgreSQL pushes the
 * cast into the elements and prints {@code ARRAY[('a'::character varying)::text, ('b'::character
 * varying)::text]}. The two mean the same thing, so a backup's verification or a diff after a round
 * trip would report a difference that is not there.
 *
 * <p>This rewrites the second form into the first: an {@code ARRAY[...]} whose elements are all
 * {@code ('literal'::T)::U} with one T and one U becomes {@code (ARRAY['literal'::T, ...])::U[]}.
 * Anything else is returned unchanged. (The DDL generator's {@code StableCasts} solves the other
 * half: it writes DDL that a copy stores in the first form.)
 */
final class ArrayCasts {
  private static final String OPEN = "ARRAY[";

  private ArrayCasts() {}

  static String canonical(String sql) {
    if (sql == null || !sql.contains("ARRAY[(")) {
      return sql;
    }
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'') {
        int end = skipString(sql, i);
        out.append(sql, i, end);
        i = end;
        continue;
      }
      if (sql.startsWith(OPEN, i) && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
        int close = closingBracket(sql, i + OPEN.length());
        if (close > 0) {
          String rewritten = wholeArrayCast(sql.substring(i + OPEN.length(), close));
          if (rewritten != null) {
            out.append(rewritten);
            i = close + 1;
            continue;
          }
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** {@code (ARRAY['a'::T, ...])::U[]} when every element is {@code ('a'::T)::U}; else null. */
  private static String wholeArrayCast(String elements) {
    List<String> items = split(elements);
    if (items == null || items.isEmpty()) {
      return null;
    }
    String inner = null;
    String outer = null;
    List<String> literals = new ArrayList<>();
    for (String item : items) {
      if (!item.startsWith("('")) {
        return null;
      }
      int end = skipString(item, 1);
      if (!item.startsWith("::", end)) {
        return null;
      }
      int paren = item.indexOf(")::", end);
      if (paren < 0) {
        return null;
      }
      String t = item.substring(end + 2, paren);
      String u = item.substring(paren + 3);
      if (t.isEmpty() || u.isEmpty() || t.contains("'") || u.contains("'") || u.contains(")")) {
        return null;
      }
      if ((inner != null && !inner.equals(t)) || (outer != null && !outer.equals(u))) {
        return null;
      }
      inner = t;
      outer = u;
      literals.add(item.substring(1, end) + "::" + t);
    }
    return "(ARRAY[" + String.join(", ", literals) + "])::" + outer + "[]";
  }

  /** The top-level elements of an array body, or null when one is not a simple item. */
  private static List<String> split(String elements) {
    List<String> items = new ArrayList<>();
    int depth = 0;
    int start = 0;
    int i = 0;
    while (i < elements.length()) {
      char c = elements.charAt(i);
      if (c == '\'') {
        i = skipString(elements, i);
        continue;
      }
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        items.add(elements.substring(start, i).strip());
        start = i + 1;
      }
      i++;
    }
    items.add(elements.substring(start).strip());
    return depth == 0 ? items : null;
  }

  private static int skipString(String s, int start) {
    int i = start + 1;
    while (i < s.length()) {
      if (s.charAt(i) == '\'') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return s.length();
  }

  private static int closingBracket(String s, int from) {
    int depth = 0;
    int i = from;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\'') {
        i = skipString(s, i);
        continue;
      }
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
      i++;
    }
    return -1;
  }
}

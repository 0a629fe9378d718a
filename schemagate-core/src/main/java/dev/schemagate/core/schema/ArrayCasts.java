package dev.schemagate.core.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * One PostgreSQL expression that prints two ways, and the two rewrites that make it compare as one.
 *
 * <p>{@code status IN ('a', 'b')} on a {@code varchar} column is stored as a comparison with an
 * array of {@code varchar} constants converted as a whole to {@code text[]}, and printed as {@code
 * (ARRAY['a'::character varying, 'b'::character varying])::text[]}. Read back (from that text, or
 * from a dump), a cast applied directly to {@code ARRAY[...]} is pushed into the elements, so the
 * copy stores {@code ARRAY[('a'::character varying)::text, ...]} and prints differently: a false
 * difference after every round trip (pg_dump has the same problem).
 *
 * <p>The DDL generator writes {@link #stable} text, which a copy stores as the source did;
 * introspection reads with {@link #canonical}, so a copy made by anything else (a restored backup)
 * still compares equal.
 */
public final class ArrayCasts {
  private static final String WHOLE_OPEN = "(ARRAY[";
  private static final String PUSHED_OPEN = "ARRAY[";

  private ArrayCasts() {}

  /**
   * DDL a copy stores as the source did: {@code (ARRAY['a'::character varying, ...])::text[]}
   * becomes {@code (ARRAY['a'::character varying, ...]::character varying[])::text[]}, which keeps
   * the outer cast off the array literal. Only arrays whose elements are all string constants cast
   * to one type, cast as a whole to another array type, are touched.
   */
  public static String stable(String sql) {
    if (sql == null || !sql.contains(WHOLE_OPEN)) {
      return sql;
    }
    StringBuilder out = new StringBuilder(sql.length() + 32);
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'') {
        int end = skipString(sql, i);
        out.append(sql, i, end);
        i = end;
        continue;
      }
      if (sql.startsWith(WHOLE_OPEN, i)) {
        int close = closingBracket(sql, i + WHOLE_OPEN.length());
        if (close > 0 && sql.startsWith(")::", close + 1)) {
          String elementType = commonCast(sql.substring(i + WHOLE_OPEN.length(), close));
          int typeStart = close + 4;
          int typeEnd = sql.indexOf("[]", typeStart);
          if (elementType != null && typeEnd > typeStart) {
            String target = sql.substring(typeStart, typeEnd);
            if (!target.equals(elementType) && !target.contains("(") && !target.contains("'")) {
              out.append(sql, i, close + 1).append("::").append(elementType).append("[]");
              i = close + 1;
              continue;
            }
          }
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** The type every element is cast to, when each is a {@code '...'::type} constant; else null. */
  private static String commonCast(String elements) {
    List<String> items = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < elements.length()) {
      char c = elements.charAt(i);
      if (c == '\'') {
        i = skipString(elements, i);
        continue;
      }
      if (c == '(' || c == '[') {
        return null;
      }
      if (c == ',') {
        items.add(elements.substring(start, i).strip());
        start = i + 1;
      }
      i++;
    }
    items.add(elements.substring(start).strip());
    String type = null;
    for (String item : items) {
      if (!item.startsWith("'")) {
        return null;
      }
      int end = skipString(item, 0);
      if (!item.startsWith("::", end)) {
        return null;
      }
      String t = item.substring(end + 2);
      if (t.isEmpty() || t.contains("::") || t.contains("'")) {
        return null;
      }
      if (type != null && !type.equals(t)) {
        return null;
      }
      type = t;
    }
    return type;
  }

  /**
   * The form a copy stores, read as the source's: {@code ARRAY[('a'::T)::U, ...]} with one T and
   * one U becomes {@code (ARRAY['a'::T, ...])::U[]}. Anything else is returned unchanged.
   */
  public static String canonical(String sql) {
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
      if (sql.startsWith(PUSHED_OPEN, i)
          && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
        int close = closingBracket(sql, i + PUSHED_OPEN.length());
        if (close > 0) {
          String rewritten = wholeArrayCast(sql.substring(i + PUSHED_OPEN.length(), close));
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

  /** The index just after the string literal that starts at {@code start}. */
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

  /** The index of the {@code ]} closing the array that starts at {@code from}, or -1. */
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

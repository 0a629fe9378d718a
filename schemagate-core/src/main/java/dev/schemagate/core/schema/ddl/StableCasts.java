package dev.schemagate.core.schema.ddl;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites one PostgreSQL printing that does not read back as itself.
 *
 * <p>{@code status IN ('a', 'b')} on a {@code varchar} column is stored as a comparison with an
 * array of {@code varchar} constants converted as a whole to {@code text[]}, and printed as {@code
 * (ARRAY['a'::character varying, 'b'::character varying])::text[]}. Read back, a cast applied
 * directly to {@code ARRAY[...]} is pushed into the elements, so the copy stores {@code
 * ARRAY[('a'::character varying)::text, ...]} and prints differently: a false difference after
 * every round trip (pg_dump has the same problem). Casting the array to its own element type first,
 * {@code (ARRAY['a'::character varying, ...]::character varying[])::text[]}, keeps the outer cast
 * off the array literal, so the copy stores and prints what the source did.
 *
 * <p>Only arrays whose elements are all string constants cast to one and the same type, cast as a
 * whole to a different array type, are touched; anything else is returned unchanged.
 */
final class StableCasts {
  private StableCasts() {}

  private static final String OPEN = "(ARRAY[";

  static String rewrite(String sql) {
    if (sql == null || !sql.contains(OPEN)) {
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
      if (sql.startsWith(OPEN, i)) {
        int close = closingBracket(sql, i + OPEN.length());
        if (close > 0 && sql.startsWith(")::", close + 1)) {
          String elementType = commonCast(sql.substring(i + OPEN.length(), close));
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

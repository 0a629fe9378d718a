package dev.schemagate.core.schema.diff;

import dev.schemagate.core.schema.Constraint;
import dev.schemagate.core.schema.Index;
import dev.schemagate.core.schema.SchemaObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pairs constraints and indexes that differ only by name. The signature is the table, the kind (and
 * constraint type) and the definition with the object's own name taken out: PostgreSQL prints an
 * index's name inside its definition ({@code CREATE INDEX users_email_idx ON public.users USING
 * btree (email)}), and SQLite keeps the CREATE text as written, possibly with {@code CONSTRAINT
 * name}.
 *
 * <p>When the name cannot be found where expected the definition is kept whole: the pair is then
 * not made, and the two objects are reported as removed and added, which hides nothing.
 */
final class GeneratedNames {
  static final String PLACEHOLDER = "<name>";

  private static final Pattern INDEX_HEAD =
      Pattern.compile(
          "\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ON = Pattern.compile("\\s+ON\\s", Pattern.CASE_INSENSITIVE);
  private static final Pattern CONSTRAINT_HEAD =
      Pattern.compile("\\s*CONSTRAINT\\s+", Pattern.CASE_INSENSITIVE);

  private GeneratedNames() {}

  /** True for the kinds whose names may be system-generated. */
  static boolean applies(SchemaObject o) {
    return o instanceof Constraint || o instanceof Index;
  }

  /** The object's name (the last part of its key). */
  static String name(SchemaObject o) {
    if (o instanceof Constraint c) {
      return c.name();
    }
    if (o instanceof Index i) {
      return i.name();
    }
    throw new IllegalArgumentException("no generated name for " + o.kind().label());
  }

  /** What must be equal for two objects of different names to be the same object. */
  static String signature(SchemaObject o) {
    if (o instanceof Constraint c) {
      return "constraint|" + c.tableKey() + "|" + c.type() + "|" + definitionOrAttributes(o);
    }
    if (o instanceof Index i) {
      return "index|" + i.tableKey() + "|" + definitionOrAttributes(o);
    }
    throw new IllegalArgumentException("no signature for " + o.kind().label());
  }

  /** The definition with the name taken out, for objects of the two kinds; else as it is. */
  static String definitionWithoutName(SchemaObject o) {
    if (o instanceof Index i) {
      return i.definition() == null ? null : indexWithoutName(i.definition());
    }
    if (o instanceof Constraint c) {
      return c.definition() == null ? null : constraintWithoutName(c.definition());
    }
    return o.attributes().get("definition");
  }

  private static String definitionOrAttributes(SchemaObject o) {
    String def = definitionWithoutName(o);
    if (def != null) {
      return def;
    }
    // Hand-built or partial objects: every attribute but the (absent) definition.
    Map<String, String> attrs = new LinkedHashMap<>(o.attributes());
    attrs.remove("definition");
    return attrs.toString();
  }

  static String indexWithoutName(String definition) {
    Matcher head = INDEX_HEAD.matcher(definition);
    if (!head.lookingAt()) {
      return definition;
    }
    int start = head.end();
    int end = identifierChainEnd(definition, start);
    if (end == start) {
      return definition;
    }
    Matcher on = ON.matcher(definition);
    if (!on.find(end) || on.start() != end) {
      return definition; // no name: CREATE INDEX ON t (...)
    }
    return definition.substring(0, start) + PLACEHOLDER + definition.substring(end);
  }

  static String constraintWithoutName(String definition) {
    Matcher head = CONSTRAINT_HEAD.matcher(definition);
    if (!head.lookingAt()) {
      return definition;
    }
    int end = identifierChainEnd(definition, head.end());
    if (end == head.end()) {
      return definition;
    }
    return definition.substring(end).stripLeading();
  }

  /** Where a possibly qualified, possibly quoted identifier starting at {@code i} ends. */
  private static int identifierChainEnd(String s, int i) {
    int pos = i;
    while (true) {
      int end = identifierEnd(s, pos);
      if (end == pos) {
        return pos == i ? i : pos - 1; // a trailing dot is not part of it
      }
      if (end < s.length() && s.charAt(end) == '.') {
        pos = end + 1;
      } else {
        return end;
      }
    }
  }

  private static int identifierEnd(String s, int i) {
    if (i >= s.length()) {
      return i;
    }
    char c = s.charAt(i);
    char close =
        switch (c) {
          case '"' -> '"';
          case '`' -> '`';
          case '[' -> ']';
          default -> 0;
        };
    if (close != 0) {
      int j = i + 1;
      while (j < s.length()) {
        if (s.charAt(j) == close) {
          if (close != ']' && j + 1 < s.length() && s.charAt(j + 1) == close) {
            j += 2; // doubled quote inside a quoted name
            continue;
          }
          return j + 1;
        }
        j++;
      }
      return i; // unterminated: not a name
    }
    int j = i;
    while (j < s.length()) {
      char ch = s.charAt(j);
      if (Character.isLetterOrDigit(ch) || ch == '_' || ch == '$') {
        j++;
      } else {
        break;
      }
    }
    return j;
  }
}

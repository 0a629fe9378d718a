package dev.schemagate.core.governance.approval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The exact bytes an approval signs: a deterministic encoding of a tree of string fields, lists and
 * maps (for a work order: its id, the environment, each migration's revision and checksum, ...).
 *
 * <h2>Format, version 1</h2>
 *
 * UTF-8 text, every line ending in a single LF, no trailing spaces:
 *
 * <pre>
 * schemagate-canonical 1
 * "environment" = "staging"
 * "migrations"[0]."checksum" = "9f2c..."
 * "migrations"[0]."revision" = "0003_add_email"
 * "rollback_steps" = []
 * "waivers" = {}
 * "work_order" = "WO-MIGRATION-007"
 * </pre>
 *
 * <ul>
 *   <li>One line per leaf: its path, {@code " = "}, its value. A path starts with a quoted map key;
 *       a map child adds {@code ."key"}, a list element adds {@code [index]}.
 *   <li>A value is a quoted string, {@code []} for an empty list or <code>{}</code> for an empty
 *       map, so "absent", "empty string", "empty list" and "empty map" are four different
 *       encodings.
 *   <li>Map keys are sorted by Unicode code point (the same order as their UTF-8 bytes, not Java's
 *       UTF-16 {@code String.compareTo}); the map's own iteration order is ignored. Lists keep
 *       their order: it is part of the meaning.
 *   <li>Quoted strings escape {@code \\}, {@code \"}, {@code \n}, {@code \r}, {@code \t}; every
 *       other code point below U+0020, U+007F and any unpaired surrogate as {@code \}{@code uXXXX}
 *       (lower-case hex). All other characters are written as their UTF-8 bytes. Because quotes,
 *       backslashes and line breaks inside keys and values are escaped, no key or value can fake a
 *       separator, a path step or another line: two different trees never give the same bytes.
 *   <li>No Unicode normalization: "é" as one code point and as "e" plus a combining accent are
 *       different strings and give different bytes. That is deliberate; the bytes are what is
 *       signed.
 * </ul>
 *
 * <p>Changing this format voids every approval ever signed, so the format is pinned by a test and
 * carries a version line; a new format needs a new version line, never an edit of this one.
 *
 * <h2>The trap</h2>
 *
 * <b>Anything not in the canonical form is not protected.</b> An approval proves that these bytes
 * were approved and nothing else: a field the caller leaves out of the map (a migration's checksum,
 * the rollback plan, a waiver) can be edited after approval without voiding it. Put in everything
 * whose change should require a new approval, and leave out only what may change afterwards (the
 * approvals themselves, execution evidence).
 *
 * <p>Accepted values are {@link String}, {@link List} (of accepted values) and {@link Map} with
 * {@link String} keys (of accepted values). Anything else, including {@code null}, numbers,
 * booleans and sets, is refused with an {@link IllegalArgumentException} naming the path: convert
 * explicitly, so that the caller, not {@code toString()}, decides the text that is signed.
 */
public final class CanonicalForm {

  /** The first line of every encoding. */
  public static final String HEADER = "schemagate-canonical 1";

  /**
   * Deeper trees are refused: a work order is shallow, and a cyclic map must not recurse forever.
   */
  private static final int MAX_DEPTH = 32;

  /** Orders strings by Unicode code point, which is also the byte order of their UTF-8 encoding. */
  public static final Comparator<String> CODE_POINT_ORDER = CanonicalForm::compareCodePoints;

  private CanonicalForm() {}

  /** The canonical bytes of {@code fields}: the UTF-8 encoding of {@link #render(Map)}. */
  public static byte[] encode(Map<String, ?> fields) {
    return render(fields).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The canonical text of {@code fields}, for signing (through {@link #encode(Map)}) and for
   * showing an approver exactly what they sign.
   *
   * @throws IllegalArgumentException for a null, a key that is not a String, or a value of another
   *     type than String, List or Map; the message names the path
   */
  public static String render(Map<String, ?> fields) {
    if (fields == null) {
      throw new IllegalArgumentException("canonical form: the fields map is null");
    }
    StringBuilder out = new StringBuilder(256).append(HEADER).append('\n');
    for (String key : sortedKeys(fields, "")) {
      writeNode(out, quote(key), fields.get(key), 1);
    }
    return out.toString();
  }

  /** The lower-case hex SHA-256 of {@code bytes}, the form an {@link Approval} records. */
  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static void writeNode(StringBuilder out, String path, Object value, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(
          "canonical form: " + path + " is nested deeper than " + MAX_DEPTH + " levels (a cycle?)");
    }
    if (value instanceof String s) {
      out.append(path).append(" = ").append(quote(s)).append('\n');
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append(path).append(" = []\n");
      }
      for (int i = 0; i < list.size(); i++) {
        writeNode(out, path + "[" + i + "]", list.get(i), depth + 1);
      }
    } else if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append(path).append(" = {}\n");
      }
      for (String key : sortedKeys(map, path)) {
        writeNode(out, path + "." + quote(key), map.get(key), depth + 1);
      }
    } else if (value == null) {
      throw new IllegalArgumentException(
          "canonical form: "
              + path
              + " is null; leave the key out or use an empty string, whichever is meant");
    } else {
      throw new IllegalArgumentException(
          "canonical form: "
              + path
              + " is of type "
              + value.getClass().getSimpleName()
              + "; only String, List and Map are signed: convert it to a String explicitly");
    }
  }

  private static List<String> sortedKeys(Map<?, ?> map, String path) {
    List<String> keys = new ArrayList<>(map.size());
    for (Object key : map.keySet()) {
      if (!(key instanceof String s)) {
        throw new IllegalArgumentException(
            "canonical form: a key under "
                + (path.isEmpty() ? "the top level" : path)
                + " is "
                + (key == null ? "null" : "of type " + key.getClass().getSimpleName())
                + "; keys must be Strings");
      }
      keys.add(s);
    }
    keys.sort(CODE_POINT_ORDER);
    return keys;
  }

  /** Quotes and escapes {@code s} as the format describes. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          // An unpaired surrogate has no UTF-8 form: the encoder would turn every one of them into
          // the same '?', and two different strings would sign as the same bytes.
          if (cp < 0x20 || cp == 0x7f || (cp >= Character.MIN_SURROGATE && cp <= 0xdfff)) {
            out.append(String.format("\\u%04x", cp));
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}

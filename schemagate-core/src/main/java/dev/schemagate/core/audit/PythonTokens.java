package dev.schemagate.core.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * A small Python tokenizer for reading Alembic revision modules without running them.
 *
 * <p>It knows what a static reader must not get wrong: comments, string literals in every form
 * (single, double and triple quotes; {@code r b u f} prefixes in any case and combination;
 * backslash escapes), brackets spanning lines, backslash line continuations, and the indentation of
 * each logical line (which is how function bodies end). It does not build a syntax tree.
 *
 * <p>Trap: an unterminated string runs to the end of the file; that is recorded in {@link
 * Result#problems()} with the line where it starts, and the token still exists, so a broken file
 * yields fewer findings, never an exception. Cost is linear in the input.
 */
final class PythonTokens {

  private PythonTokens() {}

  enum Kind {
    NAME,
    STRING,
    NUMBER,
    OPEN,
    CLOSE,
    OP
  }

  /**
   * One token.
   *
   * @param text the source text (for a string: with prefix and quotes)
   * @param value for a STRING, its contents with common escapes decoded and f-string fields
   *     replaced by a placeholder word; else the text
   * @param line 1-based line where the token starts
   * @param lineStart true for the first token of a logical line
   * @param indent the indentation (columns) of the logical line this token belongs to
   */
  record Token(Kind kind, String text, String value, int line, boolean lineStart, int indent) {
    boolean is(String s) {
      return text.equals(s);
    }
  }

  record Result(List<Token> tokens, List<String> problems) {}

  /** Stands for an f-string replacement field in a decoded value, so SQL around it still lexes. */
  static final String FSTRING_FIELD = "fstring_field";

  static Result tokenize(String src) {
    List<Token> tokens = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int n = src.length();
    int i = 0;
    int line = 1;
    int depth = 0;
    boolean atLineStart = true; // next token starts a logical line
    int indent = 0;
    int lineIndent = 0;
    int column = 0; // columns since the last physical line start, for indentation
    boolean onlySpaceSoFar = true;
    while (i < n) {
      char c = src.charAt(i);
      if (c == '\n') {
        line++;
        i++;
        column = 0;
        onlySpaceSoFar = true;
        if (depth == 0) {
          atLineStart = true;
        }
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
        if (onlySpaceSoFar) {
          column += c == '\t' ? 8 - (column % 8) : 1;
        }
        i++;
        continue;
      }
      if (c == '\\' && i + 1 < n && src.charAt(i + 1) == '\n') {
        // Line continuation: the logical line goes on.
        i += 2;
        line++;
        onlySpaceSoFar = false;
        continue;
      }
      if (c == '#') {
        while (i < n && src.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (onlySpaceSoFar) {
        lineIndent = column;
        onlySpaceSoFar = false;
      }
      boolean start = atLineStart && depth == 0;
      if (start) {
        indent = lineIndent;
        atLineStart = false;
      }
      int tokenLine = line;
      int prefixEnd = stringPrefixEnd(src, i);
      if (prefixEnd >= 0) {
        String prefix = src.substring(i, prefixEnd).toLowerCase(java.util.Locale.ROOT);
        char quote = src.charAt(prefixEnd);
        boolean triple =
            prefixEnd + 2 < n
                && src.charAt(prefixEnd + 1) == quote
                && src.charAt(prefixEnd + 2) == quote;
        int bodyStart = prefixEnd + (triple ? 3 : 1);
        int j = bodyStart;
        int end = -1;
        while (j < n) {
          char d = src.charAt(j);
          if (d == '\\' && j + 1 < n) {
            if (src.charAt(j + 1) == '\n') {
              line++;
            }
            j += 2;
            continue;
          }
          if (d == '\n') {
            if (!triple) {
              break; // a single-quoted string cannot span lines
            }
            line++;
          }
          if (d == quote
              && (!triple
                  || (j + 2 < n && src.charAt(j + 1) == quote && src.charAt(j + 2) == quote))) {
            end = j;
            break;
          }
          j++;
        }
        String body;
        int next;
        if (end < 0) {
          problems.add("line " + tokenLine + ": unterminated string literal");
          body = src.substring(bodyStart, j);
          next = j;
        } else {
          body = src.substring(bodyStart, end);
          next = end + (triple ? 3 : 1);
        }
        String value = decode(body, prefix.contains("r"), prefix.contains("f"));
        tokens.add(new Token(Kind.STRING, src.substring(i, next), value, tokenLine, start, indent));
        i = next;
        continue;
      }
      if (Character.isLetter(c) || c == '_' || c > 127) {
        int j = i + 1;
        while (j < n) {
          char d = src.charAt(j);
          if (!(Character.isLetterOrDigit(d) || d == '_' || d > 127)) {
            break;
          }
          j++;
        }
        String word = src.substring(i, j);
        tokens.add(new Token(Kind.NAME, word, word, tokenLine, start, indent));
        i = j;
        continue;
      }
      if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(src.charAt(i + 1)))) {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(src.charAt(j)) || src.charAt(j) == '.')) {
          j++;
        }
        String number = src.substring(i, j);
        tokens.add(new Token(Kind.NUMBER, number, number, tokenLine, start, indent));
        i = j;
        continue;
      }
      Kind kind;
      if (c == '(' || c == '[' || c == '{') {
        depth++;
        kind = Kind.OPEN;
      } else if (c == ')' || c == ']' || c == '}') {
        // Unbalanced closers must not make depth negative: that would glue the rest of the
        // file into one logical line.
        depth = Math.max(0, depth - 1);
        kind = Kind.CLOSE;
      } else {
        kind = Kind.OP;
      }
      String op = String.valueOf(c);
      if (kind == Kind.OP && c == '-' && i + 1 < n && src.charAt(i + 1) == '>') {
        op = "->";
      } else if (kind == Kind.OP && c == '.' && src.startsWith("...", i)) {
        op = "...";
      }
      tokens.add(new Token(kind, op, op, tokenLine, start, indent));
      i += op.length();
    }
    if (depth > 0) {
      problems.add("unclosed bracket at the end of the file");
    }
    return new Result(List.copyOf(tokens), List.copyOf(problems));
  }

  /** If a string literal starts at {@code i}, the index of its opening quote; else -1. */
  private static int stringPrefixEnd(String src, int i) {
    int j = i;
    while (j < src.length() && j - i < 2 && "rRbBuUfF".indexOf(src.charAt(j)) >= 0) {
      j++;
    }
    if (j < src.length() && (src.charAt(j) == '\'' || src.charAt(j) == '"')) {
      return j;
    }
    return -1;
  }

  private static String decode(String body, boolean raw, boolean fstring) {
    StringBuilder out = new StringBuilder(body.length());
    for (int k = 0; k < body.length(); k++) {
      char c = body.charAt(k);
      if (c == '\\' && !raw && k + 1 < body.length()) {
        char e = body.charAt(++k);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case '\n' -> {} // escaped newline: joins lines
          case '\\', '\'', '"' -> out.append(e);
          default -> out.append('\\').append(e);
        }
      } else if (fstring && c == '{') {
        if (k + 1 < body.length() && body.charAt(k + 1) == '{') {
          out.append('{');
          k++;
        } else {
          int close = body.indexOf('}', k);
          out.append(FSTRING_FIELD);
          k = close < 0 ? body.length() : close;
        }
      } else if (fstring && c == '}' && k + 1 < body.length() && body.charAt(k + 1) == '}') {
        out.append('}');
        k++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}

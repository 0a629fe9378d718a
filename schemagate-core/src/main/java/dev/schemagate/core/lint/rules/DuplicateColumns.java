package dev.schemagate.core.lint.rules;

import dev.schemagate.core.lint.LintInput;
import dev.schemagate.core.lint.RuleContext;
import dev.schemagate.core.sql.ParsedStatement;
import dev.schemagate.core.sql.Token;
import dev.schemagate.core.sql.TokenKind;
import dev.schemagate.core.sql.ast.ColumnDef;
import dev.schemagate.core.sql.ast.CreateTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ban-duplicate-column-assignments: a column assigned twice in UPDATE / ON CONFLICT DO UPDATE /
 * MERGE SET lists, listed twice in an INSERT column list, or defined twice in CREATE [FOREIGN]
 * TABLE, CREATE VIEW (explicit list or output names) and SELECT ... INTO. Works on tokens, as most
 * of these statements are outside the parser's DDL subset.
 *
 * <p>Targets compare by column and subfield path: {@code a.x} and {@code a.y} are distinct, {@code
 * a} and {@code a.x} collide (the whole value and a part of it), {@code a[1]} and {@code a[2]} are
 * distinct. Names follow PostgreSQL case rules: {@code A} equals {@code a}, {@code "A"} does not.
 */
final class DuplicateColumns {
  private DuplicateColumns() {}

  /** A column reference: the column and its subfield/subscript path ("" for the whole column). */
  record Target(String column, String path) {
    boolean collidesWith(Target o) {
      return column.equals(o.column) && (path.isEmpty() || o.path.isEmpty() || path.equals(o.path));
    }
  }

  private static final Set<String> SELECT_END =
      Set.of(
          "from",
          "into",
          "where",
          "group",
          "having",
          "window",
          "order",
          "limit",
          "offset",
          "fetch",
          "for",
          "union",
          "intersect",
          "except");

  private static final Set<String> SET_END = Set.of("from", "where", "returning", "when", "on");

  static void check(LintInput in, RuleContext cx) {
    for (ParsedStatement ps : in.script().statements()) {
      List<Token> t = Support.code(ps);
      Set<String> dups = new LinkedHashSet<>();
      if (ps.stmt() instanceof CreateTable ct && ct.columns() != null && !ct.columns().isEmpty()) {
        List<Target> cols = new ArrayList<>();
        for (ColumnDef c : ct.columns()) {
          cols.add(new Target(c.name(), ""));
        }
        dups.addAll(duplicates(cols));
      } else if (isCreate(t, "table")) {
        dups.addAll(duplicates(tableColumns(t)));
      }
      if (isCreate(t, "view")) {
        dups.addAll(duplicates(viewColumns(t)));
      }
      if (!t.isEmpty() && t.get(0).isWord("select") && hasTopLevelWord(t, "into")) {
        dups.addAll(duplicates(selectNames(t, 0)));
      }
      for (int i = 0; i < t.size(); i++) {
        if (t.get(i).isWord("insert")) {
          dups.addAll(duplicates(insertColumns(t, i + 1)));
        } else if (t.get(i).isWord("set") && afterUpdate(t, i)) {
          dups.addAll(duplicates(setTargets(t, i + 1)));
        }
      }
      for (String d : dups) {
        cx.report(
            ps.line(),
            "column " + d + " is assigned or defined more than once",
            "PostgreSQL rejects the statement (\"multiple assignments to same column\" / \"column"
                + " specified more than once\"), or, in generated SQL, one value silently wins."
                + " Keep one assignment per column.");
      }
    }
  }

  static Set<String> duplicates(List<Target> targets) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < targets.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (targets.get(i).collidesWith(targets.get(j))) {
          out.add(targets.get(i).column());
        }
      }
    }
    return out;
  }

  private static boolean isCreate(List<Token> t, String object) {
    if (t.isEmpty() || !t.get(0).isWord("create")) {
      return false;
    }
    for (int i = 1; i < t.size() && i < 6; i++) {
      Token k = t.get(i);
      if (k.isWord(object)) {
        return true;
      }
      if (!(k.isWord("or")
          || k.isWord("replace")
          || k.isWord("temp")
          || k.isWord("temporary")
          || k.isWord("foreign")
          || k.isWord("materialized")
          || k.isWord("recursive")
          || k.isWord("unlogged")
          || k.isWord("global")
          || k.isWord("local"))) {
        return false;
      }
    }
    return false;
  }

  private static boolean hasTopLevelWord(List<Token> t, String word) {
    int depth = 0;
    for (Token k : t) {
      depth += k.kind() == TokenKind.LPAREN ? 1 : k.kind() == TokenKind.RPAREN ? -1 : 0;
      if (depth == 0 && k.isWord(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isName(Token k) {
    return k.kind() == TokenKind.WORD || k.kind() == TokenKind.QUOTED_IDENT;
  }

  /** Index of the RPAREN matching the LPAREN at {@code open}, or t.size(). */
  private static int close(List<Token> t, int open) {
    int depth = 0;
    for (int i = open; i < t.size(); i++) {
      if (t.get(i).kind() == TokenKind.LPAREN || t.get(i).kind() == TokenKind.LBRACKET) {
        depth++;
      } else if (t.get(i).kind() == TokenKind.RPAREN || t.get(i).kind() == TokenKind.RBRACKET) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return t.size();
  }

  /** Elements [from, to) split at top-level commas. */
  private static List<List<Token>> split(List<Token> t, int from, int to) {
    List<List<Token>> out = new ArrayList<>();
    List<Token> cur = new ArrayList<>();
    int depth = 0;
    for (int i = from; i < to && i < t.size(); i++) {
      Token k = t.get(i);
      if (k.kind() == TokenKind.LPAREN || k.kind() == TokenKind.LBRACKET) {
        depth++;
      } else if (k.kind() == TokenKind.RPAREN || k.kind() == TokenKind.RBRACKET) {
        depth--;
      }
      if (depth == 0 && k.kind() == TokenKind.COMMA) {
        out.add(cur);
        cur = new ArrayList<>();
      } else {
        cur.add(k);
      }
    }
    if (!cur.isEmpty()) {
      out.add(cur);
    }
    return out;
  }

  /** A target written as name [.field | [subscript]]*; null when the tokens are not one. */
  private static Target target(List<Token> e) {
    if (e.isEmpty() || !isName(e.get(0))) {
      return null;
    }
    StringBuilder path = new StringBuilder();
    for (int i = 1; i < e.size(); i++) {
      Token k = e.get(i);
      if (k.kind() == TokenKind.DOT
          || k.kind() == TokenKind.LBRACKET
          || k.kind() == TokenKind.RBRACKET) {
        path.append(k.text());
      } else {
        path.append(isName(k) ? k.identifier() : k.text());
      }
    }
    return new Target(e.get(0).identifier(), path.toString());
  }

  private static List<Target> targets(List<List<Token>> elements) {
    List<Target> out = new ArrayList<>();
    for (List<Token> e : elements) {
      Target tg = target(e);
      if (tg != null) {
        out.add(tg);
      }
    }
    return out;
  }

  /** INSERT INTO t [AS a] (cols) or MERGE's INSERT (cols). */
  private static List<Target> insertColumns(List<Token> t, int i) {
    if (i < t.size() && t.get(i).isWord("into")) {
      i++;
      while (i < t.size()
          && (isName(t.get(i)) || t.get(i).kind() == TokenKind.DOT)
          && !t.get(i).isWord("values")
          && !t.get(i).isWord("select")
          && !t.get(i).isWord("default")
          && !t.get(i).isWord("overriding")) {
        i++;
      }
    }
    if (i < t.size() && t.get(i).kind() == TokenKind.LPAREN) {
      int end = close(t, i);
      List<List<Token>> els = split(t, i + 1, end);
      // a parenthesised SELECT is not a column list
      if (!els.isEmpty() && !els.get(0).isEmpty() && els.get(0).get(0).isWord("select")) {
        return List.of();
      }
      return targets(els);
    }
    return List.of();
  }

  /** Whether the SET at {@code i} belongs to an UPDATE (UPDATE t [AS a] SET / DO UPDATE SET). */
  private static boolean afterUpdate(List<Token> t, int i) {
    for (int j = i - 1; j >= 0 && j >= i - 6; j--) {
      if (t.get(j).isWord("update")) {
        return true;
      }
      if (!isName(t.get(j)) && t.get(j).kind() != TokenKind.DOT) {
        return false;
      }
    }
    return false;
  }

  /**
   * Where a clause starting at {@code from} ends: at the first of {@code endWords} outside
   * parentheses, at a closing parenthesis of an enclosing group, or at the end of the tokens.
   */
  private static int clauseEnd(List<Token> t, int from, Set<String> endWords) {
    int depth = 0;
    for (int end = from; end < t.size(); end++) {
      Token k = t.get(end);
      depth += k.kind() == TokenKind.LPAREN ? 1 : k.kind() == TokenKind.RPAREN ? -1 : 0;
      if (depth < 0
          || (depth == 0
              && k.kind() == TokenKind.WORD
              && endWords.contains(k.text().toLowerCase(Locale.ROOT)))) {
        return end;
      }
    }
    return t.size();
  }

  private static List<Target> setTargets(List<Token> t, int from) {
    int end = clauseEnd(t, from, SET_END);
    List<Target> out = new ArrayList<>();
    for (List<Token> e : split(t, from, end)) {
      int eq = -1;
      int d = 0;
      for (int j = 0; j < e.size(); j++) {
        Token k = e.get(j);
        d += k.kind() == TokenKind.LPAREN ? 1 : k.kind() == TokenKind.RPAREN ? -1 : 0;
        if (d == 0 && k.kind() == TokenKind.OPERATOR && k.text().equals("=")) {
          eq = j;
          break;
        }
      }
      if (eq <= 0) {
        continue;
      }
      List<Token> lhs = e.subList(0, eq);
      if (lhs.get(0).kind() == TokenKind.LPAREN) {
        out.addAll(targets(split(lhs, 1, close(lhs, 0))));
      } else {
        Target tg = target(lhs);
        if (tg != null) {
          out.add(tg);
        }
      }
    }
    return out;
  }

  /** CREATE [FOREIGN] TABLE name ( col type, ..., constraints ). */
  private static List<Target> tableColumns(List<Token> t) {
    int open = indexOf(t, TokenKind.LPAREN, 0);
    if (open < 0 || hasWordBefore(t, "as", open)) {
      return List.of();
    }
    List<Target> out = new ArrayList<>();
    for (List<Token> e : split(t, open + 1, close(t, open))) {
      if (e.isEmpty() || !isName(e.get(0))) {
        continue;
      }
      Token f = e.get(0);
      if (f.kind() == TokenKind.WORD
          && Set.of("constraint", "primary", "unique", "check", "foreign", "exclude", "like")
              .contains(f.text().toLowerCase(Locale.ROOT))) {
        continue;
      }
      out.add(new Target(f.identifier(), ""));
    }
    return out;
  }

  /** CREATE VIEW v [(cols)] AS SELECT ...: the explicit list, else the SELECT's output names. */
  private static List<Target> viewColumns(List<Token> t) {
    int as = -1;
    for (int i = 0; i < t.size(); i++) {
      if (t.get(i).isWord("as")) {
        as = i;
        break;
      }
      if (t.get(i).kind() == TokenKind.LPAREN) {
        int end = close(t, i);
        return targets(split(t, i + 1, end));
      }
    }
    if (as < 0) {
      return List.of();
    }
    for (int i = as + 1; i < t.size(); i++) {
      if (t.get(i).isWord("select")) {
        return selectNames(t, i);
      }
      if (t.get(i).kind() != TokenKind.LPAREN) {
        return List.of(); // VALUES, WITH ...: not inferred
      }
    }
    return List.of();
  }

  /** Output column names of the SELECT at {@code select}, as PostgreSQL infers them. */
  private static List<Target> selectNames(List<Token> t, int select) {
    int i = select + 1;
    if (i < t.size() && (t.get(i).isWord("all") || t.get(i).isWord("distinct"))) {
      i++;
      if (i < t.size() && t.get(i).isWord("on") && i + 1 < t.size()) {
        i = close(t, i + 1) + 1;
      }
    }
    int end = clauseEnd(t, i, SELECT_END);
    List<Target> out = new ArrayList<>();
    for (List<Token> e : split(t, i, end)) {
      String name = outputName(e);
      if (name != null) {
        out.add(new Target(name, ""));
      }
    }
    return out;
  }

  private static String outputName(List<Token> e) {
    if (e.isEmpty()) {
      return null;
    }
    Token last = e.get(e.size() - 1);
    if (last.kind() == TokenKind.OPERATOR && last.text().equals("*")) {
      return null; // star expansion: names unknown here
    }
    if (e.size() >= 2 && isName(last)) {
      Token prev = e.get(e.size() - 2);
      if (prev.isWord("as")) {
        return last.identifier();
      }
      if (prev.kind() == TokenKind.DOT) {
        return last.identifier();
      }
      if (prev.kind() == TokenKind.OPERATOR && prev.text().equals("::")) {
        return last.identifier();
      }
      if (last.kind() == TokenKind.QUOTED_IDENT
          || !Set.of("null", "end", "true", "false").contains(last.identifier())) {
        return last.identifier(); // bare alias: expr name
      }
    }
    if (e.size() == 1 && isName(last)) {
      String n = last.identifier();
      return Set.of("null", "true", "false").contains(n) ? "?column?" : n;
    }
    Token first = e.get(0);
    if (first.isWord("case")) {
      return "case";
    }
    if (isName(first)
        && e.size() > 1
        && e.get(1).kind() == TokenKind.LPAREN
        && close(e, 1) == e.size() - 1) {
      return first.identifier();
    }
    return "?column?";
  }

  private static int indexOf(List<Token> t, TokenKind kind, int from) {
    for (int i = from; i < t.size(); i++) {
      if (t.get(i).kind() == kind) {
        return i;
      }
    }
    return -1;
  }

  private static boolean hasWordBefore(List<Token> t, String word, int before) {
    for (int i = 0; i < before; i++) {
      if (t.get(i).isWord(word)) {
        return true;
      }
    }
    return false;
  }
}

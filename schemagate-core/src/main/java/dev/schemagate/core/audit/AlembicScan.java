package dev.schemagate.core.audit;

import dev.schemagate.core.audit.PythonTokens.Kind;
import dev.schemagate.core.audit.PythonTokens.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an Alembic revision module does, read statically: its {@code op.*} calls, the SQL it hands
 * to {@code execute(...)}, and whether its {@code downgrade()} does anything.
 *
 * <p>Where things happen: every call is attributed to the {@link Part} it runs in. Top-level
 * functions named {@code upgrade}/{@code upgrade_*} and {@code downgrade}/{@code downgrade_*} are
 * the roots; a module-level helper they call (directly or through other helpers) runs in the part
 * of its callers, or in {@link Part#SHARED} when both call it. Calls in functions nobody calls, and
 * at module level, are {@link Part#MODULE}.
 *
 * <p>Which SQL is seen: the first positional argument of any {@code .execute(...)} or {@code
 * .exec_driver_sql(...)} call ({@code op.execute}, {@code conn.execute}, {@code
 * db.session.execute}), when it is a string literal (implicit concatenation, {@code .format(...)}
 * and {@code %} formatting keep the literal), {@code text("...")}/{@code sa.text("...")}, or a name
 * assigned one of those earlier in the same function or at module level. A SQLAlchemy Core builder
 * ({@code table.update()...}, {@code select(...)}) is recognised as DML or a query without SQL
 * text; anything else (an imported name, a computed string) is {@link Execute#dynamic() dynamic}:
 * the audit says it cannot see it.
 *
 * <p>Trap: this is not Python. Code that builds {@code op} calls by reflection, aliases {@code op}
 * under another name, or defines {@code upgrade} inside a class is read as written, not as run.
 */
final class AlembicScan {

  /** Where a call runs. */
  enum Part {
    UPGRADE,
    DOWNGRADE,
    /** Reached from both upgrade and downgrade. */
    SHARED,
    /** Module level, or a function neither calls. */
    MODULE;

    boolean inUpgrade() {
      return this == UPGRADE || this == SHARED;
    }

    boolean inDowngrade() {
      return this == DOWNGRADE || this == SHARED;
    }
  }

  /** One {@code op.<name>(...)} call (or a batch operation's). */
  record OpCall(String name, int line, Part part, boolean concurrently) {}

  /**
   * One execute call.
   *
   * @param via the callee as written, e.g. {@code op.execute} or {@code connection.execute}
   * @param sql the SQL text when it could be read statically; else null
   * @param builderDml true for a SQLAlchemy Core insert/update/delete expression
   * @param dynamic true when neither SQL text nor a recognised builder could be seen
   * @param argument the argument as written (shortened), for messages
   */
  record Execute(
      String via,
      int line,
      Part part,
      String sql,
      boolean builderDml,
      boolean dynamic,
      String argument) {}

  /**
   * The result.
   *
   * @param hasUpgrade a top-level {@code def upgrade} exists
   * @param hasDowngrade a top-level {@code def downgrade} exists
   * @param downgradeNoOp the downgrade body holds nothing but {@code pass}, {@code ...}, docstrings
   *     and comments
   * @param downgradeLine the line of {@code def downgrade}, 0 when there is none
   * @param autocommitBlock the module uses {@code autocommit_block()}: part of it runs outside the
   *     migration's transaction
   * @param problems tokenizer problems (unterminated strings, unclosed brackets)
   */
  record Result(
      boolean hasUpgrade,
      boolean hasDowngrade,
      boolean upgradeNoOp,
      boolean downgradeNoOp,
      int downgradeLine,
      List<OpCall> opCalls,
      List<Execute> executes,
      boolean autocommitBlock,
      int autocommitLine,
      List<String> problems) {}

  private record Function(String name, int defLine, int bodyFrom, int bodyTo) {}

  private final List<Token> t;
  private final Map<String, Function> functions = new HashMap<>();
  private final String[] owner;

  private AlembicScan(List<Token> tokens) {
    this.t = tokens;
    this.owner = new String[tokens.size()];
  }

  static Result scan(String source) {
    PythonTokens.Result tokens = PythonTokens.tokenize(source);
    return new AlembicScan(tokens.tokens()).run(tokens.problems());
  }

  private Result run(List<String> problems) {
    findFunctions();
    Map<String, Part> parts = parts();
    Set<String> opAliases = new HashSet<>(Set.of("op"));
    boolean autocommit = false;
    int autocommitLine = 0;
    List<OpCall> ops = new ArrayList<>();
    List<Execute> executes = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      Token tok = t.get(i);
      if (tok.kind() != Kind.NAME) {
        continue;
      }
      if (tok.is("autocommit_block") && !autocommit) {
        autocommit = true;
        autocommitLine = tok.line();
      }
      // with op.batch_alter_table(...) as batch_op:  -> batch_op.<name>() counts as an op call
      if (tok.is("as") && i + 1 < t.size() && t.get(i + 1).kind() == Kind.NAME) {
        if (withHeadMentions(i, "batch_alter_table")) {
          opAliases.add(t.get(i + 1).text());
        }
      }
      boolean afterDot = i > 0 && t.get(i - 1).is(".");
      if (!afterDot
          && opAliases.contains(tok.text())
          && i + 3 < t.size()
          && t.get(i + 1).is(".")
          && t.get(i + 2).kind() == Kind.NAME
          && t.get(i + 3).is("(")) {
        Part part = partAt(i, parts);
        int close = matching(i + 3);
        ops.add(
            new OpCall(t.get(i + 2).text(), tok.line(), part, mentionsConcurrently(i + 4, close)));
      }
      if (afterDot
          && (tok.is("execute") || tok.is("exec_driver_sql"))
          && i + 1 < t.size()
          && t.get(i + 1).is("(")) {
        executes.add(execute(i, partAt(i, parts)));
      }
    }
    Function up = functions.get("upgrade");
    Function down = functions.get("downgrade");
    return new Result(
        up != null,
        down != null,
        up != null && noOp(up),
        down != null && noOp(down),
        down == null ? 0 : down.defLine(),
        List.copyOf(ops),
        List.copyOf(executes),
        autocommit,
        autocommitLine,
        problems);
  }

  private void findFunctions() {
    for (int i = 0; i < t.size(); i++) {
      Token tok = t.get(i);
      boolean def =
          tok.is("def")
              && tok.kind() == Kind.NAME
              && tok.indent() == 0
              && (tok.lineStart() || (i > 0 && t.get(i - 1).is("async")));
      if (!def || i + 1 >= t.size() || t.get(i + 1).kind() != Kind.NAME) {
        continue;
      }
      String name = t.get(i + 1).text();
      int k = i + 2;
      if (k < t.size() && t.get(k).is("(")) {
        k = matching(k) + 1;
      }
      while (k < t.size() && !t.get(k).is(":") && !t.get(k).lineStart()) {
        k++; // return annotation
      }
      int bodyFrom = Math.min(k + 1, t.size());
      int bodyTo = bodyFrom;
      while (bodyTo < t.size() && !(t.get(bodyTo).lineStart() && t.get(bodyTo).indent() == 0)) {
        bodyTo++;
      }
      // A later definition with the same name wins, as in Python.
      functions.put(name, new Function(name, tok.line(), bodyFrom, bodyTo));
      for (int j = i; j < bodyTo; j++) {
        owner[j] = name;
      }
      i = bodyTo - 1;
    }
  }

  /** Which part each top-level function runs in, by reachability from the entry points. */
  private Map<String, Part> parts() {
    Map<String, Set<String>> calls = new HashMap<>();
    for (Function f : functions.values()) {
      Set<String> callees = new HashSet<>();
      for (int i = f.bodyFrom(); i < f.bodyTo(); i++) {
        Token tok = t.get(i);
        if (tok.kind() == Kind.NAME
            && functions.containsKey(tok.text())
            && !(i > 0 && t.get(i - 1).is("."))
            && i + 1 < t.size()
            && t.get(i + 1).is("(")) {
          callees.add(tok.text());
        }
      }
      calls.put(f.name(), callees);
    }
    Set<String> fromUp = reach(calls, "upgrade");
    Set<String> fromDown = reach(calls, "downgrade");
    Map<String, Part> parts = new HashMap<>();
    for (String name : functions.keySet()) {
      boolean u = fromUp.contains(name);
      boolean d = fromDown.contains(name);
      parts.put(name, u && d ? Part.SHARED : u ? Part.UPGRADE : d ? Part.DOWNGRADE : Part.MODULE);
    }
    return parts;
  }

  private Set<String> reach(Map<String, Set<String>> calls, String prefix) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    for (String name : functions.keySet()) {
      if (name.equals(prefix) || name.startsWith(prefix + "_")) {
        todo.add(name);
      }
    }
    while (!todo.isEmpty()) {
      String f = todo.poll();
      if (seen.add(f)) {
        todo.addAll(calls.getOrDefault(f, Set.of()));
      }
    }
    return seen;
  }

  private Part partAt(int i, Map<String, Part> parts) {
    String f = owner[i];
    return f == null ? Part.MODULE : parts.getOrDefault(f, Part.MODULE);
  }

  /** Whether the logical line holding token {@code i} mentions {@code word} before it. */
  private boolean withHeadMentions(int i, String word) {
    for (int k = i; k >= 0; k--) {
      if (t.get(k).is(word)) {
        return true;
      }
      if (t.get(k).lineStart()) {
        return false;
      }
    }
    return false;
  }

  /** The body holds only {@code pass}, {@code ...} and bare string literals (docstrings). */
  private boolean noOp(Function f) {
    for (int i = f.bodyFrom(); i < f.bodyTo(); i++) {
      Token tok = t.get(i);
      boolean statementAlone =
          i + 1 >= f.bodyTo() || t.get(i + 1).lineStart() || t.get(i + 1).is(";");
      if (tok.is(";")) {
        continue;
      }
      if ((tok.is("pass") || tok.is("...") || tok.kind() == Kind.STRING) && statementAlone) {
        continue;
      }
      if (tok.kind() == Kind.STRING && i + 1 < f.bodyTo() && t.get(i + 1).kind() == Kind.STRING) {
        continue; // implicitly concatenated docstring
      }
      return false;
    }
    return true;
  }

  private boolean mentionsConcurrently(int from, int to) {
    for (int k = from; k < to && k < t.size(); k++) {
      if (t.get(k).is("postgresql_concurrently")
          && k + 2 < t.size()
          && t.get(k + 1).is("=")
          && t.get(k + 2).is("True")) {
        return true;
      }
    }
    return false;
  }

  /** Index of the bracket closing the one at {@code open}, or the last token when unclosed. */
  private int matching(int open) {
    int depth = 0;
    for (int k = open; k < t.size(); k++) {
      Kind kind = t.get(k).kind();
      if (kind == Kind.OPEN) {
        depth++;
      } else if (kind == Kind.CLOSE) {
        depth--;
        if (depth == 0) {
          return k;
        }
      }
    }
    return t.size() - 1;
  }

  private Execute execute(int nameIndex, Part part) {
    String via = receiver(nameIndex) + t.get(nameIndex).text();
    int open = nameIndex + 1;
    int close = matching(open);
    int[] arg = firstPositional(open + 1, close);
    Classified c =
        arg == null ? new Classified(null, false, true) : classify(arg[0], arg[1], nameIndex, 0);
    String shown = arg == null ? "" : shorten(arg[0], arg[1]);
    return new Execute(
        via, t.get(nameIndex).line(), part, c.sql(), c.builderDml(), c.dynamic(), shown);
  }

  /** The dotted receiver before {@code .execute}, e.g. {@code db.session.} */
  private String receiver(int nameIndex) {
    StringBuilder out = new StringBuilder(".");
    int k = nameIndex - 2;
    while (k >= 0 && t.get(k).kind() == Kind.NAME) {
      out.insert(0, t.get(k).text());
      if (k >= 1 && t.get(k - 1).is(".")) {
        out.insert(0, ".");
        k -= 2;
      } else {
        break;
      }
    }
    return out.toString();
  }

  /** [from, to) of the first argument not written {@code name=value}; null when none. */
  private int[] firstPositional(int from, int to) {
    int k = from;
    while (k < to) {
      int end = k;
      int depth = 0;
      while (end < to && !(depth == 0 && t.get(end).is(","))) {
        Kind kind = t.get(end).kind();
        if (kind == Kind.OPEN) {
          depth++;
        } else if (kind == Kind.CLOSE) {
          depth--;
        }
        end++;
      }
      boolean keyword =
          end - k >= 2
              && t.get(k).kind() == Kind.NAME
              && t.get(k + 1).is("=")
              && !(k + 2 < end && t.get(k + 2).is("="));
      boolean star = t.get(k).is("*");
      if (end > k && !keyword && !star) {
        return new int[] {k, end};
      }
      k = end + 1;
    }
    return null;
  }

  private record Classified(String sql, boolean builderDml, boolean dynamic) {}

  private static final Set<String> DML_BUILDERS = Set.of("update", "insert", "delete");

  /** What the expression in tokens [from, to) is, as far as SQL goes. */
  private Classified classify(int from, int to, int useIndex, int hops) {
    if (from >= to) {
      return new Classified(null, false, true);
    }
    Token first = t.get(from);
    if (first.kind() == Kind.STRING) {
      StringBuilder sql = new StringBuilder();
      int k = from;
      while (k < to && t.get(k).kind() == Kind.STRING) {
        sql.append(t.get(k).value());
        k++;
      }
      // Whatever follows (.format(...), % args, + more) only fills in values.
      return new Classified(sql.toString(), false, false);
    }
    // text("..."), sa.text("..."), sqlalchemy.text("...")
    int k = from;
    while (k + 1 < to && t.get(k).kind() == Kind.NAME && t.get(k + 1).is(".")) {
      k += 2;
    }
    if (k + 1 < to && t.get(k).is("text") && t.get(k + 1).is("(")) {
      int close = matching(k + 1);
      int[] inner = firstPositional(k + 2, close);
      if (inner != null) {
        return classify(inner[0], inner[1], useIndex, hops);
      }
    }
    if (to - from == 1 && first.kind() == Kind.NAME && hops < 4) {
      int[] value = assignment(first.text(), useIndex);
      if (value != null) {
        return classify(value[0], value[1], value[0], hops + 1);
      }
    }
    boolean dml = false;
    boolean query = false;
    for (int j = from; j + 1 < to; j++) {
      if (t.get(j).kind() == Kind.NAME && t.get(j + 1).is("(")) {
        String name = t.get(j).text();
        if (DML_BUILDERS.contains(name)) {
          dml = true;
        } else if (name.equals("select") || name.equals("select_from")) {
          query = true;
        }
      }
    }
    return new Classified(null, dml, !dml && !query);
  }

  /**
   * The value tokens of the last {@code name = ...} before {@code before}, in the same function or
   * at module level; null when there is none.
   */
  private int[] assignment(String name, int before) {
    String scope = owner[before];
    int[] moduleLevel = null;
    for (int k = 0; k < t.size(); k++) {
      Token tok = t.get(k);
      if (!(tok.lineStart() && tok.is(name) && k + 2 < t.size() && t.get(k + 1).is("="))) {
        continue;
      }
      boolean sameScope = scope != null && scope.equals(owner[k]) && k < before;
      boolean module = owner[k] == null;
      if (!sameScope && !module) {
        continue;
      }
      int end = k + 2;
      while (end < t.size() && !t.get(end).lineStart()) {
        end++;
      }
      int[] value = {k + 2, end};
      if (sameScope) {
        moduleLevel = null;
        return lastInScope(name, scope, before, value);
      }
      moduleLevel = value;
    }
    return moduleLevel;
  }

  private int[] lastInScope(String name, String scope, int before, int[] first) {
    int[] last = first;
    for (int k = first[1]; k < before; k++) {
      Token tok = t.get(k);
      if (tok.lineStart() && tok.is(name) && scope.equals(owner[k]) && t.get(k + 1).is("=")) {
        int end = k + 2;
        while (end < t.size() && !t.get(end).lineStart()) {
          end++;
        }
        last = new int[] {k + 2, end};
      }
    }
    return last;
  }

  private String shorten(int from, int to) {
    StringBuilder out = new StringBuilder();
    for (int k = from; k < to && out.length() < 60; k++) {
      out.append(t.get(k).text());
    }
    String s = out.toString().replaceAll("\\s+", " ");
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}

package dev.schemagate.core.lint;

import dev.schemagate.core.lint.rules.SquawkRules;
import dev.schemagate.core.sql.ParseProblem;
import dev.schemagate.core.sql.ParsedStatement;
import dev.schemagate.core.sql.Token;
import dev.schemagate.core.sql.TokenKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a fixed set of rules over one parsed file and applies inline suppressions.
 *
 * <p>Besides rule findings it reports, under fixed ids whose severity can be overridden in {@link
 * LintSettings#severities()}:
 *
 * <ul>
 *   <li>{@value #PARSE_ERROR}: each {@code ParseProblem} of the script (an unterminated string,
 *       binary content, ...), at its line. Linting never throws on bad input.
 *   <li>{@value #IGNORE_WITHOUT_REASON}: a {@code -- schemagate:ignore <rule>} comment without a
 *       reason. Such a comment suppresses nothing: the reason is what a reviewer reads.
 *   <li>{@value #UNUSED_IGNORE}: an ignore comment that suppressed no finding (a stale waiver, a
 *       misspelt rule id, or one with no statement after it).
 *   <li>{@value #RULE_FAILED}: a rule threw; the other rules still run.
 * </ul>
 *
 * <p>An ignore comment applies to the statement on the same line when there is one, otherwise to
 * the next statement, and suppresses findings of the named rule (id or alias) reported anywhere in
 * that statement. Compatibility: a comment {@code -- squawk-disable-assume-in-transaction} marks
 * the file as not run in a transaction, as in squawk.
 */
public final class Linter {
  public static final String PARSE_ERROR = "parse-error";
  public static final String IGNORE_WITHOUT_REASON = "ignore-without-reason";
  public static final String UNUSED_IGNORE = "unused-ignore";
  public static final String RULE_FAILED = "rule-failed";

  private static final String IGNORE_MARK = "schemagate:ignore";
  private static final String SQUAWK_NO_TX = "squawk-disable-assume-in-transaction";

  private final List<Rule> rules;
  private final Map<String, Rule> byName;

  private Linter(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    Map<String, Rule> names = new HashMap<>();
    for (Rule r : this.rules) {
      if (names.put(r.id(), r) != null) {
        throw new IllegalArgumentException("two rules with id " + r.id());
      }
      for (String alias : r.aliases()) {
        names.putIfAbsent(alias, r);
      }
    }
    this.byName = Map.copyOf(names);
  }

  /** A linter running exactly {@code rules} (at their configured severities). */
  public static Linter withRules(List<? extends Rule> rules) {
    return new Linter(List.copyOf(rules));
  }

  /** A linter running exactly {@code rules}. */
  public static Linter withRules(Rule... rules) {
    return new Linter(List.of(rules));
  }

  /** A linter with schemagate's implementation of squawk's rule set. */
  public static Linter squawkRules() {
    return new Linter(SquawkRules.all());
  }

  /** The rules, in the order they run. */
  public List<Rule> rules() {
    return rules;
  }

  /** The rule with this id or alias, or null. */
  public Rule rule(String idOrAlias) {
    return byName.get(idOrAlias);
  }

  /** Lints one file. Findings are sorted by line, then rule id; suppressed findings are dropped. */
  public List<Finding> lint(LintInput in) {
    Objects.requireNonNull(in, "in");
    LintSettings settings = in.settings();
    LintInput effective = in;
    for (Token c : in.script().comments()) {
      if (commentBody(c).toLowerCase(Locale.ROOT).startsWith(SQUAWK_NO_TX)) {
        effective = new LintInput(in.file(), in.script(), false, settings);
        break;
      }
    }

    List<Finding> raw = new ArrayList<>();
    for (ParseProblem p : in.script().problems()) {
      Severity s = settings.severityOf(PARSE_ERROR, Severity.ERROR);
      if (s != Severity.OFF) {
        raw.add(
            new Finding(
                PARSE_ERROR,
                s,
                in.file(),
                p.line(),
                p.message(),
                "Until this line reads as SQL, the rules may miss problems after it; fix the file"
                    + " at this line as the message says."));
      }
    }
    for (Rule rule : rules) {
      Severity s = settings.severityOf(rule);
      if (s == Severity.OFF) {
        continue;
      }
      RuleContext cx = new RuleContext(rule, s, effective);
      try {
        rule.check(effective, cx);
        raw.addAll(cx.findings());
      } catch (RuntimeException e) {
        raw.add(
            new Finding(
                RULE_FAILED,
                Severity.ERROR,
                in.file(),
                1,
                "rule " + rule.id() + " failed on this file: " + e,
                "This is a bug in schemagate; the other rules still ran. Report it with the file,"
                    + " or disable the rule for now."));
      }
    }

    List<Finding> out = applyIgnores(effective, raw);
    out.sort(
        Comparator.comparingInt(Finding::line)
            .thenComparing(Finding::rule)
            .thenComparing(Finding::message));
    return List.copyOf(out);
  }

  private record Ignore(Token comment, String ruleName, String reason, int from, int to) {}

  private List<Finding> applyIgnores(LintInput in, List<Finding> raw) {
    List<ParsedStatement> stmts = in.script().statements();
    List<Finding> extra = new ArrayList<>();
    List<Ignore> ignores = new ArrayList<>();
    for (Token c : in.script().comments()) {
      String body = commentBody(c);
      if (!body.toLowerCase(Locale.ROOT).startsWith(IGNORE_MARK)) {
        continue;
      }
      String rest = body.substring(IGNORE_MARK.length()).strip();
      String[] parts = rest.split("\\s+", 2);
      String ruleName = parts[0];
      String reason = parts.length > 1 ? parts[1].strip() : "";
      if (ruleName.isEmpty() || reason.isEmpty()) {
        Severity s = in.settings().severityOf(IGNORE_WITHOUT_REASON, Severity.ERROR);
        if (s != Severity.OFF) {
          extra.add(
              new Finding(
                  IGNORE_WITHOUT_REASON,
                  s,
                  in.file(),
                  c.line(),
                  ruleName.isEmpty()
                      ? "schemagate:ignore names no rule"
                      : "schemagate:ignore " + ruleName + " gives no reason",
                  "An ignore is a waiver a reviewer must be able to judge; write"
                      + " `-- schemagate:ignore <rule> <why this is safe here>`. Until then it"
                      + " suppresses nothing."));
        }
        continue;
      }
      int[] range = targetRange(stmts, c.line());
      ignores.add(new Ignore(c, ruleName, reason, range[0], range[1]));
    }

    boolean[] used = new boolean[ignores.size()];
    List<Finding> kept = new ArrayList<>();
    for (Finding f : raw) {
      boolean suppressed = false;
      for (int i = 0; i < ignores.size(); i++) {
        Ignore ig = ignores.get(i);
        if (f.line() >= ig.from() && f.line() <= ig.to() && names(f.rule(), ig.ruleName())) {
          used[i] = true;
          suppressed = true;
        }
      }
      if (!suppressed) {
        kept.add(f);
      }
    }
    Severity unusedSeverity = in.settings().severityOf(UNUSED_IGNORE, Severity.WARNING);
    for (int i = 0; i < ignores.size() && unusedSeverity != Severity.OFF; i++) {
      Ignore ig = ignores.get(i);
      Rule named = byName.get(ig.ruleName());
      if (used[i] || (named != null && in.settings().severityOf(named) == Severity.OFF)) {
        continue; // a waiver for a rule switched off in configuration is not stale
      }
      String why =
          named == null && !isFrameworkId(ig.ruleName())
              ? "no rule is called " + ig.ruleName()
              : ig.from() > ig.to()
                  ? "no statement follows it"
                  : ig.ruleName() + " reports nothing on the statement it applies to";
      kept.add(
          new Finding(
              UNUSED_IGNORE,
              unusedSeverity,
              in.file(),
              ig.comment().line(),
              "schemagate:ignore " + ig.ruleName() + " suppresses nothing: " + why,
              "A stale waiver hides the next real problem of that kind on this statement; remove"
                  + " it or correct the rule id."));
    }
    kept.addAll(extra);
    return kept;
  }

  private boolean names(String findingRule, String ignoreName) {
    if (findingRule.equals(ignoreName)) {
      return true;
    }
    Rule r = byName.get(ignoreName);
    return r != null && r.id().equals(findingRule);
  }

  private static boolean isFrameworkId(String id) {
    return id.equals(PARSE_ERROR) || id.equals(RULE_FAILED);
  }

  /** Lines [from, to] of the statement an ignore comment on {@code line} applies to. */
  private static int[] targetRange(List<ParsedStatement> stmts, int line) {
    for (ParsedStatement s : stmts) {
      int end = endLine(s);
      if (s.line() <= line && line <= end) {
        return new int[] {s.line(), end};
      }
      if (s.line() > line) {
        return new int[] {s.line(), end};
      }
    }
    return new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE};
  }

  /** The last line a statement occupies (its start line when it has no tokens). */
  static int endLine(ParsedStatement s) {
    int end = s.line();
    List<Token> tokens = s.tokens();
    if (tokens != null && !tokens.isEmpty()) {
      Token last = tokens.get(tokens.size() - 1);
      int nl = 0;
      String t = last.text();
      for (int i = 0; i < t.length(); i++) {
        if (t.charAt(i) == '\n') {
          nl++;
        }
      }
      end = Math.max(end, last.line() + nl);
    } else if (s.sql() != null) {
      end = s.line() + (int) s.sql().chars().filter(ch -> ch == '\n').count();
    }
    return end;
  }

  /** The text of a comment token without its delimiters, stripped. */
  static String commentBody(Token c) {
    if (c.kind() != TokenKind.COMMENT) {
      return "";
    }
    String t = c.text();
    if (t.startsWith("--")) {
      t = t.substring(2);
    } else if (t.startsWith("/*")) {
      t = t.substring(2, t.endsWith("*/") && t.length() >= 4 ? t.length() - 2 : t.length());
    }
    return t.strip();
  }
}

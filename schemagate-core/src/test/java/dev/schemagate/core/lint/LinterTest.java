package dev.schemagate.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.sql.ParseProblem;
import dev.schemagate.core.sql.ParsedScript;
import dev.schemagate.core.sql.ParsedStatement;
import dev.schemagate.core.sql.Token;
import dev.schemagate.core.sql.TokenKind;
import dev.schemagate.core.sql.ast.Drop;
import dev.schemagate.core.sql.ast.QualifiedName;
import dev.schemagate.core.sql.ast.Select;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The framework on hand-built scripts: no parser involved. */
class LinterTest {
  private static final Path FILE = Path.of("V1__x.sql");

  /** Flags every DROP statement; a stand-in rule so these tests do not depend on real rules. */
  private static final Rule NO_DROP =
      new Rule() {
        @Override
        public String id() {
          return "no-drop";
        }

        @Override
        public List<String> aliases() {
          return List.of("squawk-no-drop");
        }

        @Override
        public Severity defaultSeverity() {
          return Severity.WARNING;
        }

        @Override
        public String summary() {
          return "test rule";
        }

        @Override
        public void check(LintInput in, RuleContext cx) {
          for (ParsedStatement s : in.script().statements()) {
            if (s.stmt() instanceof Drop) {
              cx.report(s.line(), "drop", "because");
            }
          }
        }
      };

  private static ParsedStatement drop(int line) {
    String sql = "DROP TABLE t";
    return new ParsedStatement(
        new Drop("TABLE", List.of(new QualifiedName(null, "t")), false, false, null, line, sql),
        sql,
        line,
        List.of(new Token(TokenKind.WORD, "DROP", line, 0)));
  }

  private static ParsedStatement select(int line) {
    return new ParsedStatement(
        new Select(line, "SELECT 1"),
        "SELECT 1",
        line,
        List.of(new Token(TokenKind.WORD, "SELECT", line, 0)));
  }

  private static Token comment(String text, int line) {
    return new Token(TokenKind.COMMENT, text, line, 0);
  }

  private static List<Finding> lint(ParsedScript script) {
    return Linter.withRules(NO_DROP).lint(LintInput.of(FILE, script, LintSettings.defaults()));
  }

  @Test
  void reportsRuleFindingsWithFileLineAndSeverity() {
    List<Finding> f = lint(new ParsedScript(List.of(select(1), drop(2)), List.of(), List.of()));
    assertThat(f)
        .extracting(Finding::rule, Finding::line, Finding::severity, Finding::file)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("no-drop", 2, Severity.WARNING, FILE));
  }

  @Test
  void turnsParseProblemsIntoParseErrorFindings() {
    List<Finding> f =
        lint(
            new ParsedScript(
                List.of(), List.of(), List.of(new ParseProblem(7, "unterminated string"))));
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.rule()).isEqualTo(Linter.PARSE_ERROR);
              assertThat(x.line()).isEqualTo(7);
              assertThat(x.severity()).isEqualTo(Severity.ERROR);
            });
  }

  @Test
  void ignoreWithReasonSuppressesTheNextStatement() {
    List<Finding> f =
        lint(
            new ParsedScript(
                List.of(drop(2), drop(3)),
                List.of(comment("-- schemagate:ignore no-drop table was emptied in V0", 1)),
                List.of()));
    assertThat(f).extracting(Finding::line).containsExactly(3);
  }

  @Test
  void ignoreOnTheSameLineAppliesToThatStatement() {
    List<Finding> f =
        lint(
            new ParsedScript(
                List.of(drop(1), drop(2)),
                List.of(comment("-- schemagate:ignore squawk-no-drop reviewed by ops", 1)),
                List.of()));
    assertThat(f).extracting(Finding::line).containsExactly(2);
  }

  @Test
  void ignoreWithoutReasonIsReportedAndSuppressesNothing() {
    List<Finding> f =
        lint(
            new ParsedScript(
                List.of(drop(2)), List.of(comment("-- schemagate:ignore no-drop", 1)), List.of()));
    assertThat(f)
        .extracting(Finding::rule)
        .containsExactlyInAnyOrder(Linter.IGNORE_WITHOUT_REASON, "no-drop");
  }

  @Test
  void ignoreThatSuppressesNothingIsReportedUnused() {
    List<Finding> f =
        lint(
            new ParsedScript(
                List.of(select(2)),
                List.of(comment("/* schemagate:ignore no-drop not needed */", 1)),
                List.of()));
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.rule()).isEqualTo(Linter.UNUSED_IGNORE);
              assertThat(x.line()).isEqualTo(1);
            });
  }

  @Test
  void ignoreOfUnknownRuleIsReportedUnused() {
    List<Finding> f =
        lint(
            new ParsedScript(
                List.of(drop(2)),
                List.of(comment("-- schemagate:ignore no-dorp typo here", 1)),
                List.of()));
    assertThat(f)
        .extracting(Finding::rule)
        .containsExactlyInAnyOrder(Linter.UNUSED_IGNORE, "no-drop");
    assertThat(f).anySatisfy(x -> assertThat(x.message()).contains("no rule is called no-dorp"));
  }

  @Test
  void severityOffDisablesTheRule() {
    LintSettings off = LintSettings.defaults().withSeverity("no-drop", Severity.OFF);
    List<Finding> f =
        Linter.withRules(NO_DROP)
            .lint(
                LintInput.of(FILE, new ParsedScript(List.of(drop(1)), List.of(), List.of()), off));
    assertThat(f).isEmpty();
  }

  @Test
  void severityOverrideByAliasApplies() {
    LintSettings err = LintSettings.defaults().withSeverity("squawk-no-drop", Severity.ERROR);
    List<Finding> f =
        Linter.withRules(NO_DROP)
            .lint(
                LintInput.of(FILE, new ParsedScript(List.of(drop(1)), List.of(), List.of()), err));
    assertThat(f).extracting(Finding::severity).containsExactly(Severity.ERROR);
  }

  @Test
  void aRuleThatThrowsBecomesAFindingNotACrash() {
    Rule broken =
        new Rule() {
          public String id() {
            return "broken";
          }

          public Severity defaultSeverity() {
            return Severity.WARNING;
          }

          public String summary() {
            return "throws";
          }

          public void check(LintInput in, RuleContext cx) {
            throw new IllegalStateException("boom");
          }
        };
    List<Finding> f =
        Linter.withRules(broken, NO_DROP)
            .lint(
                LintInput.of(
                    FILE,
                    new ParsedScript(List.of(drop(1)), List.of(), List.of()),
                    LintSettings.defaults()));
    assertThat(f).extracting(Finding::rule).containsExactly("no-drop", Linter.RULE_FAILED);
  }

  @Test
  void squawkDirectiveMarksTheFileNonTransactional() {
    Rule seesTx =
        new Rule() {
          public String id() {
            return "tx";
          }

          public Severity defaultSeverity() {
            return Severity.INFO;
          }

          public String summary() {
            return "reports the mode";
          }

          public void check(LintInput in, RuleContext cx) {
            cx.report(1, "transactional=" + in.transactional(), "");
          }
        };
    ParsedScript script =
        new ParsedScript(
            List.of(select(2)),
            List.of(comment("-- squawk-disable-assume-in-transaction", 1)),
            List.of());
    List<Finding> f =
        Linter.withRules(seesTx).lint(new LintInput(FILE, script, true, LintSettings.defaults()));
    assertThat(f).extracting(Finding::message).containsExactly("transactional=false");
  }

  @Test
  void rejectsTwoRulesWithOneId() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Linter.withRules(NO_DROP, NO_DROP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-drop");
  }

  @Test
  void squawkRuleIdsAreUniqueAndDocumented() {
    Linter l = Linter.squawkRules();
    assertThat(l.rules()).hasSizeGreaterThanOrEqualTo(39);
    assertThat(l.rules())
        .allSatisfy(
            r -> {
              assertThat(r.id()).matches("[a-z0-9-]+");
              assertThat(r.summary()).isNotBlank();
            });
    assertThat(l.rule("prefer-timestamp-tz")).isSameAs(l.rule("prefer-timestamptz"));
  }
}

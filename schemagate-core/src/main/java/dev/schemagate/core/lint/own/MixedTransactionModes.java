package dev.schemagate.core.lint.own;

import dev.schemagate.core.lint.LintInput;
import dev.schemagate.core.lint.Rule;
import dev.schemagate.core.lint.RuleContext;
import dev.schemagate.core.lint.Severity;
import dev.schemagate.core.sql.ParsedStatement;
import dev.schemagate.core.sql.TransactionRules;
import dev.schemagate.core.sql.ast.Select;
import dev.schemagate.core.sql.ast.SetVariable;
import dev.schemagate.core.sql.ast.TransactionControl;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration run outside a transaction that mixes statements which must run that way ({@code
 * CREATE INDEX CONCURRENTLY}, {@code VACUUM}, ...) with ordinary ones. Each statement then commits
 * on its own: a failure half-way leaves the migration partly applied, and neither a retry nor the
 * downgrade knows where it stopped. Settings ({@code SET}, {@code RESET}), plain {@code SELECT}s
 * and explicit transaction control do not count as ordinary statements.
 */
public final class MixedTransactionModes implements Rule {
  public static final String ID = "mixed-transaction-modes";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "statements that need no transaction mixed with ordinary ones in one migration";
  }

  @Override
  public void check(LintInput in, RuleContext cx) {
    if (in.transactional()) {
      return;
    }
    List<ParsedStatement> special = new ArrayList<>();
    List<ParsedStatement> ordinary = new ArrayList<>();
    for (ParsedStatement s : in.script().statements()) {
      if (TransactionRules.whyCannotRunInTransaction(s.tokens()).isPresent()) {
        special.add(s);
      } else if (!(s.stmt() instanceof SetVariable
          || s.stmt() instanceof Select
          || s.stmt() instanceof TransactionControl)) {
        ordinary.add(s);
      }
    }
    if (special.isEmpty()) {
      return;
    }
    for (ParsedStatement s : ordinary) {
      cx.report(
          s.line(),
          "ordinary statement in a migration that runs outside a transaction for the statement at"
              + " line "
              + special.get(0).line(),
          "Outside a transaction every statement commits on its own, so a failure leaves this"
              + " migration half-applied. Move this statement to a transactional migration of its"
              + " own and keep only the non-transactional statement here.");
    }
  }
}

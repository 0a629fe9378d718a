package dev.schemagate.core.lint.own;

import dev.schemagate.core.lint.LintInput;
import dev.schemagate.core.lint.Rule;
import dev.schemagate.core.lint.RuleContext;
import dev.schemagate.core.lint.Severity;
import dev.schemagate.core.sql.ParsedStatement;
import dev.schemagate.core.sql.TransactionRules;
import dev.schemagate.core.sql.ast.AlterTypeAddValue;
import java.util.Optional;

/**
 * A statement PostgreSQL refuses inside a transaction block, in a migration the tool runs in one.
 * The migration would fail every time it is applied; with Flyway's and diesel's layouts this is
 * usually a forgotten {@code executeInTransaction=false} or {@code run_in_transaction = false},
 * with the native format a missing {@code -- transaction: none}.
 *
 * <p>Before PostgreSQL 12, {@code ALTER TYPE ... ADD VALUE} is refused in a transaction too.
 */
public final class NonTransactionalInTransaction implements Rule {
  public static final String ID = "non-transactional-in-transaction";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "a statement that cannot run in a transaction, in a migration that runs in one";
  }

  @Override
  public void check(LintInput in, RuleContext cx) {
    if (!in.transactional()) {
      return;
    }
    for (ParsedStatement s : in.script().statements()) {
      Optional<String> why = TransactionRules.whyCannotRunInTransaction(s.tokens());
      if (why.isEmpty() && s.stmt() instanceof AlterTypeAddValue && in.pgVersion() < 12) {
        why = Optional.of("ALTER TYPE ... ADD VALUE before PostgreSQL 12");
      }
      why.ifPresent(
          reason ->
              cx.report(
                  s.line(),
                  reason + ", but this migration runs in a transaction",
                  "It fails on every apply. Run this migration outside a transaction (native:"
                      + " `-- transaction: none`; Flyway: executeInTransaction=false; diesel:"
                      + " run_in_transaction = false; dbmate: transaction:false) and keep the"
                      + " statement in a migration of its own."));
    }
  }
}

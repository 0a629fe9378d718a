package dev.schemagate.core.run;

import dev.schemagate.core.plan.Direction;
import dev.schemagate.core.plan.PlanStep;
import dev.schemagate.core.source.MigrationScript;
import dev.schemagate.core.source.SqlSection;
import dev.schemagate.core.sql.SqlStatement;
import java.util.List;

/**
 * A plan step made ready to run: its SQL already read and split, so that every input error is found
 * before anything is executed.
 *
 * @param plan the planned step (revision, direction, head changes)
 * @param script the migration file it comes from
 * @param section the SQL section run (upgrade or downgrade); null for a stamp
 * @param statements the statements of {@code section}, in order; empty for a stamp
 * @param transactional whether the step runs in one transaction
 * @param stampOnly true to change the version tables without running SQL
 */
public record RunStep(
    PlanStep plan,
    MigrationScript script,
    SqlSection section,
    List<SqlStatement> statements,
    boolean transactional,
    boolean stampOnly) {

  public RunStep {
    statements = List.copyOf(statements);
  }

  public String revision() {
    return plan.revision().id();
  }

  public Direction direction() {
    return plan.direction();
  }

  public boolean repeatable() {
    return script.kind() == MigrationScript.Kind.REPEATABLE;
  }
}

package dev.schemagate.core.lint.rules;

import dev.schemagate.core.lint.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * schemagate's implementation of squawk's rule set: the same rule ids and meanings (squawk's {@code
 * prefer-timestamp-tz} is accepted as an alias of {@code prefer-timestamptz}), written against
 * schemagate's parser. Opt-in rules (default severity OFF): {@code require-timeout-settings} (the
 * umbrella of require-lock-timeout and require-statement-timeout) and {@code require-table-schema}.
 */
public final class SquawkRules {
  private SquawkRules() {}

  /** Every rule, grouped by family, in a stable order. */
  public static List<Rule> all() {
    List<Rule> out = new ArrayList<>();
    out.addAll(LockRules.rules());
    out.addAll(TimeoutRules.rules());
    out.addAll(DestructiveRules.rules());
    out.addAll(TransactionBlockRules.rules());
    out.addAll(TypeRules.rules());
    out.addAll(NamingRules.rules());
    return List.copyOf(out);
  }
}

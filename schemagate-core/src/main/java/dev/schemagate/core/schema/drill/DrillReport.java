package dev.schemagate.core.schema.drill;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code schemagate drill}: one entry per migration drilled, in the order they were
 * applied.
 *
 * @param range the range drilled, as given ({@code base:heads} by default)
 * @param scratch where it ran ({@code embedded PostgreSQL 16.4}); never a password
 * @param steps one per migration
 * @param notRun revisions after an upgrade that failed, which could not be drilled
 * @param millis the whole drill, scratch start included
 */
public record DrillReport(
    String range, String scratch, List<DrillStep> steps, List<String> notRun, long millis) {

  public DrillReport {
    steps = List.copyOf(steps);
    notRun = List.copyOf(notRun);
  }

  /** How many migrations got each verdict, in the enum's order, zero counts left out. */
  public Map<DrillVerdict, Integer> counts() {
    Map<DrillVerdict, Integer> counts = new EnumMap<>(DrillVerdict.class);
    for (DrillStep s : steps) {
      counts.merge(s.verdict(), 1, Integer::sum);
    }
    return counts;
  }

  /**
   * True when every migration was drilled and each is reversible (column order and whitespace
   * aside) or declared irreversible. A migration that could not be compared is not clean.
   */
  public boolean clean() {
    return notRun.isEmpty()
        && steps.stream()
            .allMatch(
                s ->
                    s.verdict() == DrillVerdict.REVERSIBLE
                        || s.verdict() == DrillVerdict.ONLY_COLUMN_ORDER
                        || s.verdict() == DrillVerdict.ONLY_LAYOUT
                        || s.verdict() == DrillVerdict.IRREVERSIBLE_AS_DECLARED);
  }
}

package dev.schemagate.core.governance.gate;

import java.util.List;

/**
 * Every stop condition's result, in {@link StopCondition} order. This is what {@code schemagate wo
 * check} prints and what the gate blocks on.
 *
 * @param results one per condition evaluated
 */
public record GateReport(List<ConditionResult> results) {
  public GateReport {
    results = List.copyOf(results);
  }

  /** True when no condition failed: execution may proceed. */
  public boolean passed() {
    return results.stream().allMatch(ConditionResult::pass);
  }

  /** The failed conditions, in report order; empty when {@link #passed()}. */
  public List<ConditionResult> failures() {
    return results.stream().filter(r -> !r.pass()).toList();
  }

  /** The result for one condition, or null when it was not evaluated. */
  public ConditionResult result(StopCondition condition) {
    return results.stream().filter(r -> r.condition() == condition).findFirst().orElse(null);
  }

  /** One line per condition ({@code PASS name: reason}), then a summary line. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    for (ConditionResult r : results) {
      sb.append(r.line()).append('\n');
    }
    List<ConditionResult> failed = failures();
    sb.append(
        failed.isEmpty()
            ? "gate: all " + results.size() + " stop conditions pass\n"
            : "gate: BLOCKED by "
                + failed.size()
                + " of "
                + results.size()
                + " stop conditions: "
                + String.join(", ", failed.stream().map(r -> r.condition().id()).toList())
                + "\n");
    return sb.toString();
  }
}

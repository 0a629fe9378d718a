package dev.schemagate.core.run;

import java.time.Clock;

/**
 * Who runs, from where, and under which work order: what every history row records.
 *
 * @param actor the person or agent (never a secret)
 * @param host the machine
 * @param workOrder the work order id, or null
 * @param toolVersion the schemagate version
 * @param clock time source for the history timestamps
 */
public record RunContext(
    String actor, String host, String workOrder, String toolVersion, Clock clock) {

  String now() {
    return clock.instant().toString();
  }
}

/**
 * The hard stop conditions of the governance gate, as pure logic: {@link
 * dev.schemagate.core.governance.gate.StopConditions#evaluate} takes a {@link
 * dev.schemagate.core.governance.gate.GateInput} that the caller filled beforehand (work order,
 * configuration, parsed approvals, current checksums, the plan, git states, the start-up guard
 * scan, lint findings, evidence hashes, the time, the command and who runs it) and returns a {@link
 * dev.schemagate.core.governance.gate.GateReport} with one PASS or FAIL and a reason per {@link
 * dev.schemagate.core.governance.gate.StopCondition}.
 *
 * <p>Nothing here reads a file, asks git or opens a connection, so every condition is tested in
 * memory. {@code schemagate wo check} prints the report; the gate blocks execution (exit code 3)
 * when any condition fails.
 */
package dev.schemagate.core.governance.gate;

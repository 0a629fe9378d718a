package dev.schemagate.core.governance.guard;

import java.util.Objects;

/**
 * One implicit migration trigger, at one line of one file.
 *
 * @param file the path relative to the scanned root, with {@code /} separators on every system so
 *     reports compare equal across machines
 * @param line 1-based line number
 * @param trigger what kind of trigger; {@link GuardTrigger#id()} is the stable id
 * @param found the offending line (or command) trimmed, secrets redacted, at most 200 characters
 * @param why why it matters here
 * @param fix how to fix it
 * @param inTestCode true when the file is test code or test configuration ({@code src/test/},
 *     {@code tests/}, {@code test_*.py}, {@code conftest.py}, ...): reported so nothing is hidden,
 *     but it does not run when the application starts, so {@link GuardScan#blocking()} leaves it
 *     out
 */
public record GuardFinding(
    String file,
    int line,
    GuardTrigger trigger,
    String found,
    String why,
    String fix,
    boolean inTestCode) {
  public GuardFinding {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(found, "found");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(fix, "fix");
  }

  /** The stable trigger id, e.g. {@code hibernate-ddl-auto}. */
  public String triggerId() {
    return trigger.id();
  }

  /** {@code file:line: [trigger] found}, the form editors and CI logs link from. */
  @Override
  public String toString() {
    return file
        + ":"
        + line
        + ": ["
        + trigger.id()
        + "] "
        + found
        + (inTestCode ? " (test code)" : "");
  }
}

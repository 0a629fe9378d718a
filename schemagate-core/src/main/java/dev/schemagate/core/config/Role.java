package dev.schemagate.core.config;

import java.util.Locale;

/**
 * The authority chain of the team's playbook, highest first. Workers (people or automated agents)
 * draft migrations and work orders; they never approve, and never execute against a governed
 * environment.
 */
public enum Role {
  FINAL_AUTHORITY,
  PLANNING_AND_GOVERNANCE,
  MANAGER,
  WORKER;

  /** How {@code schemagate.yaml} writes it: {@code final_authority}, {@code manager}... */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role a configuration name stands for, or null. */
  public static Role fromConfigName(String text) {
    for (Role r : values()) {
      if (r.configName().equals(text)) {
        return r;
      }
    }
    return null;
  }

  /** True for every role above worker. */
  public boolean mayApprove() {
    return this != WORKER;
  }
}

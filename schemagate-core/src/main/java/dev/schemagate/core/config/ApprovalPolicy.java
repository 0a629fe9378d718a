package dev.schemagate.core.config;

import java.util.Set;

/**
 * What an environment's work orders need before they run.
 *
 * @param required how many approvals, from distinct people
 * @param roles the roles whose approvals count; never {@link Role#WORKER}
 * @param finalApprover the person (of role final authority) who must be among the approvers, or
 *     null when none is named
 */
public record ApprovalPolicy(int required, Set<Role> roles, String finalApprover) {
  public ApprovalPolicy {
    roles = Set.copyOf(roles);
  }
}

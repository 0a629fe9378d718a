package dev.schemagate.core.governance.approval;

/** What an approver decided about a work order. */
public enum Decision {
  /** The approver allows the work order to run in its environment. */
  APPROVED,
  /** The approver refuses it; a rejection always carries its reason. */
  REJECTED
}

package dev.schemagate.core.plan;

/** Which way a step moves a revision. */
public enum Direction {
  UP,
  DOWN;

  public String lower() {
    return this == UP ? "up" : "down";
  }
}

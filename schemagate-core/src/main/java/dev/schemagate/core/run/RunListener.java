package dev.schemagate.core.run;

/** Progress callbacks, for a progress line on a terminal. Called on the running thread. */
public interface RunListener {
  RunListener NONE = new RunListener() {};

  default void stepStarted(int index, int total, RunStep step) {}

  default void stepFinished(int index, int total, StepResult result) {}
}

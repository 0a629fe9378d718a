package dev.schemagate.cli;

import dev.schemagate.core.run.RunListener;
import dev.schemagate.core.run.RunStep;
import dev.schemagate.core.run.StepResult;

/** One progress line, redrawn in place, when standard error is a terminal. */
final class Progress implements RunListener {
  private final Output out;
  private final long start = System.nanoTime();

  private Progress(Output out) {
    this.out = out;
  }

  /** A listener drawing progress, or null when not on a terminal (plain output then). */
  static RunListener forTerminal(Output out) {
    return System.console() == null ? null : new Progress(out);
  }

  @Override
  public void stepStarted(int index, int total, RunStep step) {
    double elapsed = (System.nanoTime() - start) / 1e9;
    String line =
        String.format(
            "\r[%d/%d] %s %s  %.1f s",
            index + 1, total, step.direction().lower(), step.revision(), elapsed);
    out.err().print(line + "\u001b[K");
    out.err().flush();
  }

  @Override
  public void stepFinished(int index, int total, StepResult result) {
    if (index + 1 == total) {
      out.err().print("\r\u001b[K");
      out.err().flush();
    }
  }
}

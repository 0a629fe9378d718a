package dev.schemagate.core.governance.guard;

import dev.schemagate.core.config.ConnectionSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects findings for one scan; every found text passes through redaction here, once. */
final class Findings {
  static final int MAX_FOUND = 200;

  private final List<GuardFinding> all = new ArrayList<>();

  void add(TextFile file, int line, GuardTrigger trigger, String found, String why, String fix) {
    all.add(
        new GuardFinding(file.path(), line, trigger, clean(found), why, fix, file.inTestCode()));
  }

  /** Adds a finding whose found text is line {@code line} of {@code file}. */
  void addLine(TextFile file, int line, GuardTrigger trigger, String why, String fix) {
    add(file, line, trigger, file.lines().get(line - 1), why, fix);
  }

  List<GuardFinding> sorted() {
    List<GuardFinding> out = new ArrayList<>(all);
    out.sort(
        Comparator.comparing(GuardFinding::file)
            .thenComparingInt(GuardFinding::line)
            .thenComparing(GuardFinding::triggerId));
    // One line can be reached twice (a command that is both a key value and a list); keep one.
    List<GuardFinding> unique = new ArrayList<>();
    for (GuardFinding f : out) {
      GuardFinding last = unique.isEmpty() ? null : unique.get(unique.size() - 1);
      if (last == null
          || !last.file().equals(f.file())
          || last.line() != f.line()
          || last.trigger() != f.trigger()) {
        unique.add(f);
      }
    }
    return unique;
  }

  /** Trimmed, whitespace collapsed, secrets redacted, bounded in length. */
  static String clean(String text) {
    String s = ConnectionSpec.redact(text.strip().replaceAll("\\s+", " "));
    return s.length() <= MAX_FOUND ? s : s.substring(0, MAX_FOUND - 3) + "...";
  }
}

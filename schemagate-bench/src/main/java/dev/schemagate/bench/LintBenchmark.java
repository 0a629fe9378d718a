package dev.schemagate.bench;

import dev.schemagate.core.lint.LintSettings;
import dev.schemagate.core.lint.own.MigrationLinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * schemagate lint against squawk 2.66 on the same files, as whole processes:
 *
 * <ul>
 *   <li>crates-io: its 285 {@code up.sql} files (about 620 statements) in one invocation each;
 *   <li>large: each of those files repeated 100 times (about 62,000 statements), where start-up no
 *       longer dominates.
 * </ul>
 *
 * Both tools get the same file list and run to the end whatever they find (schemagate with {@code
 * --fail-on never}; squawk's exit code is ignored). Runs alternate between the tools; medians of 7
 * are reported. Then the in-process rate: statements per second of {@code MigrationLinter} (parse
 * and every rule) on the large input, the median of 5 passes after 3 warm-up passes. squawk is
 * installed from npm ({@code squawk-cli@2.66.0}) into {@code schemagate-bench/target/squawk} on
 * first use.
 *
 * <p>Usage: {@code LintBenchmark <repository root>}.
 */
public final class LintBenchmark {
  private static final int REPS = 7;

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    Path crates = root.resolve("../shared/corpora/crates-io/migrations").normalize();
    if (!Files.isDirectory(crates)) {
      System.out.println("lint benchmark skipped: " + crates + " not found");
      return;
    }
    Path work = Files.createTempDirectory("schemagate-lint-bench");
    List<Path> ups = ups(crates);
    List<Path> large = repeated(ups, work.resolve("large"), 100);
    Path squawk = squawk(root.resolve("schemagate-bench/target/squawk"));
    Path launcher = root.resolve("schemagate");
    // Build the jar and its class-data-sharing archive before anything is timed.
    run(List.of(launcher.toString(), "--version"), work);

    List<String> rows = new ArrayList<>();
    rows.add("| input | files | schemagate | squawk 2.66 | schemagate / squawk |");
    rows.add("|---|---:|---:|---:|---:|");
    rows.add(compare("crates-io ups", ups, launcher, squawk, work));
    rows.add(compare("crates-io ups x 100", large, launcher, squawk, work));

    MigrationLinter linter = new MigrationLinter(LintSettings.defaults());
    for (int i = 0; i < 3; i++) {
      linter.lintFiles(large); // warm-up: let the JIT compile the parser and the rules
    }
    double[] times = new double[5];
    MigrationLinter.Report r = null;
    for (int i = 0; i < times.length; i++) {
      long t0 = System.nanoTime();
      r = linter.lintFiles(large);
      times[i] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(times);
    double seconds = times[times.length / 2];
    System.out.println();
    System.out.println("Lint benchmark " + LocalDate.now() + " on " + ApplyBenchmark.machine());
    rows.forEach(System.out::println);
    System.out.printf(
        "%nIn-process (after 3 warm-up passes, median of 5; parse and all rules, %d cores): %d statements in %.2f s = %.0f"
            + " statements/s, %d findings%n",
        Runtime.getRuntime().availableProcessors(),
        r.statements(),
        seconds,
        r.statements() / seconds,
        r.findings().size());
  }

  private static String compare(
      String name, List<Path> files, Path launcher, Path squawk, Path work) throws Exception {
    List<String> sg = new ArrayList<>(List.of(launcher.toString(), "lint", "--fail-on", "never"));
    files.forEach(f -> sg.add(f.toString()));
    List<String> sq = new ArrayList<>();
    if (squawk != null) {
      sq.add(squawk.toString());
      files.forEach(f -> sq.add(f.toString()));
    }
    long[] a = new long[REPS];
    long[] b = new long[REPS];
    double[] ratio = new double[REPS];
    for (int i = 0; i < REPS; i++) {
      a[i] = run(sg, work);
      b[i] = squawk == null ? 0 : run(sq, work);
      ratio[i] = b[i] == 0 ? 0 : (double) a[i] / b[i];
      System.out.printf("%s run %d: schemagate %d ms, squawk %d ms%n", name, i + 1, a[i], b[i]);
    }
    Arrays.sort(ratio);
    return String.format(
        "| %s | %d | %d ms | %s | %s |",
        name,
        files.size(),
        median(a),
        squawk == null ? "not installed" : median(b) + " ms",
        squawk == null ? "" : String.format("%.2f×", ratio[REPS / 2]));
  }

  /** Runs a process to the end, output discarded; returns wall time in ms. */
  private static long run(List<String> cmd, Path dir) throws Exception {
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + cmd.get(0));
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static List<Path> ups(Path crates) throws IOException {
    try (Stream<Path> dirs = Files.list(crates)) {
      return dirs.map(d -> d.resolve("up.sql")).filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** Each file's text repeated {@code times} times, one output file per input file. */
  private static List<Path> repeated(List<Path> files, Path dir, int times) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    for (Path f : files) {
      String text = Files.readString(f);
      if (!text.endsWith("\n")) {
        text += "\n";
      }
      // A file may end without a semicolon; add one so copies do not run into each other.
      String unit = text.strip().endsWith(";") ? text : text.stripTrailing() + ";\n";
      Path target = dir.resolve(f.getParent().getFileName() + ".sql");
      Files.writeString(target, unit.repeat(times));
      out.add(target);
    }
    return out;
  }

  /** squawk's binary, installed with npm on first use; null when npm cannot provide it. */
  private static Path squawk(Path dir) throws Exception {
    Path bin = dir.resolve("node_modules/@squawk-cli/linux-x64/bin/squawk");
    if (!Files.isExecutable(bin)) {
      Files.createDirectories(dir);
      try {
        Process p =
            new ProcessBuilder(
                    "npm",
                    "install",
                    "--no-audit",
                    "--no-fund",
                    "--prefix",
                    dir.toString(),
                    "squawk-cli@2.66.0")
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
          System.out.println("squawk not installed (npm failed):\n" + log);
          return null;
        }
      } catch (IOException e) {
        System.out.println("squawk not installed: npm not found (" + e.getMessage() + ")");
        return null;
      }
    }
    return Files.isExecutable(bin) ? bin : null;
  }

  private static long median(long[] v) {
    long[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }
}

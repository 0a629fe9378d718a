package dev.schemagate.core.governance.guard;

import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.governance.guard.SkippedFile.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds implicit migration triggers in a source tree: the places where a schema change would run by
 * itself when an application starts or deploys, outside any work order. Both {@code wo check} and
 * the execution gate use it; {@code schemagate guard scan <path>} prints it.
 *
 * <p>What it looks for (see {@link GuardTrigger}): Spring Boot's Flyway or Liquibase left enabled
 * while the tool is on the class path (set to something other than false, or not set at all, which
 * Spring Boot reads as enabled: then the build file line of the dependency is the finding);
 * Hibernate's {@code ddl-auto}/{@code hbm2ddl.auto} set to anything but validate or none;
 * SQLAlchemy's {@code metadata.create_all(}; and {@code alembic upgrade}, {@code flyway migrate} or
 * {@code schemagate upgrade} in a Dockerfile ENTRYPOINT/CMD, a docker-compose command, a Procfile
 * release/web line, a Kubernetes workload's containers, or a shell script one of those starts.
 *
 * <p>Contract: only files whose names can hold a trigger are read (and shell scripts only when a
 * start command names them); everything else is never opened. Directories that hold tools' output
 * or third-party code ({@link #SKIPPED_DIRECTORIES}) are not entered, except when one is the root
 * itself. Symbolic links are followed only when they lead to a file inside the root. A candidate
 * that is larger than {@link #MAX_FILE_BYTES}, binary or unreadable is listed in {@link
 * GuardScan#skipped()} rather than failing the scan. Findings in test code are reported and marked
 * ({@link GuardFinding#inTestCode()}): {@link GuardScan#blocking()} leaves them out. The scan holds
 * no state between calls and is safe to run from several threads.
 *
 * <p>The trap: this is a text scan, not an interpreter. It cannot see a migration started from
 * application code other than {@code create_all} (a {@code Flyway.migrate()} call), a setting made
 * only by an environment variable or a profile activated at deploy time, or a script called by a
 * script. A clean scan means none of the known triggers is present, not that none exists.
 */
public final class StartupGuard {

  /** Candidate files larger than this (5 MiB) are skipped and named, not read. */
  public static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

  /** Directory names never entered: version control, build output, dependencies, caches. */
  public static final Set<String> SKIPPED_DIRECTORIES =
      Set.of(
          ".git",
          ".hg",
          ".svn",
          "target",
          "build",
          "out",
          "dist",
          "node_modules",
          "bower_components",
          ".venv",
          "venv",
          ".tox",
          ".nox",
          "__pycache__",
          ".mypy_cache",
          ".pytest_cache",
          ".ruff_cache",
          ".eggs",
          "site-packages",
          ".gradle",
          ".idea",
          ".terraform");

  private StartupGuard() {}

  /**
   * Scans a directory tree (or a single file) and returns every trigger found.
   *
   * @param root the directory or file to scan
   * @return findings sorted by file, then line, then trigger id; the files read; the files skipped
   * @throws SchemagateException (bad input) when the root does not exist or cannot be listed
   */
  public static GuardScan scan(Path root) {
    if (!Files.exists(root)) {
      throw SchemagateException.badInput(
          "cannot scan " + root + ": no such file or directory",
          "pass the project's root directory, e.g. schemagate guard scan .");
    }
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      throw SchemagateException.badInput(
          "cannot scan " + root + ": " + e.getMessage(), "check the path and its permissions");
    }
    // A root that is itself a link is walked where it leads (the walk never follows links).
    Path start = Files.isSymbolicLink(root) ? realRoot : root;
    Walk walk = new Walk(start, realRoot);
    try {
      Files.walkFileTree(start, walk);
    } catch (IOException e) {
      throw SchemagateException.badInput(
          "cannot scan " + root + ": " + e.getMessage(), "check the path and its permissions");
    }
    return walk.result(root);
  }

  /** One scan's walk and rules; lives for one call, so the scan holds no shared state. */
  private static final class Walk extends SimpleFileVisitor<Path> {
    private final Path root;
    private final Path realRoot;
    private final List<SkippedFile> skipped = new ArrayList<>();
    private final Findings findings = new Findings();
    private final ClassPath classPath = new ClassPath();
    private final ConfigRules config = new ConfigRules();
    private final StartScripts startScripts = new StartScripts();
    // Files that may be start scripts, read only if a start command names them.
    private final List<Path> scriptFiles = new ArrayList<>();
    private int scanned;

    Walk(Path root, Path realRoot) {
      this.root = root;
      this.realRoot = realRoot;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      if (!dir.equals(root) && SKIPPED_DIRECTORIES.contains(String.valueOf(dir.getFileName()))) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      String name = String.valueOf(file.getFileName());
      TextFile.Kind kind = TextFile.kindOf(name);
      String rel = relative(file);
      if (attrs.isSymbolicLink()) {
        Path target = linkTarget(file);
        if (target == null || !target.startsWith(realRoot)) {
          if (kind != null || Files.isDirectory(file)) {
            skipped.add(
                new SkippedFile(
                    rel,
                    Reason.LINK_OUTSIDE_ROOT,
                    target == null
                        ? "the link leads nowhere"
                        : "the link leads to " + target + ", outside the scanned tree"));
          }
          return FileVisitResult.CONTINUE;
        }
        // A link to a directory inside the root: that directory is scanned where it is.
        if (!Files.isRegularFile(target)) {
          return FileVisitResult.CONTINUE;
        }
      } else if (!attrs.isRegularFile()) {
        return FileVisitResult.CONTINUE;
      }
      if (kind != null) {
        read(file, rel, kind);
      } else if (StartScripts.mayBeScript(name)) {
        scriptFiles.add(file);
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      skipped.add(
          new SkippedFile(relative(file), Reason.UNREADABLE, String.valueOf(e.getMessage())));
      return FileVisitResult.CONTINUE;
    }

    private void read(Path file, String rel, TextFile.Kind kind) {
      TextFile tf = load(file, rel, kind);
      if (tf == null) {
        return;
      }
      switch (kind) {
        case SPRING_CONFIG -> config.readSpring(tf, findings);
        case MAVEN_BUILD, GRADLE_BUILD -> classPath.read(tf);
        case HIBERNATE_XML -> config.readHibernateXml(tf, findings);
        case PYTHON -> PythonRule.check(tf, findings);
        case DOCKERFILE -> CommandRules.dockerfile(tf, findings, startScripts);
        case COMPOSE -> CommandRules.compose(tf, findings, startScripts);
        case PROCFILE -> CommandRules.procfile(tf, findings, startScripts);
        case YAML -> {
          if (CommandRules.looksLikeKubernetes(tf.lines())) {
            CommandRules.kubernetes(tf, findings, startScripts);
          }
        }
        case SCRIPT -> {}
      }
    }

    /** Reads a candidate as text, or records why not and returns null. */
    private TextFile load(Path file, String rel, TextFile.Kind kind) {
      byte[] bytes;
      try {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
          skipped.add(
              new SkippedFile(
                  rel,
                  Reason.TOO_LARGE,
                  size + " bytes, over the " + MAX_FILE_BYTES + "-byte limit; check it by hand"));
          return null;
        }
        bytes = Files.readAllBytes(file);
      } catch (IOException | SecurityException e) {
        skipped.add(new SkippedFile(rel, Reason.UNREADABLE, String.valueOf(e.getMessage())));
        return null;
      }
      for (byte b : bytes) {
        if (b == 0) {
          skipped.add(new SkippedFile(rel, Reason.BINARY, "holds NUL bytes: not a text file"));
          return null;
        }
      }
      scanned++;
      String text = new String(bytes, StandardCharsets.UTF_8);
      return new TextFile(rel, kind, TextFile.lines(text), TextFile.isTestPath(rel));
    }

    private Path linkTarget(Path link) {
      try {
        return link.toRealPath();
      } catch (IOException | SecurityException e) {
        return null;
      }
    }

    private String relative(Path file) {
      Path rel = file.equals(root) ? file.getFileName() : root.relativize(file);
      return rel == null ? file.toString() : rel.toString().replace('\\', '/');
    }

    GuardScan result(Path given) {
      config.finish(classPath, findings);
      // Start scripts last: only now is every start command, and so every script name, known.
      for (Path script : scriptFiles) {
        List<String> startedFrom = startScripts.startedFrom(String.valueOf(script.getFileName()));
        if (!startedFrom.isEmpty()) {
          TextFile tf = load(script, relative(script), TextFile.Kind.SCRIPT);
          if (tf != null) {
            CommandRules.script(tf, findings, startedFrom);
          }
        }
      }
      skipped.sort(Comparator.comparing(SkippedFile::file));
      return new GuardScan(given, findings.sorted(), scanned, skipped);
    }
  }
}

package dev.schemagate.core.governance.git;

import dev.schemagate.core.governance.gate.GitState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether migration files are committed, as {@code git} itself says (not by reading {@code .git}):
 * the stop condition "a migration file not committed to git, or dirty" asks exactly this. A file
 * outside any repository, or on a machine without git, is {@link GitState#NOT_A_REPOSITORY}.
 */
public final class GitStatus {
  private GitStatus() {}

  /** The state of each file, in the order given. */
  public static Map<Path, GitState> of(List<Path> files) {
    Map<Path, GitState> out = new LinkedHashMap<>();
    for (Path f : files) {
      out.put(f, state(f.toAbsolutePath().normalize()));
    }
    return out;
  }

  private static GitState state(Path file) {
    Path dir = file.getParent();
    Result tracked = git(dir, "ls-files", "--error-unmatch", "--", file.toString());
    if (tracked == null) {
      return GitState.NOT_A_REPOSITORY;
    }
    if (tracked.code != 0) {
      return tracked.output.contains("not a git repository")
          ? GitState.NOT_A_REPOSITORY
          : GitState.UNTRACKED;
    }
    Result status = git(dir, "status", "--porcelain=v1", "--", file.toString());
    if (status == null || status.code != 0) {
      return GitState.NOT_A_REPOSITORY;
    }
    return status.output.isBlank() ? GitState.COMMITTED_CLEAN : GitState.MODIFIED;
  }

  private record Result(int code, String output) {}

  private static Result git(Path dir, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("git");
    cmd.add("-C");
    cmd.add(dir.toString());
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      return null; // git is not installed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}

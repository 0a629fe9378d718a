package dev.schemagate.core.governance.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.governance.gate.GitState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitStatusTest {
  @TempDir Path dir;

  private void git(String... args) throws Exception {
    String[] cmd = new String[args.length + 3];
    cmd[0] = "git";
    cmd[1] = "-C";
    cmd[2] = dir.toString();
    System.arraycopy(args, 0, cmd, 3, args.length);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
  }

  @Test
  void tellsCommittedModifiedUntrackedAndOutsideARepositoryApart() throws Exception {
    Path outside = Files.writeString(dir.resolve("loose.sql"), "SELECT 1;");
    assertThat(GitStatus.of(List.of(outside))).containsEntry(outside, GitState.NOT_A_REPOSITORY);

    git("init", "-q");
    git("config", "user.email", "t@example.com");
    git("config", "user.name", "t");
    Path clean = Files.writeString(dir.resolve("a.sql"), "SELECT 1;");
    Path edited = Files.writeString(dir.resolve("b.sql"), "SELECT 2;");
    git("add", "a.sql", "b.sql");
    git("commit", "-q", "-m", "m");
    Files.writeString(edited, "SELECT 3;");
    Path untracked = Files.writeString(dir.resolve("c.sql"), "SELECT 4;");
    Map<Path, GitState> states = GitStatus.of(List.of(clean, edited, untracked));
    assertThat(states)
        .containsEntry(clean, GitState.COMMITTED_CLEAN)
        .containsEntry(edited, GitState.MODIFIED)
        .containsEntry(untracked, GitState.UNTRACKED);
  }
}

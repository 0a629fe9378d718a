package dev.schemagate.core.governance.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.governance.approval.CanonicalForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidencePackTest {
  @TempDir Path tmp;
  private final Packs packs = new Packs();

  @Test
  void writesEveryFileAndAManifestWithTheirHashes() throws Exception {
    List<EvidenceFile> files = packs.signedFiles();
    Path dir = tmp.resolve("evidence/WO-MIGRATION-007/20261122T014000Z");

    WrittenPack pack = Packs.write(dir, files);

    assertThat(pack.dir()).isEqualTo(dir.toAbsolutePath());
    assertThat(pack.zip().getFileName().toString()).isEqualTo("20261122T014000Z.zip");
    assertThat(pack.fileCount()).isEqualTo(files.size());
    for (EvidenceFile f : files) {
      assertThat(Files.readAllBytes(dir.resolve(f.name()))).isEqualTo(f.content());
    }
    byte[] manifestBytes = Files.readAllBytes(dir.resolve("manifest.json"));
    assertThat(pack.manifestSha256()).isEqualTo(CanonicalForm.sha256Hex(manifestBytes));
    JsonNode manifest = new ObjectMapper().readTree(manifestBytes);
    assertThat(manifest.get("format").asText()).isEqualTo("schemagate-evidence/1");
    assertThat(manifest.get("created").asText()).isEqualTo("2026-11-22T01:40:00Z");
    assertThat(manifest.get("metadata").fieldNames())
        .toIterable()
        .containsExactly("environment", "work_order");
    List<String> names = new ArrayList<>();
    for (JsonNode entry : manifest.get("files")) {
      names.add(entry.get("name").asText());
      byte[] content = Files.readAllBytes(dir.resolve(entry.get("name").asText()));
      assertThat(entry.get("sha256").asText()).isEqualTo(CanonicalForm.sha256Hex(content));
      assertThat(entry.get("size").asLong()).isEqualTo(content.length);
    }
    assertThat(names).isSorted().hasSize(files.size());
    assertThat(new String(manifestBytes, java.nio.charset.StandardCharsets.UTF_8))
        .startsWith("{\n  \"format\"")
        .doesNotContain("\r");
  }

  @Test
  void theZipHoldsEveryFileAndTheManifestUnderOneTopFolder() throws Exception {
    List<EvidenceFile> files = packs.signedFiles();
    WrittenPack pack = Packs.write(tmp.resolve("p1"), files);

    var entries = Packs.unzip(pack.zip());

    assertThat(entries.keySet()).allMatch(n -> n.startsWith("p1/")).hasSize(files.size() + 1);
    assertThat(entries).containsKey("p1/manifest.json").containsKey("p1/statements/0001.sql");
    assertThat(entries.get("p1/manifest.json"))
        .isEqualTo(Files.readAllBytes(pack.dir().resolve("manifest.json")));
  }

  @Test
  void zipsOfTheSamePackAreByteIdentical() throws Exception {
    List<EvidenceFile> files = packs.signedFiles();
    List<EvidenceFile> shuffled = new ArrayList<>(files);
    java.util.Collections.reverse(shuffled);

    WrittenPack a = Packs.write(tmp.resolve("a/20261122T014000Z"), files);
    WrittenPack b = Packs.write(tmp.resolve("b/20261122T014000Z"), shuffled);

    assertThat(Files.readAllBytes(a.zip())).isEqualTo(Files.readAllBytes(b.zip()));
    assertThat(a.manifestSha256()).isEqualTo(b.manifestSha256());
  }

  @Test
  void refusesToOverwriteAPackOrItsZip() throws Exception {
    List<EvidenceFile> files = packs.signedFiles();
    Path dir = tmp.resolve("pack");
    WrittenPack first = Packs.write(dir, files);
    byte[] zipBefore = Files.readAllBytes(first.zip());

    SchemagateException again =
        catchThrowableOfType(
            () -> Packs.write(dir, List.of(Packs.file("x.txt", "x"))), SchemagateException.class);
    assertThat(again.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(again.getMessage()).contains(dir.toString(), "never overwritten");
    assertThat(Files.readAllBytes(first.zip())).isEqualTo(zipBefore);
    assertThat(dir.resolve("x.txt")).doesNotExist();

    Path other = tmp.resolve("other");
    Files.writeString(tmp.resolve("other.zip"), "someone else's");
    SchemagateException zipExists =
        catchThrowableOfType(() -> Packs.write(other, files), SchemagateException.class);
    assertThat(zipExists.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(zipExists.getMessage()).contains("other.zip");
    assertThat(other).doesNotExist();
  }

  @Test
  void refusesTheSameNameTwiceAndLeavesNothingBehind() throws Exception {
    Path dir = tmp.resolve("pack");
    SchemagateException e =
        catchThrowableOfType(
            () ->
                Packs.write(dir, List.of(Packs.file("lint.txt", "a"), Packs.file("lint.txt", "b"))),
            SchemagateException.class);

    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage()).contains("lint.txt", "twice");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void leavesOnlyThePackAndItsZipNoPartialSiblings() throws Exception {
    Packs.write(tmp.resolve("pack"), packs.signedFiles());

    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("pack", "pack.zip");
    }
  }

  @Test
  void refusesAFileAndAFolderOfTheSameName() {
    SchemagateException e =
        catchThrowableOfType(
            () ->
                Packs.write(
                    tmp.resolve("pack"),
                    List.of(Packs.file("logs", "a"), Packs.file("logs/run.txt", "b"))),
            SchemagateException.class);

    assertThat(e.getMessage()).contains("'logs' is both a file and a folder");
    assertThat(tmp.resolve("pack")).doesNotExist();
  }

  @Test
  void thePackGetsTheSamePermissionsAsAnyNewFolderNotOwnerOnly() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path plainDir = Files.createDirectory(tmp.resolve("plain"));
    Path plainFile = Files.createFile(tmp.resolve("plain.zip"));

    WrittenPack pack = Packs.write(tmp.resolve("pack"), packs.signedFiles());

    assertThat(Files.getPosixFilePermissions(pack.dir()))
        .isEqualTo(Files.getPosixFilePermissions(plainDir));
    assertThat(Files.getPosixFilePermissions(pack.zip()))
        .isEqualTo(Files.getPosixFilePermissions(plainFile));
  }
}

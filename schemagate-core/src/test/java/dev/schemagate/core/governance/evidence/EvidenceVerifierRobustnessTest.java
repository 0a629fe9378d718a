package dev.schemagate.core.governance.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged packs of every shape give problems, never exceptions: a verifier that throws on a
 * tampered pack would let a forger turn "NOT intact" into a crash that someone retries past.
 */
class EvidenceVerifierRobustnessTest {
  @TempDir Path tmp;
  private final Packs packs = new Packs();

  @Test
  void randomlyDamagedZipsNeverThrow() throws Exception {
    WrittenPack pack = Packs.write(tmp.resolve("pack"), packs.signedFiles());
    byte[] zip = Files.readAllBytes(pack.zip());
    Random random = new Random(20261122);
    Path damaged = tmp.resolve("damaged.zip");
    int notIntact = 0;
    for (int i = 0; i < 300; i++) {
      byte[] copy = zip.clone();
      if (i % 10 == 0) {
        copy = java.util.Arrays.copyOf(copy, random.nextInt(copy.length));
      } else {
        for (int k = 1 + random.nextInt(8); k > 0; k--) {
          copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
      }
      Files.write(damaged, copy);
      EvidenceVerification[] v = new EvidenceVerification[1];
      assertThatCode(() -> v[0] = EvidenceVerifier.verify(damaged, packs.trusted))
          .as("damage #%d", i)
          .doesNotThrowAnyException();
      assertThat(v[0].intact()).isEqualTo(v[0].problems().isEmpty());
      notIntact += v[0].intact() ? 0 : 1;
    }
    // Bytes of the central directory are not read by a streaming reader, so some damage is
    // harmless; most is not.
    assertThat(notIntact).isGreaterThan(200);
  }

  @Test
  void aWorkOrderDamagedAndReHashedIsAProblemNotACrash() throws Exception {
    String text = Packs.signedWorkOrder("alice", packs.alice.getPrivate());
    Random random = new Random(7);
    for (int i = 0; i < 40; i++) {
      char[] chars = text.toCharArray();
      for (int k = 1 + random.nextInt(4); k > 0; k--) {
        chars[random.nextInt(chars.length)] = "-:\n\"'{}[]# x".charAt(random.nextInt(12));
      }
      String damaged = new String(chars);
      WrittenPack pack = Packs.write(tmp.resolve("wo-" + i), packs.files(damaged));

      EvidenceVerification v = EvidenceVerifier.verify(pack.dir(), packs.trusted);

      assertThat(v.intact()).isEqualTo(v.problems().isEmpty());
      if (!damaged.equals(text) && !v.intact()) {
        assertThat(v.problems()).allMatch(p -> p.startsWith("work-order.md"));
      }
    }
  }

  @Test
  void aWorkOrderThatIsNotUtf8IsAProblem() throws Exception {
    List<EvidenceFile> files =
        List.of(
            new EvidenceFile("work-order.md", new byte[] {(byte) 0xff, (byte) 0xfe, 'x'}),
            new EvidenceFile("lint.txt", "ok".getBytes(StandardCharsets.UTF_8)));
    WrittenPack pack = Packs.write(tmp.resolve("bad-wo"), files);

    EvidenceVerification v = EvidenceVerifier.verify(pack.dir(), packs.trusted);

    assertThat(v.problems()).singleElement().asString().contains("work-order.md", "UTF-8");
  }

  @Test
  void aSymbolicLinkInThePackDirectoryIsAProblemAndNotFollowed() throws Exception {
    WrittenPack pack = Packs.write(tmp.resolve("pack"), packs.signedFiles());
    Path outside = Files.writeString(tmp.resolve("secret.txt"), "secret");
    Files.createSymbolicLink(pack.dir().resolve("link.txt"), outside);

    EvidenceVerification v = EvidenceVerifier.verify(pack.dir(), packs.trusted);

    assertThat(v.problems()).singleElement().asString().startsWith("link.txt: is a symbolic link");
  }
}

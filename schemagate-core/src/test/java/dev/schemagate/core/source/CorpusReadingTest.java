package dev.schemagate.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.revision.Revision;
import dev.schemagate.core.testing.Corpora;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reads the real migration histories in ../shared/corpora (see each corpus's SOURCE.md). */
class CorpusReadingTest {

  @Test
  void cratesIoIsReadAsDieselInDieselVersionOrder() {
    Path dir = Corpora.require("crates-io").resolve("migrations");
    assertThat(MigrationSources.detect(dir)).isEqualTo(Layout.DIESEL);

    MigrationSource source = MigrationSources.read(dir, null);

    List<String> ids = source.versioned().stream().map(MigrationScript::id).toList();
    assertThat(ids).hasSize(285).doesNotHaveDuplicates();
    assertThat(ids.get(0)).isEqualTo("00000000000000");
    assertThat(source.versioned().get(0).revision().message()).isEqualTo("diesel_initial_setup");
    assertThat(ids.get(284)).isEqualTo("2026-07-30-140000-0000");
    // The trap: a plain sort of the folder names would put 2017-08-31-230457 first.
    assertThat(ids.indexOf("20170102131034"))
        .isEqualTo(120)
        .isLessThan(ids.indexOf("2017-08-31-230457"));
    assertThat(ids).isSortedAccordingTo((a, b) -> a.replace("-", "").compareTo(b.replace("-", "")));
  }

  @Test
  void cratesIoMigrationsChainLinearlyFromTheInitialSetup() {
    MigrationSource source =
        MigrationSources.read(Corpora.require("crates-io").resolve("migrations"), Layout.DIESEL);
    List<MigrationScript> v = source.versioned();
    assertThat(v.get(0).revision().isBase()).isTrue();
    for (int i = 1; i < v.size(); i++) {
      assertThat(v.get(i).revision().downRevisions()).containsExactly(v.get(i - 1).id());
    }
    assertThat(v).allSatisfy(s -> assertThat(s.up().firstLine()).isEqualTo(1));
    assertThat(v).allSatisfy(s -> assertThat(s.down()).isNotNull());
    assertThat(v)
        .allSatisfy(s -> assertThat(s.checksum()).isEqualTo(Checksums.sha256(s.up().sql())));
  }

  @Test
  void cratesIoHasExactlySevenNonTransactionalMigrations() {
    MigrationSource source =
        MigrationSources.read(Corpora.require("crates-io").resolve("migrations"), null);
    assertThat(
            source.versioned().stream()
                .filter(s -> !s.transactional())
                .map(MigrationScript::id)
                .toList())
        .containsExactly(
            "2024-02-12-120203",
            "2024-03-05-120032",
            "2024-05-27-142004",
            "2024-10-25-112826",
            "2025-09-22-090805",
            "2025-09-29-161354",
            "2026-07-30-140000-0000");
  }

  @Test
  void cratesIoBackfillScriptIsTheOnlyStrayAndCommentOnlyDownIsStillADown() {
    MigrationSource source =
        MigrationSources.read(Corpora.require("crates-io").resolve("migrations"), null);
    assertThat(source.strays())
        .extracting(s -> s.file().getFileName().toString())
        .containsExactly("data_oauth_github.sql");
    MigrationScript notReversible =
        source.versioned().stream()
            .filter(s -> s.id().equals("2019-11-11-162609"))
            .findFirst()
            .orElseThrow();
    assertThat(notReversible.down().sql()).contains("-- Not reversible");
    assertThat(notReversible.irreversibleReason()).isNull();
  }

  @Test
  void marquezIsReadAsFlywayInNumericVersionOrder() {
    Path dir = Corpora.require("marquez-flyway").resolve("migration");
    assertThat(MigrationSources.detect(dir)).isEqualTo(Layout.FLYWAY);

    MigrationSource source = MigrationSources.read(dir, null);

    List<String> ids = source.versioned().stream().map(MigrationScript::id).toList();
    assertThat(ids).hasSize(81).doesNotHaveDuplicates();
    assertThat(ids.get(0)).isEqualTo("1");
    assertThat(ids.get(80)).isEqualTo("74");
    assertThat(ids).containsSubsequence("2", "2.1", "3");
    assertThat(ids).containsSubsequence("9", "10");
    assertThat(ids).containsSubsequence("16", "17.1", "17.2", "18");
    assertThat(ids).containsSubsequence("54", "55.1", "55.2", "55.3", "57.1", "58");
    assertThat(ids).containsSubsequence("65", "66.1", "66.2", "67.1", "68", "69.1", "69.3", "70");
    assertThat(ids.subList(0, 4)).containsExactly("1", "2", "2.1", "3");
    assertThat(source.versioned())
        .allSatisfy(
            s -> {
              assertThat(s.down()).isNull();
              assertThat(s.irreversibleReason()).isEqualTo(FlywayReader.NO_UNDO_REASON);
            });
  }

  @Test
  void marquezHasThreeRepeatablesByDescriptionAndOnlyV47OutsideATransaction() {
    MigrationSource source =
        MigrationSources.read(Corpora.require("marquez-flyway").resolve("migration"), null);
    assertThat(source.repeatables())
        .extracting(s -> s.revision().message())
        .containsExactly("Datasets view", "Jobs view and rewrite function", "Runs view");
    assertThat(source.repeatables())
        .allSatisfy(s -> assertThat(s.kind()).isEqualTo(MigrationScript.Kind.REPEATABLE));
    assertThat(
            source.versioned().stream()
                .filter(s -> !s.transactional())
                .map(MigrationScript::id)
                .toList())
        .containsExactly("47");
    assertThat(source.strays())
        .extracting(s -> s.file().getFileName().toString())
        .containsExactly("V57__readme.md");
    assertThat(source.callbacks()).isEmpty();
  }

  @Test
  void redashIsReadAsAlembicGraphWithOneMergeAndOneRoot() {
    Path dir = Corpora.require("redash-alembic");
    assertThat(MigrationSources.detect(dir)).isEqualTo(Layout.ALEMBIC);

    MigrationSource source = MigrationSources.read(dir, null);

    List<Revision> revisions = source.versioned().stream().map(MigrationScript::revision).toList();
    assertThat(revisions).hasSize(27);
    assertThat(revisions.stream().filter(Revision::isBase).map(Revision::id))
        .containsExactly("65fc9ede4746");
    assertThat(revisions.stream().filter(Revision::isMerge).map(Revision::id))
        .containsExactly("89bc7873a3e0");
    Map<String, Revision> byId =
        revisions.stream().collect(Collectors.toMap(Revision::id, Function.identity()));
    assertThat(byId.get("89bc7873a3e0").downRevisions())
        .containsExactly("0ec979123ba4", "d7d747033183");
    assertThat(byId.get("89bc7873a3e0").message()).isEqualTo("fix_multiple_heads");
    // Every parent is a revision of the folder.
    assertThat(revisions.stream().flatMap(r -> r.downRevisions().stream()))
        .allSatisfy(parent -> assertThat(byId).containsKey(parent));
    // The branch point: two revisions have e5c7a4e2df4d as parent.
    assertThat(revisions.stream().filter(r -> r.downRevisions().contains("e5c7a4e2df4d")))
        .hasSize(2);
    assertThat(source.strays())
        .extracting(s -> s.file().getFileName().toString())
        .containsExactly("SOURCE.md");
  }
}

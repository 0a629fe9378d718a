package dev.schemagate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.schemagate.core.api.HistoryResult;
import dev.schemagate.core.api.MigrateRequest;
import dev.schemagate.core.api.MigrateResult;
import dev.schemagate.core.api.PlannedStep;
import dev.schemagate.core.history.Outcome;
import dev.schemagate.core.run.MigrationFailedException;
import dev.schemagate.core.run.StepResult;
import dev.schemagate.core.testing.Corpora;
import dev.schemagate.core.testing.EmbeddedPostgresExtension;
import dev.schemagate.core.testing.PostgresDatabase;
import dev.schemagate.core.testing.Sql;
import dev.schemagate.core.testing.TestMigrators;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real histories in ../shared/corpora, applied to a real PostgreSQL. */
@ExtendWith(EmbeddedPostgresExtension.class)
class CorporaPostgresTest {

  private static final List<String> CRATES_NON_TRANSACTIONAL =
      List.of(
          "2024-02-12-120203",
          "2024-03-05-120032",
          "2024-05-27-142004",
          "2024-10-25-112826",
          "2025-09-22-090805",
          "2025-09-29-161354",
          "2026-07-30-140000-0000");

  @Test
  void cratesIoAppliesAll285FromEmptyThenDowngradeStopsAtTheFirstBrokenDown(PostgresDatabase db)
      throws Exception {
    Path dir = Corpora.require("crates-io").resolve("migrations");
    Migrator m = TestMigrators.of(dir, db.jdbcUrl());

    MigrateResult up = m.upgrade(MigrateRequest.live("head"));
    assertThat(up.steps()).hasSize(285);
    assertThat(up.steps()).allMatch(s -> s.outcome() == Outcome.SUCCESS);
    List<String> outside = new ArrayList<>();
    for (StepResult s : up.steps()) {
      if (!s.transactional()) {
        outside.add(s.revision());
      }
    }
    assertThat(outside).containsExactlyElementsOf(CRATES_NON_TRANSACTIONAL);
    assertThat(up.warnings()).anyMatch(w -> w.contains("data_oauth_github.sql"));

    // history lists them newest first in diesel's order: versions with dashes removed, as strings.
    HistoryResult h = m.history(null, null);
    List<String> ids = new ArrayList<>();
    h.entries().forEach(e -> ids.add(0, e.revision().id()));
    List<String> dieselOrder = new ArrayList<>(ids);
    dieselOrder.sort((a, b) -> a.replace("-", "").compareTo(b.replace("-", "")));
    assertThat(ids).hasSize(285).isEqualTo(dieselOrder);
    assertThat(ids.get(0)).isEqualTo("00000000000000");
    assertThat(ids.indexOf("20170102131034")).isLessThan(ids.indexOf("2017-08-31-230457"));
    assertThat(up.plan()).extracting(PlannedStep::revision).containsExactlyElementsOf(ids);

    MigrationFailedException e =
        catchThrowableOfType(
            () -> m.downgrade(MigrateRequest.live("base")), MigrationFailedException.class);
    assertThat(e.completed()).hasSize(50);
    assertThat(e.failed().revision()).isEqualTo("2024-10-25-112826");
    assertThat(e.getMessage())
        .contains("2024-10-25-112826_make-unique-version-unique")
        .contains("down.sql")
        .contains("versions_crate_id_num_no_build_uindex");
    try (Connection c = db.connect()) {
      assertThat(Sql.column(c, "SELECT version_num FROM schemagate_version"))
          .containsExactly("2024-10-25-112826");
      assertThat(
              Sql.column(
                  c,
                  "SELECT outcome FROM schemagate_history WHERE revision = '2024-10-25-112826'"
                      + " AND direction = 'down'"))
          .containsExactly("failed");
      // The index the failed down should have removed is still there: the state matches the record.
      assertThat(
              Sql.column(
                  c,
                  "SELECT indexname FROM pg_indexes WHERE indexname = 'versions_crate_id_num_no_build_uindex'"))
          .hasSize(1);
    }
    assertThat(m.status().applied()).isEqualTo(235);
  }

  @Test
  void marquezAppliesAll81VersionedThenThe3Repeatables(PostgresDatabase db) throws Exception {
    Path dir = Corpora.require("marquez-flyway").resolve("migration");
    Migrator m = TestMigrators.of(dir, db.jdbcUrl());
    MigrateResult up = m.upgrade(MigrateRequest.live("head"));
    assertThat(up.steps()).hasSize(84);
    assertThat(up.plan().subList(0, 81)).allMatch(p -> p.direction().equals("up"));
    assertThat(up.plan().subList(81, 84)).allMatch(p -> p.direction().equals("rerun"));
    assertThat(up.plan().get(80).revision()).isEqualTo("74");
    assertThat(up.steps())
        .filteredOn(s -> !s.transactional())
        .extracting(StepResult::revision)
        .containsExactly("47");
    assertThat(up.warnings()).singleElement().asString().contains("V57__readme.md");
    // Nothing changed on disk: a second run has nothing to do, repeatables included.
    assertThat(m.upgrade(MigrateRequest.live("head")).steps()).isEmpty();
  }
}

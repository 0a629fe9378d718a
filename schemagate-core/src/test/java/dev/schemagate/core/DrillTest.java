package dev.schemagate.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.api.SchemaRequest;
import dev.schemagate.core.schema.diff.DiffOptions;
import dev.schemagate.core.schema.drill.DrillReport;
import dev.schemagate.core.schema.drill.DrillStep;
import dev.schemagate.core.schema.drill.DrillVerdict;
import dev.schemagate.core.schema.scratch.ScratchSettings;
import dev.schemagate.core.testing.Corpora;
import dev.schemagate.core.testing.EmbeddedPostgresExtension;
import dev.schemagate.core.testing.PostgresDatabase;
import dev.schemagate.core.testing.TestMigrators;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The drill over crates-io's 285 diesel migrations finds the upstream defects that
 * ../shared/corpora/crates-io/SOURCE.md lists from a per-migration redo with psql and pg_dump.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class DrillTest {

  /** The migrations SOURCE.md names, by the folder name's leading part. */
  private static Set<String> folders(Map<String, DrillVerdict> byFolder, DrillVerdict v) {
    Set<String> out = new TreeSet<>();
    byFolder.forEach(
        (folder, verdict) -> {
          if (verdict == v) {
            out.add(folder);
          }
        });
    return out;
  }

  @Test
  void cratesIoDrillFindsTheUpstreamDefects(PostgresDatabase db) {
    Path dir = Corpora.require("crates-io").resolve("migrations");
    SchemaRequest request =
        new SchemaRequest(
            DiffOptions.DEFAULT,
            ScratchSettings.defaults()
                .withScratchUrl(
                    "jdbc:postgresql://localhost:" + db.port() + "/postgres?user=postgres"));
    DrillReport report = TestMigrators.of(dir, db.jdbcUrl()).drill(null, request);

    assertThat(report.steps()).hasSize(285);
    assertThat(report.notRun()).isEmpty();
    Map<String, DrillVerdict> byFolder = new TreeMap<>();
    for (DrillStep s : report.steps()) {
      byFolder.put(s.file(), s.verdict());
    }
    // Causes 1 to 3: the downgrades that fail.
    assertThat(folders(byFolder, DrillVerdict.DOWNGRADE_FAILS))
        .containsExactly(
            "20170318181441_downloads_need_no_id",
            "2024-04-12-144536_remove-downloads-column",
            "2024-10-25-112826_make-unique-version-unique");
    // Cause 4: the comment-only down, after which the up fails again.
    assertThat(folders(byFolder, DrillVerdict.REUPGRADE_FAILS))
        .containsExactly("2019-11-11-162609_drop_email_from_user");
    // The 11 that differ only in column order or layout, told apart from real differences.
    assertThat(folders(byFolder, DrillVerdict.ONLY_COLUMN_ORDER))
        .containsExactly(
            "20160717174656_dumped_migration_108",
            "2019-03-22-174825_remove_version_downloads_pk",
            "2019-08-28-224353_remove_licenses_column_from_crates",
            "2026-05-27-130000-0000_drop_semver_ord",
            "2026-06-17-112535-0000_drop_versions_checksum",
            "2026-06-18-084149-0000_drop_users_gh_avatar",
            "2026-07-15-182934-0000_drop_users_gh_encrypted_token");
    assertThat(folders(byFolder, DrillVerdict.ONLY_LAYOUT))
        .containsExactly(
            "20160219125609_dumped_migration_105",
            "20170706165855_dont_touch_timestamps_unless_row_changed",
            "2024-04-17-083100_remove-obsolete-fn",
            "2025-02-11-115609_remove-token-generated-at-column");
    // The 22 really different, less the no-op down counted above as a failed re-upgrade.
    Set<String> different = folders(byFolder, DrillVerdict.NOT_REVERSIBLE);
    List<String> expectedPrefixes =
        List.of(
            "20140925132254_dumped_migration_12",
            "20140925161625_dumped_migration_17",
            "20140926130046_dumped_migration_19",
            "20140930082104_dumped_migration_36",
            "20141112082527_dumped_migration_89",
            "20170308191449",
            "20170315133901",
            "2017-09-23-182408",
            "20170322130523",
            "20170502181306",
            "2017-09-23-210614",
            "2017-10-16-200404",
            "2018-01-18-172821",
            "2019-03-22-170700",
            "2019-09-18-233204",
            "2020-02-14-183929",
            "2020-07-14-113112",
            "2024-06-14-084455",
            "2025-02-11-163554",
            "2025-07-16-170846",
            "2026-06-17-105325-0000");
    assertThat(different).hasSize(expectedPrefixes.size());
    for (String prefix : expectedPrefixes) {
      assertThat(different).anyMatch(f -> f.equals(prefix) || f.startsWith(prefix + "_"));
    }
    assertThat(folders(byFolder, DrillVerdict.REVERSIBLE)).hasSize(249);

    // The details name what differs: the NOT VALID check left behind, the lost defaults.
    DrillStep notValid =
        report.steps().stream()
            .filter(s -> s.file().startsWith("2026-06-17-105325-0000"))
            .findFirst()
            .orElseThrow();
    assertThat(notValid.detail()).contains("versions_tar_sha256_present");
    DrillStep failedDown =
        report.steps().stream()
            .filter(s -> s.file().startsWith("2024-10-25-112826"))
            .findFirst()
            .orElseThrow();
    assertThat(failedDown.detail())
        .contains("down.sql:1")
        .contains("versions_crate_id_num_no_build_uindex");
    assertThat(report.clean()).isFalse();
  }
}

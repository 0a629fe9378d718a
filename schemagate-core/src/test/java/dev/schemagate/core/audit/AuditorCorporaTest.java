package dev.schemagate.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.source.Layout;
import dev.schemagate.core.testing.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance items of the audit on real histories. */
class AuditorCorporaTest {

  @TempDir Path out;

  private final Auditor auditor = new Auditor();

  @Test
  void redashAlembicFindsTheBranchPointMergeAndThePassDowngrades() throws IOException {
    Path versions = Corpora.require("redash-alembic").resolve("versions");
    AuditReport r = auditor.audit(versions, null, out);

    assertThat(r.layout()).isEqualTo(Layout.ALEMBIC);
    assertThat(r.migrations()).hasSize(27);
    assertThat(r.branchPoints()).containsExactly("e5c7a4e2df4d");
    assertThat(r.merges()).containsExactly("89bc7873a3e0");
    assertThat(r.bases()).containsExactly("65fc9ede4746");
    assertThat(r.heads()).containsExactly("db0aca1ebd32");
    MigrationAudit merge = find(r, "89bc7873a3e0");
    assertThat(merge.place().parents()).containsExactly("0ec979123ba4", "d7d747033183");

    // SOURCE.md: 9 downgrades are `pass`, the merge among them.
    List<String> passDowngrades =
        List.of(
            "0f740a081d20",
            "1655999df5e3",
            "73beceabb948",
            "7ce5925f832b",
            "89bc7873a3e0",
            "98af61feea92",
            "9e8c841d1a30",
            "d7d747033183",
            "e5c7a4e2df4d");
    assertThat(revisions(r, AuditWarning.IRREVERSIBLE_DOWNGRADE))
        .containsExactlyInAnyOrderElementsOf(passDowngrades);
    assertThat(revisions(r, AuditWarning.EMPTY_DOWNGRADE))
        .containsExactlyInAnyOrderElementsOf(passDowngrades);

    assertThat(files(".csv")).hasSize(27 + 1); // 27 migrations plus index.csv
    assertThat(files(".summary.md")).hasSize(27);
    assertThat(out.resolve("index.md")).exists();
    assertThat(r.filesWritten()).hasSize(27 * 2 + 2);

    // SOURCE.md: op.* calls are dominated by alter_column (25) and add_column/drop_column (20).
    String index = Files.readString(out.resolve("index.csv"));
    assertThat(index)
        .contains("op_call,alter_column,25\n")
        .contains("op_call,add_column,20\n")
        .contains("op_call,drop_column,20\n")
        .contains("branch_point,e5c7a4e2df4d,")
        .contains("merge,89bc7873a3e0,0ec979123ba4 d7d747033183\n");
    String mergeCsv = Files.readString(out.resolve(merge.stem() + ".csv"));
    assertThat(mergeCsv)
        .startsWith("kind,name,value\nmeta,file,89bc7873a3e0_fix_multiple_heads.py\n")
        .contains("meta,down_revision,0ec979123ba4 d7d747033183\n")
        .contains("warning,irreversible_downgrade,true\n")
        .contains("warning,destructive,false\n");
    String mergeMd = Files.readString(out.resolve(merge.stem() + ".summary.md"));
    assertThat(mergeMd).contains("**Merge**").contains("`irreversible_downgrade`");
    String forkMd = Files.readString(out.resolve(find(r, "e5c7a4e2df4d").stem() + ".summary.md"));
    assertThat(forkMd).contains("**Branch point**");

    // SQL inside op.execute("""...""") is counted as keywords.
    MigrationAudit selector = find(r, "1655999df5e3");
    assertThat(selector.sqlKeywords().upgrade()).containsEntry("UPDATE", 1);
    assertThat(selector.has(AuditWarning.DATA_MIGRATION)).isTrue();
    // op.execute(sql_expressions) hands over an imported value: the audit says it cannot see it.
    assertThat(find(r, "7ce5925f832b").has(AuditWarning.DYNAMIC_SQL)).isTrue();
  }

  @Test
  void cratesIoAuditsAllMigrationsAndFlagsTheBrokenDowns() throws IOException {
    Path migrations = Corpora.require("crates-io").resolve("migrations");
    long start = System.nanoTime();
    AuditReport r = auditor.audit(migrations, null, out);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println(
        "crates-io audit: "
            + r.migrations().size()
            + " migrations, "
            + r.filesWritten().size()
            + " files, "
            + r.knownIssues().size()
            + " known issues in "
            + millis
            + " ms");

    assertThat(r.layout()).isEqualTo(Layout.DIESEL);
    assertThat(r.migrations()).hasSize(285);
    assertThat(r.filesWritten()).hasSize(285 * 2 + 2);
    assertThat(r.strays()).anyMatch(s -> s.startsWith("data_oauth_github.sql: "));

    // The CONCURRENTLY in a transactional down (no metadata.toml).
    MigrationAudit concurrent = byStem(r, "2024-04-12-144536_remove-downloads-column");
    assertThat(concurrent.transactional()).isTrue();
    assertThat(concurrent.warningDetails().get("concurrently_in_transaction"))
        .contains("CREATE INDEX CONCURRENTLY")
        .contains("2024-04-12-144536_remove-downloads-column/down.sql:");
    // The same statement in a migration declared non-transactional is not flagged.
    assertThat(r.flagged(AuditWarning.CONCURRENTLY_IN_TRANSACTION))
        .containsExactly("2024-04-12-144536_remove-downloads-column");
    assertThat(r.flagged(AuditWarning.NON_TRANSACTIONAL)).hasSize(7);

    // The comment-only down.
    MigrationAudit commentOnly = byStem(r, "2019-11-11-162609_drop_email_from_user");
    assertThat(commentOnly.has(AuditWarning.EMPTY_DOWNGRADE)).isTrue();
    assertThat(commentOnly.has(AuditWarning.IRREVERSIBLE_DOWNGRADE)).isTrue();
    assertThat(commentOnly.has(AuditWarning.DESTRUCTIVE)).isTrue();
    assertThat(r.flagged(AuditWarning.EMPTY_DOWNGRADE)).contains(commentOnly.stem());

    assertThat(Files.readString(out.resolve("index.md")))
        .contains("| 2019-11-11-162609_drop_email_from_user | `empty_downgrade` |");
  }

  @Test
  void marquezFlywayAuditsFine() {
    Path migration = Corpora.require("marquez-flyway").resolve("migration");
    AuditReport r = auditor.audit(migration, null, out);
    assertThat(r.layout()).isEqualTo(Layout.FLYWAY);
    assertThat(r.migrations()).hasSize(81 + 3);
    assertThat(r.strays()).anyMatch(s -> s.startsWith("V57__readme.md: "));
    // Forward-only: every versioned script lacks a downgrade; repeatables are not undone.
    assertThat(r.flagged(AuditWarning.IRREVERSIBLE_DOWNGRADE)).hasSize(81);
    // Flyway runs V47 (CREATE INDEX CONCURRENTLY) outside a transaction, so it is not flagged.
    assertThat(r.flagged(AuditWarning.CONCURRENTLY_IN_TRANSACTION)).isEmpty();
    assertThat(r.flagged(AuditWarning.NON_TRANSACTIONAL))
        .contains("V47__add_lineage_event_indexes");
    assertThat(r.flagged(AuditWarning.UNREADABLE_CONTENT)).isEmpty();
  }

  @Test
  void onboardingExampleAuditsFine() throws IOException {
    Path migrations = Path.of("..", "examples", "onboarding", "migrations");
    AuditReport r = auditor.audit(migrations, null, out);
    assertThat(r.layout()).isEqualTo(Layout.NATIVE);
    assertThat(r.migrations()).hasSize(14);
    assertThat(r.merges()).containsExactly("5a105911a525");
    assertThat(r.branchPoints()).isNotEmpty();
    assertThat(r.flagged(AuditWarning.DATA_MIGRATION))
        .contains("776dc5d98ca6_seed_onboarding_step_catalog");
    assertThat(r.flagged(AuditWarning.UNREADABLE_CONTENT)).isEmpty();
    assertThat(Files.readString(out.resolve("776dc5d98ca6_seed_onboarding_step_catalog.csv")))
        .contains("sql_keyword,INSERT,6\n")
        .contains("sql_keyword,DELETE,1\n");
  }

  private List<Path> files(String suffix) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
    }
  }

  private static MigrationAudit find(AuditReport r, String revision) {
    return r.migrations().stream()
        .filter(m -> m.revision().equals(revision))
        .findFirst()
        .orElseThrow();
  }

  private static MigrationAudit byStem(AuditReport r, String stem) {
    return r.migrations().stream().filter(m -> m.stem().equals(stem)).findFirst().orElseThrow();
  }

  private static List<String> revisions(AuditReport r, AuditWarning w) {
    return r.migrations().stream().filter(m -> m.has(w)).map(MigrationAudit::revision).toList();
  }
}

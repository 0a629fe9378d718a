package dev.schemagate.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.schemagate.core.testing.Corpora;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Splits real migration folders from {@code shared/corpora}. Skipped, visibly, when the corpora are
 * not checked out next to the repository.
 */
class StatementSplitterCorpusTest {
  private Path crates;
  private Path marquez;

  @BeforeEach
  void locateCorpora() {
    crates = Corpora.require("crates-io").resolve("migrations");
    marquez = Corpora.require("marquez-flyway").resolve("migration");
  }

  @Test
  void splitsEveryCratesIoAndMarquezFileWithoutError() {
    List<Path> files = new ArrayList<>(sqlFiles(crates));
    files.addAll(sqlFiles(marquez));
    assertThat(files).hasSizeGreaterThan(600);
    // Linear by design: all 650-odd files split in well under a second; not asserted, as
    // timings on shared machines are noise.
    for (Path file : files) {
      assertThatCode(() -> StatementSplitter.split(read(file), Dialect.POSTGRES))
          .as(file.toString())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void splitsDieselSetupIntoItsTwoDollarQuotedFunctions() {
    assertThat(lines(crates.resolve("00000000000000_diesel_initial_setup/up.sql")))
        .containsExactly(19, 26);
  }

  @Test
  void splitsAPlpgsqlFunctionFullOfSemicolonsAndTheStatementsAfterIt() {
    assertThat(lines(crates.resolve("2025-03-06-060640_semver_ord/up.sql")))
        .containsExactly(3, 68, 73, 76, 84, 91);
  }

  @Test
  void closesATaggedDollarQuoteIndentedOnItsOwnLine() {
    List<SqlStatement> statements =
        split(crates.resolve("2017-10-08-193512_category_trees/up.sql"));
    assertThat(statements)
        .extracting(SqlStatement::line)
        .containsExactly(1, 5, 9, 13, 17, 18, 21, 30, 36);
    assertThat(statements.get(6).sql()).contains("$BODY$").endsWith("$BODY$ LANGUAGE plpgsql");
  }

  @Test
  void splitsMarquezViewFunctionAndTrigger() {
    assertThat(lines(marquez.resolve("R__Jobs_view_and_rewrite_function.sql")))
        .containsExactly(1, 26, 128, 130);
  }

  @Test
  void keepsADoBlockWholeAfterALicenceComment() {
    List<SqlStatement> statements = split(marquez.resolve("V52__alter_dataset_symlinks.sql"));
    assertThat(statements).extracting(SqlStatement::line).containsExactly(3);
    assertThat(statements.get(0).sql()).startsWith("DO\n$$").endsWith("$$ LANGUAGE plpgsql");
  }

  @Test
  void findsNoStatementInACommentOnlyDown() {
    assertThat(split(crates.resolve("2019-11-11-162609_drop_email_from_user/down.sql"))).isEmpty();
  }

  @Test
  void flagsConcurrentIndexMigrationsExactlyWhereDieselRunsThemOutsideATransaction() {
    List<String> flagged = new ArrayList<>();
    List<String> marked = new ArrayList<>();
    for (Path file : sqlFiles(crates)) {
      Path dir = file.getParent();
      if (dir.equals(crates)) {
        continue; // a stray script, not a migration
      }
      String migration = dir.getFileName().toString();
      boolean anyFlagged =
          split(file).stream()
              .map(SqlStatement::sql)
              .anyMatch(TransactionRules::cannotRunInTransaction);
      if (anyFlagged && !flagged.contains(migration)) {
        flagged.add(migration);
      }
      Path metadata = dir.resolve("metadata.toml");
      if (Files.exists(metadata)
          && read(metadata).contains("run_in_transaction = false")
          && !marked.contains(migration)) {
        marked.add(migration);
      }
    }
    // The one extra is an upstream bug (see the corpus SOURCE.md): its down creates indexes
    // concurrently without a metadata.toml, and fails inside diesel's transaction.
    List<String> expected = new ArrayList<>(marked);
    expected.add("2024-04-12-144536_remove-downloads-column");
    assertThat(marked).hasSize(7);
    assertThat(flagged).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static List<Integer> lines(Path file) {
    return split(file).stream().map(SqlStatement::line).toList();
  }

  private static List<SqlStatement> split(Path file) {
    return StatementSplitter.split(read(file), Dialect.POSTGRES);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> sqlFiles(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

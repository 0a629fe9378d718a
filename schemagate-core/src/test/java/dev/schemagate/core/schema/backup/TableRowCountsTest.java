package dev.schemagate.core.schema.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.config.ConnectionSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableRowCountsTest {

  @Test
  void namesEveryDifferingTable() {
    RestoredCheck.Outcome o =
        TableRowCounts.compare(
            Map.of("a", 1L, "b", 2L, "c", 3L), Map.of("a", 1L, "b", 5L, "d", 0L));
    assertThat(o.matches()).isFalse();
    assertThat(o.detail())
        .isEqualTo(
            "tables and row counts differ from the source: b: 2 rows in the source, 5 in the"
                + " backup; c: only in the source (3 rows); d: only in the backup (0 rows)");
  }

  @Test
  void equalCountsListTheTables() {
    RestoredCheck.Outcome o = TableRowCounts.compare(Map.of("a", 1L), Map.of("a", 1L));
    assertThat(o.matches()).isTrue();
    assertThat(o.detail())
        .isEqualTo("1 table and their row counts match the source (1 row in all): a 1");
  }

  @Test
  void aSourceThatCannotBeReadIsNeverAMatch() {
    ConnectionSpec unreachable =
        ConnectionSpec.parse("jdbc:postgresql://127.0.0.1:1/x?connectTimeout=1");
    RestoredCheck.Outcome o = new TableRowCounts().compare(unreachable, unreachable);
    assertThat(o.matches()).isFalse();
    assertThat(o.detail()).startsWith("could not count the rows of the source");
  }
}

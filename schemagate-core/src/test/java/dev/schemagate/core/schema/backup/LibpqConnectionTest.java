package dev.schemagate.core.schema.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.config.ConnectionSpec;
import org.junit.jupiter.api.Test;

class LibpqConnectionTest {

  @Test
  void carriesHostPortDatabaseAndUserButNeverThePassword() {
    ConnectionSpec spec =
        ConnectionSpec.parse("postgres://app:s3cret@db.example:6543/shop?sslmode=require");
    String conninfo = LibpqConnection.conninfo(spec);
    assertThat(conninfo)
        .isEqualTo("host='db.example' port='6543' dbname='shop' user='app' sslmode='require'")
        .doesNotContain("s3cret");
  }

  @Test
  void quotesValuesAndMapsJdbcOptions() {
    ConnectionSpec spec =
        new ConnectionSpec(
            "jdbc:postgresql://[::1]:5433,h2/it's?ssl=true&connectTimeout=5&prepareThreshold=0",
            null,
            null,
            dev.schemagate.core.sql.Dialect.POSTGRES);
    assertThat(LibpqConnection.conninfo(spec))
        .isEqualTo(
            "host='::1,h2' port='5433,5432' dbname='it\\'s' sslmode='verify-full'"
                + " connect_timeout='5'");
  }
}

package dev.schemagate.core.testing;

import dev.schemagate.core.Migrator;
import dev.schemagate.core.RunIdentity;
import dev.schemagate.core.config.WorkspaceOptions;
import dev.schemagate.core.source.Layout;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Builds Migrators the way the CLI does, without a configuration file. */
public final class TestMigrators {
  private TestMigrators() {}

  public static Migrator of(Path migrations, String url) {
    return of(migrations, url, null);
  }

  public static Migrator of(Path migrations, String url, Layout layout) {
    return Migrator.open(
        new WorkspaceOptions(null, null, url, migrations, layout, Map.of(), migrations.getParent()),
        new RunIdentity("tester", "test-host", "test", Clock.systemUTC()));
  }
}

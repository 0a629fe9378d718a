package dev.schemagate.core.schema.backup;

import java.nio.file.Path;

/**
 * One PostgreSQL client program found on this machine.
 *
 * @param name {@code pg_dump} or {@code pg_restore}
 * @param path where it is
 * @param version what {@code --version} said, e.g. {@code 15.18}
 * @param major its major version, e.g. 15
 */
public record PgTool(String name, Path path, String version, int major) {
  @Override
  public String toString() {
    return name + " " + version + " (" + path + ")";
  }
}

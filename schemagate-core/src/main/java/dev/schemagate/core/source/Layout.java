package dev.schemagate.core.source;

import java.util.Locale;

/** The on-disk migration layouts schemagate reads in place. */
public enum Layout {
  NATIVE("native"),
  FLYWAY("flyway"),
  DIESEL("diesel"),
  GOLANG_MIGRATE("golang-migrate"),
  DBMATE("dbmate"),
  /** Alembic {@code .py} files: read statically for the graph and audit; never executed. */
  ALEMBIC("alembic");

  private final String cliName;

  Layout(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  /** Parses a {@code --layout} value; null when unknown. */
  public static Layout fromCliName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (Layout l : values()) {
      if (l.cliName.equals(n)) {
        return l;
      }
    }
    return null;
  }
}

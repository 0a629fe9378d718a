package dev.schemagate.core.schema.diff;

/** What happened to one object between the {@code from} and the {@code to} snapshot. */
public enum ChangeType {
  /** Only in {@code to}. */
  ADDED('+'),
  /** Only in {@code from}. */
  REMOVED('-'),
  /** In both, with different attributes (or renamed: see {@link Change#renamed()}). */
  CHANGED('~');

  private final char sign;

  ChangeType(char sign) {
    this.sign = sign;
  }

  /** The sign text output starts the line with: {@code +}, {@code -} or {@code ~}. */
  public char sign() {
    return sign;
  }

  /** How JSON and summaries name it: {@code added}, {@code removed}, {@code changed}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

package dev.schemagate.core.schema.diff;

/**
 * Something a comparison could not look at: a line of a snapshot's {@link
 * dev.schemagate.core.schema.SchemaSnapshot#skipped()}, or a problem the diff found itself.
 *
 * @param side which snapshot it concerns
 * @param what one readable line
 */
public record Skipped(Side side, String what) {

  /** The snapshot a skipped line belongs to. */
  public enum Side {
    FROM,
    TO;

    public String label() {
      return this == FROM ? "from" : "to";
    }
  }
}

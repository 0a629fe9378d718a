package dev.schemagate.core.schema.ddl;

import java.util.List;

/**
 * The DDL of a snapshot, both ways.
 *
 * @param create statements, without terminators, that recreate the schema on an empty database in
 *     dependency order
 * @param drop statements that remove everything {@code create} made, in reverse dependency order
 * @param notReproduced one readable line per object or property of the snapshot the statements
 *     cannot carry ({@code index public.t.t_a_idx is invalid; the DDL creates it valid}); a
 *     baseline must show these to the user, and a round trip is only expected to be equal when it
 *     is empty
 */
public record Ddl(List<String> create, List<String> drop, List<String> notReproduced) {
  public Ddl {
    create = List.copyOf(create);
    drop = List.copyOf(drop);
    notReproduced = List.copyOf(notReproduced);
  }
}

package dev.schemagate.core.api;

import java.util.List;

/**
 * A work order written or changed by {@code wo new}, {@code wo approve} or {@code wo reject}.
 *
 * @param id {@code WO-MIGRATION-NNN}
 * @param file the work-order file
 * @param written the files written, the work order and its evidence
 * @param notes what the author still has to do, one line each (the placeholders to fill in)
 */
public record WorkOrderResult(String id, String file, List<String> written, List<String> notes) {
  public WorkOrderResult {
    written = List.copyOf(written);
    notes = List.copyOf(notes);
  }
}

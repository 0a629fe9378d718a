package dev.schemagate.core.api;

/**
 * What {@code wo new} drafts.
 *
 * @param direction {@code upgrade} or {@code downgrade}
 * @param target where the change goes ({@code head}, a revision, {@code base} for a downgrade)
 * @param from the heads it starts from, comma-separated ({@code base} for none); null to read them
 *     from the environment's database
 * @param author who drafts it (a person of the configuration); null for the run's actor
 * @param rollbackOf for a downgrade: the work order whose rollback plan it carries out (its steps,
 *     triggers and post-rollback verification are copied); null for none
 * @param schema scratch settings for the diff and the drill
 */
public record WorkOrderRequest(
    String direction,
    String target,
    String from,
    String author,
    String rollbackOf,
    SchemaRequest schema) {
  public WorkOrderRequest {
    direction = direction == null ? "upgrade" : direction;
    if (!direction.equals("upgrade") && !direction.equals("downgrade")) {
      throw new IllegalArgumentException("direction must be upgrade or downgrade: " + direction);
    }
    schema = schema == null ? SchemaRequest.defaults() : schema;
  }

  /** An upgrade work order. */
  public static WorkOrderRequest upgrade(String target, String from, String author) {
    return new WorkOrderRequest("upgrade", target, from, author, null, null);
  }
}

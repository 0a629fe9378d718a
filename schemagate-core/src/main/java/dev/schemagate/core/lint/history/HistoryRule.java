package dev.schemagate.core.lint.history;

import dev.schemagate.core.lint.Severity;
import java.util.Arrays;
import java.util.Optional;

/**
 * The rules of the history check. The graph rules look at revision headers only; the schema rules
 * replay every upgrade statically (no database) in topological order.
 */
public enum HistoryRule {
  /** A down_revision or depends_on names a revision no file declares. */
  MISSING_REVISION("missing-revision", true),
  /** Two files declare the same revision id. */
  DUPLICATE_REVISION("duplicate-revision", true),
  /** down_revision/depends_on edges form a cycle. */
  REVISION_CYCLE("revision-cycle", true),
  /** Two revisions declare the same branch label, or a label is not usable in targets. */
  BRANCH_LABEL_CONFLICT("branch-label-conflict", true),
  /** More than one head, not all on their own labelled branch: needs {@code schemagate merge}. */
  MULTIPLE_HEADS("multiple-heads", false),
  /**
   * A chain with its own base that nothing joins to the main history (no merge, no depends_on) and
   * that declares no branch label.
   */
  ORPHAN_REVISION("orphan-revision", false),
  /**
   * CREATE TABLE / INDEX / TYPE / DOMAIN / VIEW / MATERIALIZED VIEW / SEQUENCE, or ADD COLUMN, of
   * something that already exists, without IF NOT EXISTS (or OR REPLACE for a view).
   */
  OBJECT_CREATED_TWICE("object-created-twice", true),
  /**
   * ALTER TABLE, DROP TABLE, CREATE INDEX, INSERT, UPDATE, DELETE, TRUNCATE, COMMENT ON,
   * REFERENCES, PARTITION OF or a trigger/policy/rule ON a table that no earlier migration created;
   * reported only in histories that build their schema from nothing (see {@link SchemaSimulator}).
   */
  UNKNOWN_TABLE("unknown-table", true),
  /**
   * ALTER COLUMN, DROP COLUMN, RENAME COLUMN, INSERT/UPDATE target columns, plain index keys,
   * constraint columns or COMMENT ON COLUMN naming a column the table does not have; only for
   * tables whose every column the history shows.
   */
  UNKNOWN_COLUMN("unknown-column", true),
  /** A statement uses a table or column that an earlier migration dropped or renamed away. */
  USE_AFTER_DROP("use-after-drop", true);

  private final String id;
  private final Severity defaultSeverity;

  HistoryRule(String id, boolean error) {
    this.id = id;
    this.defaultSeverity = error ? Severity.ERROR : Severity.WARNING;
  }

  /** The rule id as written in findings, configuration and suppressions. */
  public String id() {
    return id;
  }

  /**
   * ERROR when a fresh database would fail or the graph cannot be planned; WARNING when the history
   * is legal but probably unintended (several heads, an orphan chain).
   */
  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  /** The rule with this id, if any. */
  public static Optional<HistoryRule> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }
}

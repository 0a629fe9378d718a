package dev.schemagate.core.audit;

import java.util.Locale;

/**
 * The warnings an audit reports for a migration. Every per-migration CSV has one {@code warning}
 * row for each, {@code true} or {@code false}; the index lists each {@code true} one as a known
 * issue with its detail.
 */
public enum AuditWarning {
  /**
   * The migration cannot be undone by its downgrade: there is none (Flyway without an undo file, a
   * native file with {@code -- irreversible:}), or it does nothing (an Alembic {@code downgrade()}
   * that is only {@code pass}, {@code ...}, docstrings and comments; a SQL downgrade with no
   * statements). Repeatable scripts are never flagged: they are re-applied, not undone.
   */
  IRREVERSIBLE_DOWNGRADE("no downgrade, or one that does nothing"),
  /**
   * A downgrade is present but does nothing (comments, whitespace or {@code pass} only). Always
   * also {@link #IRREVERSIBLE_DOWNGRADE}; said separately because rolling back "succeeds" while the
   * upgrade's changes stay.
   */
  EMPTY_DOWNGRADE("a downgrade is present but does nothing"),
  /**
   * A statement PostgreSQL refuses inside a transaction block ({@code CREATE/DROP INDEX
   * CONCURRENTLY}, {@code VACUUM}, {@code REINDEX ... CONCURRENTLY}, ...; Alembic: {@code
   * postgresql_concurrently=True}), in an upgrade or downgrade that runs in one: by the migration's
   * own transaction mode (diesel {@code metadata.toml}, native {@code transaction:}, dbmate {@code
   * transaction:false}, Alembic {@code autocommit_block()}).
   */
  CONCURRENTLY_IN_TRANSACTION("a statement refused inside a transaction, in a transactional run"),
  /** The upgrade drops a table, column, schema or database, or truncates a table. */
  DESTRUCTIVE("the upgrade drops a table, column, schema or database, or truncates"),
  /**
   * Data is changed in a schema migration: INSERT, UPDATE, DELETE, MERGE or COPY FROM in the
   * upgrade or downgrade; Alembic: such SQL in an execute call, {@code op.bulk_insert}, or a
   * SQLAlchemy insert/update/delete expression passed to execute.
   */
  DATA_MIGRATION("data is changed (DML) in a schema migration"),
  /**
   * The migration runs outside a transaction, so a failure part-way leaves it half applied
   * (Alembic: it uses {@code autocommit_block()}).
   */
  NON_TRANSACTIONAL("runs outside a transaction"),
  /**
   * Alembic only: an execute call whose SQL cannot be read statically (an imported or computed
   * value), so this audit cannot see what it does.
   */
  DYNAMIC_SQL("SQL that cannot be read statically"),
  /**
   * Text that could not be analysed as SQL (binary content, an unterminated string, comment or
   * dollar quote) or Python (an unterminated string, an unclosed bracket).
   */
  UNREADABLE_CONTENT("content that cannot be analysed"),
  /** The file is larger than {@value Auditor#LARGE_FILE_CHARS} characters: too big to review. */
  LARGE_FILE("too large to review"),
  /** A parent named by {@code down_revision} (or {@code depends_on}) is not in the folder. */
  UNKNOWN_PARENT("a parent or dependency is not in the folder");

  private final String meaning;

  AuditWarning(String meaning) {
    this.meaning = meaning;
  }

  /** The name used in reports, e.g. {@code irreversible_downgrade}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** One line on what it means. */
  public String meaning() {
    return meaning;
  }
}

package dev.schemagate.core.governance.auditlog;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.governance.auditlog.AuditVerification.Kind;
import dev.schemagate.core.governance.auditlog.AuditVerification.Problem;
import dev.schemagate.core.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hash-chained audit log in the target database, table {@value #TABLE}: one row per governance
 * state transition, each row's hash covering its content and the previous row's hash.
 *
 * <p><b>Chain.</b> Entry {@code n} has seq {@code n} (1, 2, 3, ... assigned here as the last seq +
 * 1), prev_hash = hash of entry {@code n-1} ({@link AuditAnchor#GENESIS_HASH}, 64 zeros, for entry
 * 1), and hash = SHA-256 over a length-prefixed encoding of (seq, recorded_at, actor, host, event,
 * work_order, environment, detail, prev_hash) under the domain tag {@code schemagate-audit-log/1}
 * (the byte layout is documented on {@code ChainHash}). Every column is stored as text and hashed
 * as stored; the detail column is deliberately TEXT, not {@code jsonb}, because jsonb re-orders
 * keys and re-spaces the text, which would break every hash on read.
 *
 * <p><b>What verify can prove, honestly.</b> The chain needs no secret, so it is tamper-evident,
 * not tamper-proof. Editing, deleting or moving a row in the middle is detected by {@link
 * #verify()} alone. Two things are not: (1) deleting entries from the end leaves a shorter chain
 * that is perfectly valid; (2) someone with write access who rewrites a row and recomputes every
 * hash after it produces a valid chain too. Both are caught only against an anchor cited outside
 * the database: {@link AuditVerification#head()} is meant to be written into the evidence pack of
 * every execution, and {@link #verify(AuditAnchor)} then proves the log still reaches that (seq,
 * hash). Restricting the table to INSERT and SELECT for the migrating role is the database's job
 * and is not done here.
 *
 * <p><b>Transactions and the append lock.</b> {@link #append} writes inside the caller's open
 * transaction when autocommit is off (so a GATE_FAILED entry can be committed alone while nothing
 * else changes, or an APPLY_FINISHED entry commits atomically with the migration), and in its own
 * short transaction when autocommit is on. Two processes appending at once must not both read seq
 * {@code n} as the head and write {@code n+1}:
 *
 * <ul>
 *   <li>PostgreSQL: {@code pg_advisory_xact_lock} on a fixed key ({@link #LOCK_KEY}, distinct from
 *       the migration lock's key), taken before the head is read and released at commit or
 *       rollback. Chosen over {@code SELECT ... FOR UPDATE} on the last row because an empty table
 *       has no row to lock, and because a READ COMMITTED waiter on a row lock gets the old last row
 *       back once the holder commits, then forks the chain onto it. After the advisory lock is
 *       granted, the next statement takes a fresh snapshot and sees the holder's row. The trap: in
 *       a caller's REPEATABLE READ or SERIALIZABLE transaction that already ran a statement, the
 *       snapshot predates the lock, the head read is stale and the insert fails on the seq primary
 *       key. The chain still does not fork, but the caller's transaction is aborted; append in READ
 *       COMMITTED. Also: the lock is held until the caller commits, so keep the transaction short
 *       or other appenders wait.
 *   <li>SQLite: the database's single write lock. In autocommit this opens {@code BEGIN IMMEDIATE},
 *       which waits (up to the connection's busy_timeout) for the write lock before the head is
 *       read. In the caller's transaction it first runs a write that changes nothing, which takes
 *       the write lock before the head is read; if another connection committed in between, SQLite
 *       refuses with SQLITE_BUSY rather than let a stale read through. Begin such transactions with
 *       {@code BEGIN IMMEDIATE} to wait instead of failing.
 * </ul>
 *
 * <p><b>Secrets.</b> Callers pass redacted text (see {@link AuditEntryDraft}); every text field is
 * run through {@link ConnectionSpec#redact} again before it is hashed and stored, and the detail
 * JSON is redacted value by value. A secret that got in anyway cannot be removed without breaking
 * the chain from that row on.
 *
 * <p>Not thread-safe: one instance per connection, as for the connection itself.
 */
public final class AuditLog {
  public static final String TABLE =
      dev.schemagate.core.schema.introspect.IntrospectOptions.AUDIT_LOG_TABLE;

  /**
   * Transaction-level advisory lock key for appends on PostgreSQL; 32 bits, so {@code
   * pg_locks.objid} shows it. Differs from the migration lock's key so a run holding that lock can
   * still append from another session.
   */
  public static final long LOCK_KEY = 0x5C4E_A0D1L;

  private static final String COLUMNS =
      "seq, recorded_at, actor, host, event, work_order, environment, detail, prev_hash, hash";

  /** Fixed width so the text sorts as time does. */
  private static final DateTimeFormatter RECORDED_AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final Connection connection;
  private final Dialect dialect;
  private final Clock clock;

  public AuditLog(Connection connection, Dialect dialect) {
    this(connection, dialect, Clock.systemUTC());
  }

  /** With a clock for recorded_at (tests pin it). */
  public AuditLog(Connection connection, Dialect dialect, Clock clock) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The DDL of the table, as {@link #append} creates it when missing. Seq is the primary key: the
   * last line of defence against a forked chain is that two rows cannot share a seq.
   */
  public String createTableSql() {
    String text = "TEXT";
    String seq = dialect == Dialect.POSTGRES ? "BIGINT PRIMARY KEY" : "INTEGER PRIMARY KEY";
    return "CREATE TABLE IF NOT EXISTS "
        + TABLE
        + " (seq "
        + seq
        + ", recorded_at VARCHAR(40) NOT NULL, actor "
        + text
        + " NOT NULL, host "
        + text
        + " NOT NULL, event VARCHAR(40) NOT NULL, work_order "
        + text
        + ", environment "
        + text
        + ", detail "
        + text
        + " NOT NULL, prev_hash CHAR(64) NOT NULL, hash CHAR(64) NOT NULL)";
  }

  /**
   * Appends one entry, creating the table when missing, and returns it as stored (redacted, with
   * seq, recorded_at and hashes). Inside the caller's transaction when autocommit is off: nothing
   * is stored unless the caller commits. See the class comment for the lock.
   *
   * @throws IllegalArgumentException when the detail is not a JSON object
   * @throws SQLException from the database; on PostgreSQL the caller's transaction is then aborted
   */
  public AuditEntry append(AuditEntryDraft draft) throws SQLException {
    String actor = ConnectionSpec.redact(draft.actor());
    String host = ConnectionSpec.redact(draft.host());
    String workOrder = ConnectionSpec.redact(draft.workOrder());
    String environment = ConnectionSpec.redact(draft.environment());
    String detail = Detail.normalize(draft.detail());
    String event = draft.event().name();

    boolean ownTransaction = connection.getAutoCommit();
    if (ownTransaction) {
      begin();
    }
    try {
      lockForAppend(ownTransaction);
      AuditAnchor head = readHead();
      long seq = head.seq() + 1;
      String recordedAt = RECORDED_AT.format(clock.instant());
      String hash =
          ChainHash.of(
              seq, recordedAt, actor, host, event, workOrder, environment, detail, head.hash());
      try (PreparedStatement ps =
          connection.prepareStatement(
              "INSERT INTO "
                  + TABLE
                  + " ("
                  + COLUMNS
                  + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, seq);
        ps.setString(2, recordedAt);
        ps.setString(3, actor);
        ps.setString(4, host);
        ps.setString(5, event);
        ps.setString(6, workOrder);
        ps.setString(7, environment);
        ps.setString(8, detail);
        ps.setString(9, head.hash());
        ps.setString(10, hash);
        int rows = ps.executeUpdate();
        if (rows != 1) {
          throw new SQLException("audit-log insert of seq " + seq + " stored " + rows + " rows");
        }
      }
      if (ownTransaction) {
        commit();
      }
      return new AuditEntry(
          seq,
          recordedAt,
          actor,
          host,
          draft.event(),
          workOrder,
          environment,
          detail,
          head.hash(),
          hash);
    } catch (SQLException | RuntimeException e) {
      if (ownTransaction) {
        rollbackQuietly(e);
      }
      throw e;
    }
  }

  /**
   * Every entry in seq order, as stored. Does not verify; an empty list when the table is missing.
   *
   * @throws SchemagateException when a row's event is not in this version's vocabulary
   */
  public List<AuditEntry> read() throws SQLException {
    List<AuditEntry> entries = new ArrayList<>();
    for (Row r : rows()) {
      AuditEvent event;
      try {
        event = AuditEvent.valueOf(r.event());
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new SchemagateException(
            ExitCode.FAILED,
            "audit-log entry "
                + r.seq()
                + " in "
                + TABLE
                + " has event '"
                + r.event()
                + "', which this schemagate does not know",
            "run audit-log verify; if the chain is intact, the entry was written by a newer"
                + " schemagate: upgrade to read it");
      }
      entries.add(
          new AuditEntry(
              r.seq(),
              r.recordedAt(),
              r.actor(),
              r.host(),
              event,
              r.workOrder(),
              r.environment(),
              r.detail(),
              r.prevHash(),
              r.hash()));
    }
    return entries;
  }

  /**
   * Walks the chain in seq order and reports the first break, or intact with the count and head.
   * Catches edited, deleted and moved rows in the middle; a truncated tail or a fully re-hashed
   * rewrite needs {@link #verify(AuditAnchor)}. Reads the whole table into memory (a row is a few
   * hundred bytes; a log of a million entries is fine).
   */
  public AuditVerification verify() throws SQLException {
    return verify(rows());
  }

  /**
   * {@link #verify()}, then proves the log still reaches {@code cited}: an entry with that seq and
   * that hash. A log that ends before the cited seq was TRUNCATED; a different hash at that seq
   * means the chain was REWRITTEN with recomputed hashes. Entries after the anchor are fine.
   */
  public AuditVerification verify(AuditAnchor cited) throws SQLException {
    Objects.requireNonNull(cited, "cited");
    List<Row> rows = rows();
    AuditVerification chain = verify(rows);
    if (!chain.intact()) {
      return chain;
    }
    Problem problem = null;
    if (cited.seq() == 0) {
      if (!cited.hash().equals(AuditAnchor.GENESIS_HASH)) {
        problem =
            new Problem(
                Kind.REWRITTEN,
                0,
                "the cited anchor " + cited + " has seq 0, which only the genesis hash can have");
      }
    } else if (cited.seq() > chain.head().seq()) {
      problem =
          new Problem(
              Kind.TRUNCATED,
              chain.head().seq() + 1,
              "the log ends at seq "
                  + chain.head().seq()
                  + " but seq "
                  + cited.seq()
                  + " was cited (hash "
                  + cited.hash()
                  + "): "
                  + (cited.seq() == chain.head().seq() + 1
                      ? "entry " + cited.seq() + " was"
                      : "entries " + (chain.head().seq() + 1) + ".." + cited.seq() + " were")
                  + " removed from the end");
    } else {
      // Intact means seqs run 1..n without gaps, so seq k is row k-1.
      Row row = rows.get((int) (cited.seq() - 1));
      if (!cited.hash().equals(row.hash())) {
        problem =
            new Problem(
                Kind.REWRITTEN,
                cited.seq(),
                "entry "
                    + cited.seq()
                    + " has hash "
                    + row.hash()
                    + " but "
                    + cited.hash()
                    + " was cited: the chain was rebuilt with recomputed hashes at or before seq "
                    + cited.seq());
      }
    }
    return new AuditVerification(chain.entries(), chain.head(), problem);
  }

  private AuditVerification verify(List<Row> rows) {
    AuditAnchor head =
        rows.isEmpty() ? AuditAnchor.GENESIS : anchorOrNull(rows.get(rows.size() - 1));
    return new AuditVerification(
        rows.size(), head == null ? AuditAnchor.GENESIS : head, firstBreak(rows));
  }

  /** The first break walking in seq order, or null. Checks each row's own hash before its links. */
  static Problem firstBreak(List<Row> rows) {
    Map<String, Long> seqByHash = new HashMap<>();
    long maxSeq = 0;
    for (Row r : rows) {
      if (r.hash() != null) {
        seqByHash.putIfAbsent(r.hash(), r.seq());
      }
      maxSeq = Math.max(maxSeq, r.seq());
    }
    String expectedPrev = AuditAnchor.GENESIS_HASH;
    long expectedSeq = 1;
    for (Row r : rows) {
      String computed = r.computeHash();
      if (!computed.equals(r.hash())) {
        long written = writtenAt(r, Math.min(maxSeq, 10L * rows.size() + 10));
        if (written > 0) {
          return new Problem(
              Kind.REORDERED,
              r.seq(),
              "the entry stored at seq "
                  + r.seq()
                  + " was written as seq "
                  + written
                  + " (its hash matches its content only at that seq): rows were moved");
        }
        return new Problem(
            Kind.EDITED,
            r.seq(),
            "entry "
                + r.seq()
                + " ("
                + r.event()
                + ") has stored hash "
                + r.hash()
                + " but its content hashes to "
                + computed
                + ": a field was changed after it was written");
      }
      if (r.seq() > expectedSeq) {
        return new Problem(
            Kind.DELETED,
            expectedSeq,
            (expectedSeq == 1
                    ? "the log starts at seq "
                    : "seq jumps from " + (expectedSeq - 1) + " to ")
                + r.seq()
                + ": entr"
                + (r.seq() - expectedSeq == 1
                    ? "y " + expectedSeq + " is"
                    : "ies " + expectedSeq + ".." + (r.seq() - 1) + " are")
                + " missing");
      }
      if (r.seq() < expectedSeq) {
        return new Problem(
            Kind.REORDERED,
            r.seq(),
            "seq "
                + r.seq()
                + " appears again after seq "
                + (expectedSeq - 1)
                + ": seq order is broken");
      }
      if (!expectedPrev.equals(r.prevHash())) {
        Long linked = seqByHash.get(r.prevHash());
        if (linked != null) {
          return new Problem(
              Kind.REORDERED,
              r.seq(),
              "entry "
                  + r.seq()
                  + " chains after entry "
                  + linked
                  + ", not after entry "
                  + (r.seq() - 1)
                  + ": seq order and chain order disagree");
        }
        return new Problem(
            Kind.DELETED,
            r.seq(),
            "entry "
                + r.seq()
                + " chains to hash "
                + r.prevHash()
                + ", which no stored entry has"
                + (r.seq() == 1
                    ? " (entry 1 must chain to the genesis hash): earlier entries were deleted and"
                        + " the rest renumbered"
                    : ": an entry before it was deleted and the rest renumbered, or entry "
                        + (r.seq() - 1)
                        + " was rewritten with a recomputed hash"));
      }
      expectedPrev = r.hash();
      expectedSeq = r.seq() + 1;
    }
    return null;
  }

  /** The seq at which this row's content gives its stored hash, or 0: a moved row's old place. */
  private static long writtenAt(Row r, long limit) {
    for (long s = 1; s <= limit; s++) {
      if (s != r.seq() && r.withSeq(s).computeHash().equals(r.hash())) {
        return s;
      }
    }
    return 0;
  }

  private static AuditAnchor anchorOrNull(Row r) {
    try {
      return new AuditAnchor(r.seq(), r.hash());
    } catch (RuntimeException e) {
      // A tampered hash column may not even be hex; the break itself is reported by firstBreak.
      return null;
    }
  }

  private void begin() throws SQLException {
    if (dialect == Dialect.POSTGRES) {
      connection.setAutoCommit(false);
    } else {
      try (Statement st = connection.createStatement()) {
        st.execute("BEGIN IMMEDIATE");
      }
    }
  }

  private void commit() throws SQLException {
    if (dialect == Dialect.POSTGRES) {
      connection.commit();
      connection.setAutoCommit(true);
    } else {
      try (Statement st = connection.createStatement()) {
        st.execute("COMMIT");
      }
    }
  }

  private void rollbackQuietly(Exception cause) {
    try {
      if (dialect == Dialect.POSTGRES) {
        connection.rollback();
        connection.setAutoCommit(true);
      } else {
        try (Statement st = connection.createStatement()) {
          st.execute("ROLLBACK");
        }
      }
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** Serialises appenders and makes sure the table exists; see the class comment. */
  private void lockForAppend(boolean ownTransaction) throws SQLException {
    if (dialect == Dialect.POSTGRES) {
      try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        ps.setLong(1, LOCK_KEY);
        ps.execute();
      }
    }
    // Under the lock, so two first appends cannot race to create the table.
    if (!tableExists()) {
      try (Statement st = connection.createStatement()) {
        st.execute(createTableSql());
      }
    } else if (dialect == Dialect.SQLITE && !ownTransaction) {
      // A write that changes nothing still takes SQLite's write lock, before the head is read.
      try (Statement st = connection.createStatement()) {
        st.executeUpdate("UPDATE " + TABLE + " SET seq = seq WHERE 0 = 1");
      }
    }
  }

  private AuditAnchor readHead() throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT seq, hash FROM " + TABLE + " ORDER BY seq DESC LIMIT 1")) {
      if (!rs.next()) {
        return AuditAnchor.GENESIS;
      }
      long seq = rs.getLong(1);
      String hash = rs.getString(2);
      try {
        return new AuditAnchor(seq, hash);
      } catch (RuntimeException e) {
        throw new SchemagateException(
            ExitCode.FAILED,
            "the last audit-log entry (seq " + seq + ") has no valid hash; it was altered",
            "run audit-log verify and restore " + TABLE + " from a backup before appending");
      }
    }
  }

  private boolean tableExists() throws SQLException {
    String sql =
        dialect == Dialect.POSTGRES
            ? "SELECT to_regclass(?) IS NOT NULL"
            : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, TABLE);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return dialect == Dialect.POSTGRES ? rs.getBoolean(1) : rs.getInt(1) > 0;
      }
    }
  }

  private List<Row> rows() throws SQLException {
    List<Row> rows = new ArrayList<>();
    if (!tableExists()) {
      return rows;
    }
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY seq")) {
      while (rs.next()) {
        rows.add(
            new Row(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10)));
      }
    }
    return rows;
  }

  /** A stored row with the event as text: verify must not depend on the vocabulary. */
  record Row(
      long seq,
      String recordedAt,
      String actor,
      String host,
      String event,
      String workOrder,
      String environment,
      String detail,
      String prevHash,
      String hash) {

    String computeHash() {
      return ChainHash.of(
          seq, recordedAt, actor, host, event, workOrder, environment, detail, prevHash);
    }

    Row withSeq(long other) {
      return new Row(
          other, recordedAt, actor, host, event, workOrder, environment, detail, prevHash, hash);
    }
  }
}

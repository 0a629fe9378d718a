package dev.schemagate.core.history;

import dev.schemagate.core.plan.Direction;
import dev.schemagate.core.sql.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the version tables of a live database. Writes go through {@link VersionTable} commands and
 * a sink, so a dry run prints them; reads are only ever live.
 */
public final class VersionStore {
  private final Connection connection;
  private final Dialect dialect;

  public VersionStore(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Whether both version tables exist (in the current schema on PostgreSQL). */
  public boolean exists() throws SQLException {
    return tableExists(VersionTable.HEADS) && tableExists(VersionTable.HISTORY);
  }

  private boolean tableExists(String name) throws SQLException {
    if (dialect == Dialect.POSTGRES) {
      try (var ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getBoolean(1);
        }
      }
    }
    DatabaseMetaData md = connection.getMetaData();
    try (ResultSet rs = md.getTables(null, null, name, null)) {
      while (rs.next()) {
        if (rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT).equals(name)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Both tables read at once, checking for them once.
   *
   * @param exists whether the version tables exist
   * @param heads the current heads (empty when they do not)
   * @param history every history row in insertion order (empty when they do not)
   */
  public record State(boolean exists, Set<String> heads, List<HistoryEntry> history) {}

  /** Heads and history together: what every planning command needs. */
  public State read() throws SQLException {
    if (!exists()) {
      return new State(false, Set.of(), List.of());
    }
    return new State(true, readHeads(), readHistory());
  }

  /** The current heads; empty when the tables do not exist yet. */
  public Set<String> currentHeads() throws SQLException {
    return exists() ? readHeads() : Set.of();
  }

  /** Every history row in insertion order; empty when the tables do not exist yet. */
  public List<HistoryEntry> history() throws SQLException {
    return exists() ? readHistory() : List.of();
  }

  private Set<String> readHeads() throws SQLException {
    Set<String> heads = new LinkedHashSet<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(VersionTable.selectHeads())) {
      while (rs.next()) {
        heads.add(rs.getString(1));
      }
    }
    return heads;
  }

  private List<HistoryEntry> readHistory() throws SQLException {
    List<HistoryEntry> rows = new ArrayList<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(VersionTable.selectHistory())) {
      while (rs.next()) {
        rows.add(
            new HistoryEntry(
                rs.getLong(1),
                rs.getString(2),
                "down".equals(rs.getString(3)) ? Direction.DOWN : Direction.UP,
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getInt(11),
                Outcome.fromDb(rs.getString(12)),
                rs.getString(13),
                rs.getString(14)));
      }
    }
    return rows;
  }
}

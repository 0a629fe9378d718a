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

  /** The current heads; empty when the tables do not exist yet. */
  public Set<String> currentHeads() throws SQLException {
    if (!exists()) {
      return Set.of();
    }
    Set<String> heads = new LinkedHashSet<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(VersionTable.selectHeads())) {
      while (rs.next()) {
        heads.add(rs.getString(1));
      }
    }
    return heads;
  }

  /** Every history row in insertion order; empty when the tables do not exist yet. */
  public List<HistoryEntry> history() throws SQLException {
    if (!exists()) {
      return List.of();
    }
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

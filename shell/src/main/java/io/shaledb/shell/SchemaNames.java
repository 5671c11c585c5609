package io.shaledb.shell;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Table and column names read from {@link DatabaseMetaData}, cached until {@link #invalidate()}
 * (called after DDL). Used by completion and by the describe commands. Not thread-safe; a failure
 * to read metadata yields no names rather than an error.
 */
public final class SchemaNames {
  private final Connection conn;
  private Map<String, List<String>> columnsByTable; // null = not loaded

  public SchemaNames(Connection conn) {
    this.conn = conn;
  }

  public void invalidate() {
    columnsByTable = null;
  }

  /** Tables of the current database, in name order. */
  public List<String> tables() {
    return new ArrayList<>(load().keySet());
  }

  /** Columns of {@code table} (matched ignoring case), in ordinal order; empty if unknown. */
  public List<String> columns(String table) {
    for (Map.Entry<String, List<String>> e : load().entrySet()) {
      if (e.getKey().equalsIgnoreCase(table)) {
        return e.getValue();
      }
    }
    return List.of();
  }

  /** Every column name of every table, without duplicates, sorted. */
  public List<String> allColumns() {
    TreeSet<String> all = new TreeSet<>();
    load().values().forEach(all::addAll);
    return new ArrayList<>(all);
  }

  private Map<String, List<String>> load() {
    if (columnsByTable != null) {
      return columnsByTable;
    }
    Map<String, List<String>> m = new LinkedHashMap<>();
    try {
      DatabaseMetaData md = conn.getMetaData();
      TreeSet<String> names = new TreeSet<>();
      try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          names.add(rs.getString("TABLE_NAME"));
        }
      }
      for (String t : names) {
        m.put(t, new ArrayList<>());
      }
      try (ResultSet rs = md.getColumns(null, null, "%", "%")) {
        while (rs.next()) {
          List<String> cols = m.get(rs.getString("TABLE_NAME"));
          if (cols != null) {
            cols.add(rs.getString("COLUMN_NAME"));
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      // Completion is a convenience: without metadata we complete keywords only.
    }
    columnsByTable = m;
    return m;
  }

  /** {@code name} in the case the metadata uses, trying it as given, upper- and lower-case. */
  static List<String> caseVariants(String name) {
    List<String> v = new ArrayList<>(List.of(name));
    for (String s : List.of(name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))) {
      if (!v.contains(s)) {
        v.add(s);
      }
    }
    return v;
  }
}

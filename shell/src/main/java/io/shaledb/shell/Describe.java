package io.shaledb.shell;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalog listings behind {@code \dt} and {@code \d name}, read from DatabaseMetaData. */
final class Describe {
  private Describe() {}

  /** One row per table: schema, name, type. */
  static TextTable tables(Connection conn) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (ResultSet rs = conn.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        rows.add(new String[] {
            rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"), "table"});
      }
    }
    rows.sort((a, b) -> {
      int c = String.valueOf(a[0]).compareTo(String.valueOf(b[0]));
      return c != 0 ? c : a[1].compareTo(b[1]);
    });
    return new TextTable(List.of("schema", "name", "type"), List.of(false, false, false), rows);
  }

  /** The description of one table: its columns and, if any, its indexes. */
  record Table(String name, TextTable columns, TextTable indexes) {}

  /** Describes {@code name}, matched as given, then upper-case, then lower-case; null if absent. */
  static Table table(Connection conn, String name) throws SQLException {
    DatabaseMetaData md = conn.getMetaData();
    for (String candidate : SchemaNames.caseVariants(name)) {
      TextTable cols = columns(md, candidate);
      if (!cols.rows().isEmpty()) {
        return new Table(candidate, cols, indexes(md, candidate));
      }
    }
    return null;
  }

  private static TextTable columns(DatabaseMetaData md, String table) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, null, table, "%")) {
      while (rs.next()) {
        if (!rs.getString("TABLE_NAME").equals(table)) {
          continue; // '_' in the pattern matches any character
        }
        String type = rs.getString("TYPE_NAME");
        int jdbcType = rs.getInt("DATA_TYPE");
        int size = rs.getInt("COLUMN_SIZE");
        if (size > 0 && (jdbcType == Types.VARCHAR || jdbcType == Types.CHAR)) {
          type += "(" + size + ")";
        } else if (size > 0 && (jdbcType == Types.DECIMAL || jdbcType == Types.NUMERIC)) {
          type += "(" + size + "," + rs.getInt("DECIMAL_DIGITS") + ")";
        }
        String nullable = "NO".equals(rs.getString("IS_NULLABLE")) ? "NO" : "YES";
        rows.add(new String[] {rs.getString("COLUMN_NAME"), type, nullable,
            rs.getString("COLUMN_DEF")});
      }
    }
    return new TextTable(List.of("column", "type", "nullable", "default"),
        List.of(false, false, false, false), rows);
  }

  private static TextTable indexes(DatabaseMetaData md, String table) {
    Map<String, String[]> byName = new LinkedHashMap<>();
    try (ResultSet rs = md.getIndexInfo(null, null, table, false, false)) {
      while (rs.next()) {
        String index = rs.getString("INDEX_NAME");
        String column = rs.getString("COLUMN_NAME");
        if (index == null || column == null) {
          continue; // table statistics rows
        }
        String[] row = byName.computeIfAbsent(index,
            k -> new String[] {k, "", ""});
        boolean unique;
        try {
          unique = !rs.getBoolean("NON_UNIQUE");
        } catch (SQLException e) {
          unique = false;
        }
        row[1] = unique ? "YES" : "NO";
        row[2] = row[2].isEmpty() ? column : row[2] + ", " + column;
      }
    } catch (SQLException | RuntimeException e) {
      // Index metadata is optional: the driver may not provide it.
    }
    return new TextTable(List.of("index", "unique", "columns"), List.of(false, false, false),
        new ArrayList<>(byName.values()));
  }
}

package io.shaledb.shell;

import java.util.List;

/**
 * A result already turned into text: column names, which columns are numeric (aligned right in
 * tables), and rows whose cells are strings or {@code null} for SQL NULL.
 */
public record TextTable(List<String> columns, List<Boolean> numeric, List<String[]> rows) {
  public TextTable {
    if (columns.size() != numeric.size()) {
      throw new IllegalArgumentException("columns and numeric flags differ in length");
    }
    for (String[] r : rows) {
      if (r.length != columns.size()) {
        throw new IllegalArgumentException("row width " + r.length + " != " + columns.size());
      }
    }
  }
}

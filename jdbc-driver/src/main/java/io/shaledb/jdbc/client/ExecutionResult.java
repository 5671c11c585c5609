package io.shaledb.jdbc.client;

import java.util.List;

/**
 * The answer to one Execute or ExecutePrepared request.
 *
 * @param columns result columns, or {@code null} when the statement returned no result set
 * @param rows result rows (canonical Java values, one array entry per column); empty without
 *     columns
 * @param updateCounts per parameter row: rows affected, or -1 for a statement that returned rows
 * @param commandTag PostgreSQL-style command tag ("SELECT 3", "INSERT 0 1"), possibly empty
 * @param generatedKeyColumns columns of the generated keys, empty unless requested
 * @param generatedKeys generated key rows, empty unless requested
 */
public record ExecutionResult(
    List<ColumnDescription> columns,
    List<Object[]> rows,
    long[] updateCounts,
    String commandTag,
    List<ColumnDescription> generatedKeyColumns,
    List<Object[]> generatedKeys) {
  public ExecutionResult {
    columns = columns == null ? null : List.copyOf(columns);
    rows = rows == null ? List.of() : rows;
    updateCounts = updateCounts == null ? new long[0] : updateCounts;
    commandTag = commandTag == null ? "" : commandTag;
    generatedKeyColumns =
        generatedKeyColumns == null ? List.of() : List.copyOf(generatedKeyColumns);
    generatedKeys = generatedKeys == null ? List.of() : generatedKeys;
  }

  /** Whether the statement produced a result set. */
  public boolean hasResultSet() {
    return columns != null;
  }

  /**
   * The update count of a single (non-batch) execution: -1 for a result set, else rows affected.
   */
  public long updateCount() {
    if (hasResultSet()) {
      return -1;
    }
    return updateCounts.length == 0 ? 0 : updateCounts[0];
  }
}

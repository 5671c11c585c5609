package io.shaledb.sql.catalog;

import java.util.List;

/**
 * What CREATE TABLE said, before ids are allocated. Column defaults are SQL text, evaluated by
 * the planner.
 *
 * @param name table name as stored
 * @param columns declared columns in order
 * @param primaryKey table-level PRIMARY KEY (...) column names; empty if none (a column may still
 *     say {@code primaryKey} in its {@link ColumnSpec})
 * @param uniqueConstraints table-level UNIQUE (...) column lists
 * @param ifNotExists CREATE TABLE IF NOT EXISTS
 */
public record TableSpec(String name, List<ColumnSpec> columns, List<String> primaryKey,
                        List<List<String>> uniqueConstraints, boolean ifNotExists) {

  public TableSpec {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    uniqueConstraints = uniqueConstraints.stream().map(List::copyOf).toList();
  }
}

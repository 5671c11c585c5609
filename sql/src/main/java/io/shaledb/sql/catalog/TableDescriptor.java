package io.shaledb.sql.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table (or view) as stored in the catalog.
 *
 * @param id table id, unique in the cluster; its rows live under {@code /Table/<id>/}
 * @param databaseId owning database
 * @param name table name as stored
 * @param columns all columns in declaration order, hidden ones included
 * @param primaryIndex the primary index (id 1)
 * @param secondaryIndexes other indexes
 * @param viewSql for a view, its defining query text; null for a table
 * @param version incremented by every schema change (plan caches key on it)
 * @param nextColumnId next column id to hand out
 * @param nextIndexId next index id to hand out
 */
public record TableDescriptor(
    int id,
    int databaseId,
    String name,
    List<ColumnDescriptor> columns,
    IndexDescriptor primaryIndex,
    List<IndexDescriptor> secondaryIndexes,
    String viewSql,
    long version,
    int nextColumnId,
    int nextIndexId) {

  public TableDescriptor {
    columns = List.copyOf(columns);
    secondaryIndexes = List.copyOf(secondaryIndexes);
  }

  public boolean isView() {
    return viewSql != null;
  }

  public Optional<ColumnDescriptor> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public ColumnDescriptor columnById(int id) {
    return columns.stream().filter(c -> c.id() == id).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no column id " + id + " in " + name));
  }

  /** The primary index, then the secondary ones; none for a view. */
  public List<IndexDescriptor> indexes() {
    if (isView()) {
      return List.of();
    }
    List<IndexDescriptor> all = new ArrayList<>(secondaryIndexes.size() + 1);
    all.add(primaryIndex);
    all.addAll(secondaryIndexes);
    return all;
  }

  /** Columns visible to {@code SELECT *}, in order. */
  public List<ColumnDescriptor> visibleColumns() {
    for (ColumnDescriptor c : columns) {
      if (c.hidden()) {
        return columns.stream().filter(col -> !col.hidden()).toList();
      }
    }
    return columns; // the common case: nothing hidden, no copy (every planning resolves its tables)
  }
}

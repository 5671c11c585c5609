package io.shaledb.sql.catalog;

import java.util.List;

/**
 * An index of a table. Index id 1 is always the primary index.
 *
 * @param id index id, unique within the table (1 = primary)
 * @param name index name (primary: "<table>_pkey")
 * @param unique whether key columns are unique (always true for the primary index)
 * @param columnIds key columns in order
 * @param descending per key column, whether it is stored descending
 */
public record IndexDescriptor(
    int id, String name, boolean unique, List<Integer> columnIds, List<Boolean> descending) {

  public static final int PRIMARY_INDEX_ID = 1;

  public IndexDescriptor {
    columnIds = List.copyOf(columnIds);
    descending = List.copyOf(descending);
    if (columnIds.size() != descending.size()) {
      throw new IllegalArgumentException("columnIds and descending differ in length");
    }
  }

  public boolean isPrimary() {
    return id == PRIMARY_INDEX_ID;
  }
}

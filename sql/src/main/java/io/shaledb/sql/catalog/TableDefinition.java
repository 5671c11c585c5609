package io.shaledb.sql.catalog;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Validates a {@link TableSpec} and turns it into the first descriptor of a new table.
 *
 * <p>Column ids are 1..n in declaration order; a table without a primary key gets a hidden
 * BIGINT column {@code rowid} (or {@code rowid_1}, ... if taken) with default {@code
 * unique_rowid()} as its key. The primary index is {@code <table>_pkey} (id 1); each UNIQUE
 * constraint that is not a repeat of the primary key or of another UNIQUE constraint becomes a
 * unique secondary index {@code <table>_<cols>_key}. Generated index names that are taken get a
 * numeric suffix, as in PostgreSQL. Stateless.
 */
final class TableDefinition {

  static final String ROWID = "rowid";
  static final String ROWID_DEFAULT = "unique_rowid()";

  private TableDefinition() {}

  /**
   * @param nameTaken whether a relation (table, view or index) name is already used in the database
   * @throws SqlError 42P16 no columns or several primary keys, 42701 duplicate column, 42703 key
   *     column missing, 22023 bad DECIMAL scale
   */
  static TableDescriptor toDescriptor(int tableId, int databaseId, TableSpec spec, Predicate<String> nameTaken) {
    if (spec.columns().isEmpty()) {
      throw new SqlError(SqlState.INVALID_TABLE_DEFINITION,
          "table \"" + spec.name() + "\" must have at least one column");
    }
    Map<String, Integer> columnIds = new HashMap<>();
    List<ColumnSpec> columns = spec.columns();
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec c = columns.get(i);
      if (columnIds.putIfAbsent(c.name(), i + 1) != null) {
        throw new SqlError(SqlState.DUPLICATE_COLUMN, "column \"" + c.name() + "\" specified more than once");
      }
      SqlType type = c.type();
      if (type.kind() == SqlType.Kind.DECIMAL && type.precision() > 0 && type.scale() > type.precision()) {
        throw new SqlError(SqlState.INVALID_PARAMETER_VALUE, "NUMERIC scale " + type.scale()
            + " must be between 0 and precision " + type.precision());
      }
    }
    List<String> primaryKey = primaryKeyColumns(spec);
    checkKeyColumns(primaryKey, columnIds, "primary key");

    Set<String> usedNames = new HashSet<>();
    Predicate<String> taken = n -> usedNames.contains(n) || n.equals(spec.name()) || nameTaken.test(n);
    List<ColumnDescriptor> columnDescriptors = new ArrayList<>();
    Set<String> pkSet = new HashSet<>(primaryKey);
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec c = columns.get(i);
      boolean nullable = !c.notNull() && !pkSet.contains(c.name());
      columnDescriptors.add(new ColumnDescriptor(i + 1, c.name(), c.type(), nullable, c.defaultExpr(), false));
    }
    int nextColumnId = columns.size() + 1;
    List<Integer> pkIds = new ArrayList<>();
    if (primaryKey.isEmpty()) {
      String rowid = ROWID;
      for (int k = 1; columnIds.containsKey(rowid); k++) {
        rowid = ROWID + "_" + k;
      }
      columnDescriptors.add(new ColumnDescriptor(nextColumnId, rowid, SqlType.of(SqlType.Kind.BIGINT),
          false, ROWID_DEFAULT, true));
      pkIds.add(nextColumnId);
      nextColumnId++;
    } else {
      primaryKey.forEach(n -> pkIds.add(columnIds.get(n)));
    }
    String pkName = uniqueName(spec.name() + "_pkey", taken);
    usedNames.add(pkName);
    IndexDescriptor primary = new IndexDescriptor(IndexDescriptor.PRIMARY_INDEX_ID, pkName, true, pkIds,
        Collections.nCopies(pkIds.size(), false));

    List<List<String>> uniques = new ArrayList<>();
    for (ColumnSpec c : columns) {
      if (c.unique()) {
        uniques.add(List.of(c.name()));
      }
    }
    uniques.addAll(spec.uniqueConstraints());
    List<IndexDescriptor> secondary = new ArrayList<>();
    Set<List<String>> seen = new HashSet<>();
    seen.add(primaryKey);
    int nextIndexId = IndexDescriptor.PRIMARY_INDEX_ID + 1;
    for (List<String> unique : uniques) {
      checkKeyColumns(unique, columnIds, "unique constraint");
      if (!seen.add(unique)) {
        continue;
      }
      String name = uniqueName(spec.name() + "_" + String.join("_", unique) + "_key", taken);
      usedNames.add(name);
      secondary.add(new IndexDescriptor(nextIndexId++, name, true,
          unique.stream().map(columnIds::get).toList(), Collections.nCopies(unique.size(), false)));
    }
    return new TableDescriptor(tableId, databaseId, spec.name(), columnDescriptors, primary, secondary,
        null, 1, nextColumnId, nextIndexId);
  }

  private static List<String> primaryKeyColumns(TableSpec spec) {
    List<String> fromColumns = spec.columns().stream().filter(ColumnSpec::primaryKey).map(ColumnSpec::name).toList();
    if (fromColumns.size() + (spec.primaryKey().isEmpty() ? 0 : 1) > 1) {
      throw new SqlError(SqlState.INVALID_TABLE_DEFINITION,
          "multiple primary keys for table \"" + spec.name() + "\" are not allowed");
    }
    return fromColumns.isEmpty() ? spec.primaryKey() : fromColumns;
  }

  private static void checkKeyColumns(List<String> key, Map<String, Integer> columnIds, String what) {
    Set<String> seen = new HashSet<>();
    for (String name : key) {
      if (!columnIds.containsKey(name)) {
        throw new SqlError(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" named in key does not exist");
      }
      if (!seen.add(name)) {
        throw new SqlError(SqlState.DUPLICATE_COLUMN, "column \"" + name + "\" appears twice in " + what);
      }
    }
  }

  /** {@code base}, or {@code base1}, {@code base2}, ... whichever is free first. */
  static String uniqueName(String base, Predicate<String> taken) {
    String name = base;
    for (int k = 1; taken.test(name); k++) {
      name = base + k;
    }
    return name;
  }
}

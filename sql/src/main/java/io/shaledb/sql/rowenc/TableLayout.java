package io.shaledb.sql.rowenc;

import io.shaledb.kv.encoding.Direction;
import io.shaledb.kv.encoding.OrderedDecoder;
import io.shaledb.kv.encoding.OrderedEncoder;
import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.catalog.ColumnDescriptor;
import io.shaledb.sql.catalog.IndexDescriptor;
import io.shaledb.sql.catalog.SqlType;
import io.shaledb.sql.catalog.TableDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * How the rows of one table version map to KVs.
 *
 * <pre>
 * primary:            /Table/t/1/&lt;pk cols&gt;                      -&gt; ValueCodec(non-pk cols)
 * unique secondary:   /Table/t/i/&lt;idx cols&gt;                     -&gt; pkSuffix
 *   (a NULL idx col)  /Table/t/i/&lt;idx cols&gt;&lt;pk cols&gt;
 * other secondary:    /Table/t/i/&lt;idx cols&gt;&lt;pk cols&gt;            -&gt; pkSuffix
 * </pre>
 * (an unconstrained DECIMAL key column is also kept in the value, to preserve its scale)
 * where {@code pkSuffix} is the primary key columns encoded exactly as after the primary index
 * prefix, so a secondary entry's value appended to the primary prefix is the row's primary key.
 * Immutable; built per operation.
 */
final class TableLayout {

  final TableDescriptor table;
  final byte[] primaryPrefix;
  /** column id -> position in the row; -1 for ids of no column */
  private final int[] positionById;
  private final Set<Integer> primaryColumnIds;
  /**
   * The primary key columns as a row decoder reads them, in key order: positions, types and
   * directions (decoding reads every row's key: no list lookups per column per row).
   */
  private final int[] primaryKeyPositions;
  private final SqlType[] primaryKeyTypes;
  private final Direction[] primaryKeyDirections;
  /** Per position: whether the column's integers are Integers (SMALLINT, INTEGER), not Longs. */
  private final boolean[] narrowIntegers;

  /** Slots of each thread's layout memory (a power of two). */
  private static final int MEMORY_SLOTS = 64;

  private static final ThreadLocal<TableLayout[]> MEMORY =
      ThreadLocal.withInitial(() -> new TableLayout[MEMORY_SLOTS]);

  /**
   * The layout of {@code table}, remembered per thread by the descriptor's identity: the catalog
   * hands out one descriptor object per table version, and a statement used to build the layout
   * (its arrays and key prefix) again for every scan and write, about 1% of a short query on an
   * indexed table. A layout holds nothing but what its descriptor determines.
   */
  static TableLayout of(TableDescriptor table) {
    TableLayout[] memory = MEMORY.get();
    int slot = System.identityHashCode(table) & (MEMORY_SLOTS - 1);
    TableLayout l = memory[slot];
    if (l == null || l.table != table) {
      l = new TableLayout(table);
      memory[slot] = l;
    }
    return l;
  }

  TableLayout(TableDescriptor table) {
    this.table = table;
    this.primaryPrefix = SqlKeys.indexPrefix(table, table.primaryIndex());
    List<ColumnDescriptor> columns = table.columns();
    int maxId = 0;
    for (ColumnDescriptor c : columns) {
      maxId = Math.max(maxId, c.id());
    }
    positionById = new int[maxId + 1];
    java.util.Arrays.fill(positionById, -1);
    narrowIntegers = new boolean[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      positionById[columns.get(i).id()] = i;
      SqlType.Kind kind = columns.get(i).type().kind();
      narrowIntegers[i] = kind == SqlType.Kind.SMALLINT || kind == SqlType.Kind.INTEGER;
    }
    IndexDescriptor pk = table.primaryIndex();
    int keyColumns = pk.columnIds().size();
    primaryKeyPositions = new int[keyColumns];
    primaryKeyTypes = new SqlType[keyColumns];
    primaryKeyDirections = new Direction[keyColumns];
    for (int k = 0; k < keyColumns; k++) {
      int id = pk.columnIds().get(k);
      primaryKeyPositions[k] = position(id);
      primaryKeyTypes[k] = column(id).type();
      primaryKeyDirections[k] = KeyCodec.direction(pk.descending().get(k));
    }
    // Key columns are not repeated in the value, except unconstrained DECIMALs: the key form
    // drops trailing zeros, so the value keeps the exact scale (1.50 stays 1.50).
    this.primaryColumnIds = new HashSet<>();
    for (int id : table.primaryIndex().columnIds()) {
      SqlType type = column(id).type();
      if (type.kind() != SqlType.Kind.DECIMAL || type.precision() > 0) {
        primaryColumnIds.add(id);
      }
    }
  }

  int position(int columnId) {
    int p = columnId >= 0 && columnId < positionById.length ? positionById[columnId] : -1;
    if (p < 0) {
      throw new IllegalArgumentException("no column id " + columnId + " in " + table.name());
    }
    return p;
  }

  ColumnDescriptor column(int columnId) {
    return table.columns().get(position(columnId));
  }

  /** The primary key columns of {@code row}, encoded (no prefix). */
  byte[] primaryKeySuffix(Object[] row) {
    OrderedEncoder enc = new OrderedEncoder();
    writeColumns(enc, table.primaryIndex(), row);
    return enc.toBytes();
  }

  byte[] primaryKey(Object[] row) {
    return SqlKeys.concat(primaryPrefix, primaryKeySuffix(row));
  }

  /** The primary key for key values given in primary-index column order. */
  byte[] primaryKeyFromValues(Object[] keyValues) {
    OrderedEncoder enc = new OrderedEncoder(primaryPrefix);
    IndexDescriptor pk = table.primaryIndex();
    for (int k = 0; k < pk.columnIds().size(); k++) {
      KeyCodec.write(enc, column(pk.columnIds().get(k)).type(), keyValues[k],
          KeyCodec.direction(pk.descending().get(k)));
    }
    return enc.toBytes();
  }

  byte[] primaryValue(Object[] row) {
    return ValueCodec.encode(table, row, primaryColumnIds);
  }

  /** Whether any key column of {@code index} is NULL in {@code row}. */
  boolean hasNullKey(IndexDescriptor index, Object[] row) {
    for (int id : index.columnIds()) {
      if (row[position(id)] == null) {
        return true;
      }
    }
    return false;
  }

  /** The key of {@code row}'s entry in secondary {@code index}. */
  byte[] secondaryKey(IndexDescriptor index, Object[] row) {
    OrderedEncoder enc = new OrderedEncoder(SqlKeys.indexPrefix(table, index));
    writeColumns(enc, index, row);
    byte[] key = enc.toBytes();
    if (!index.unique() || hasNullKey(index, row)) {
      key = SqlKeys.concat(key, primaryKeySuffix(row));
    }
    return key;
  }

  private void writeColumns(OrderedEncoder enc, IndexDescriptor index, Object[] row) {
    for (int k = 0; k < index.columnIds().size(); k++) {
      int id = index.columnIds().get(k);
      KeyCodec.write(enc, column(id).type(), row[position(id)], KeyCodec.direction(index.descending().get(k)));
    }
  }

  /** Decodes a primary-index KV into a full row. */
  Object[] decodeRow(byte[] key, byte[] value) {
    return decodeRow(key, value, null);
  }

  /**
   * Decodes a primary-index KV into a row in which (when {@code wanted} is non-null) only the
   * positions {@code wanted} marks are filled from the value (key columns always are); the others
   * stay null.
   */
  Object[] decodeRow(byte[] key, byte[] value, boolean[] wanted) {
    Object[] row = new Object[table.columns().size()];
    try {
      readPrimaryKeyColumns(new OrderedDecoder(key, primaryPrefix.length), row);
    } catch (RuntimeException e) {
      throw new SqlError(SqlState.DATA_CORRUPTED,
          "cannot decode primary key of table \"" + table.name() + "\"", e);
    }
    ValueCodec.decode(table, positionById, narrowIntegers, wanted, value, row);
    return row;
  }

  /**
   * Whether a scan of secondary {@code index} that needs the columns {@code wanted} marks (by
   * position; null: all) besides the primary key can build its rows from the index entries alone
   * (an index-only scan): every wanted column is a key column of the index or of the primary key,
   * and every column read from a key comes back exactly. Keys normalise REAL/DOUBLE -0.0 to 0.0
   * and drop the scale of unconstrained DECIMALs, so those columns are always read from the row.
   */
  boolean indexCovers(IndexDescriptor index, boolean[] wanted) {
    if (index.isPrimary() || wanted == null) {
      return false;
    }
    boolean[] fromKeys = new boolean[wanted.length];
    for (List<Integer> ids : List.of(index.columnIds(), table.primaryIndex().columnIds())) {
      for (int id : ids) {
        if (!exactInKey(column(id))) {
          return false;
        }
        fromKeys[position(id)] = true;
      }
    }
    for (int p = 0; p < wanted.length; p++) {
      if (wanted[p] && !fromKeys[p]) {
        return false;
      }
    }
    return true;
  }

  private static boolean exactInKey(ColumnDescriptor c) {
    SqlType.Kind k = c.type().kind();
    return k != SqlType.Kind.REAL && k != SqlType.Kind.DOUBLE
        && !(k == SqlType.Kind.DECIMAL && c.type().precision() == 0);
  }

  /**
   * A row from an entry of secondary {@code index} (key after {@code prefixLength} bytes: the index
   * columns; value: the primary key suffix): the index and primary key columns filled, the others
   * null. Only for an index {@link #indexCovers} covers.
   */
  Object[] decodeIndexEntry(IndexDescriptor index, int prefixLength, byte[] key, byte[] value) {
    Object[] row = new Object[table.columns().size()];
    try {
      readKeyColumns(new OrderedDecoder(key, prefixLength), index, row);
      readPrimaryKeyColumns(new OrderedDecoder(value, 0), row);
    } catch (RuntimeException e) {
      throw new SqlError(SqlState.DATA_CORRUPTED,
          "cannot decode an entry of index \"" + index.name() + "\" of table \"" + table.name() + "\"", e);
    }
    return row;
  }

  /** Reads {@code index}'s key columns from {@code dec} into their places in {@code row}. */
  private void readPrimaryKeyColumns(OrderedDecoder dec, Object[] row) {
    for (int k = 0; k < primaryKeyPositions.length; k++) {
      row[primaryKeyPositions[k]] = KeyCodec.read(dec, primaryKeyTypes[k], primaryKeyDirections[k]);
    }
  }

  private void readKeyColumns(OrderedDecoder dec, IndexDescriptor index, Object[] row) {
    for (int k = 0; k < index.columnIds().size(); k++) {
      int id = index.columnIds().get(k);
      row[position(id)] = KeyCodec.read(dec, column(id).type(), KeyCodec.direction(index.descending().get(k)));
    }
  }

  /** "(a, b)=(1, 2)" for an error detail. */
  String describeKey(IndexDescriptor index, Object[] row) {
    StringJoiner names = new StringJoiner(", ", "(", ")");
    StringJoiner values = new StringJoiner(", ", "(", ")");
    for (int id : index.columnIds()) {
      names.add(column(id).name());
      Object v = row[position(id)];
      values.add(v == null ? "null" : ValueCoercion.textOf(v));
    }
    return names + "=" + values;
  }

  List<ColumnDescriptor> keyColumns(IndexDescriptor index) {
    List<ColumnDescriptor> result = new ArrayList<>();
    for (int id : index.columnIds()) {
      result.add(column(id));
    }
    return result;
  }
}

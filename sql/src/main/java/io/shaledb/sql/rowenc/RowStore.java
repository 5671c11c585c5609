package io.shaledb.sql.rowenc;

import io.shaledb.kv.KeyValue;
import io.shaledb.kv.encoding.Keys;
import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.catalog.ColumnDescriptor;
import io.shaledb.sql.catalog.IndexDescriptor;
import io.shaledb.sql.catalog.TableDescriptor;
import io.shaledb.txn.KvLimitException;
import io.shaledb.txn.KvTxn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every row read and write of a table: key/value encoding, constraint checks, index maintenance.
 * All reads and writes go through the caller's {@link KvTxn}, so a statement sees its own writes
 * (two rows of one INSERT collide on a unique key just like rows of two statements). A method that
 * throws may have written part of its work; the caller rolls the statement back. Stateless and
 * thread-safe (each transaction is used by one thread at a time).
 */
public final class RowStore {

  /** KVs read per {@link KvTxn#scan} call while scanning. */
  public static final int DEFAULT_BATCH_SIZE = 1000;

  private final int batchSize;

  public RowStore() {
    this(DEFAULT_BATCH_SIZE);
  }

  /** A store that reads scans in batches of {@code batchSize} KVs (small values test paging). */
  public RowStore(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive");
    }
    this.batchSize = batchSize;
  }

  /**
   * Validates and coerces one value to its column's type: 22001 too long for VARCHAR(n)/CHAR(n)
   * (CHAR pads with spaces), 22003 out of range (SMALLINT/INTEGER/DECIMAL(p,s) precision, rounds
   * HALF_UP to scale), 22P02 unparsable text for a number or boolean, 22007 for a date or
   * timestamp, 42804 impossible conversion. See {@link ValueCoercion} for every rule.
   */
  public Object coerce(ColumnDescriptor column, Object value) {
    return ValueCoercion.coerce(column.name(), column.type(), value);
  }

  /**
   * Inserts a complete row (already coerced; defaults already applied).
   *
   * @throws SqlError 23502 if a NOT NULL column is null (the message names the column); 23505 if
   *     the primary key or a unique index key exists (the message names the index, the detail the key)
   */
  public void insert(KvTxn txn, TableDescriptor t, Object[] row) {
    TableLayout layout = layout(t, row);
    checkNotNull(t, row);
    byte[] primaryKey = layout.primaryKey(row);
    if (txn.get(primaryKey).isPresent()) {
      throw duplicate(layout, t.primaryIndex(), row);
    }
    List<byte[]> secondaryKeys = new ArrayList<>();
    for (IndexDescriptor index : t.secondaryIndexes()) {
      byte[] key = layout.secondaryKey(index, row);
      if (index.unique() && !layout.hasNullKey(index, row) && txn.get(key).isPresent()) {
        throw duplicate(layout, index, row);
      }
      secondaryKeys.add(key);
    }
    put(txn, t, t.primaryIndex(), primaryKey, layout.primaryValue(row));
    byte[] suffix = layout.primaryKeySuffix(row);
    for (int i = 0; i < secondaryKeys.size(); i++) {
      put(txn, t, t.secondaryIndexes().get(i), secondaryKeys.get(i), suffix);
    }
  }

  /**
   * Replaces {@code oldRow} (as read) by {@code newRow} (coerced). A changed primary key moves
   * the row (23505 if the new key exists); secondary entries are rewritten only where they change.
   */
  public void update(KvTxn txn, TableDescriptor t, Object[] oldRow, Object[] newRow) {
    TableLayout layout = layout(t, newRow);
    layout(t, oldRow);
    checkNotNull(t, newRow);
    byte[] oldPrimary = layout.primaryKey(oldRow);
    byte[] newPrimary = layout.primaryKey(newRow);
    boolean keyChanged = !Arrays.equals(oldPrimary, newPrimary);
    if (keyChanged && txn.get(newPrimary).isPresent()) {
      throw duplicate(layout, t.primaryIndex(), newRow);
    }
    byte[] newSuffix = layout.primaryKeySuffix(newRow);
    List<byte[]> deletes = new ArrayList<>();
    List<byte[]> puts = new ArrayList<>();
    List<IndexDescriptor> putIndexes = new ArrayList<>();
    for (IndexDescriptor index : t.secondaryIndexes()) {
      byte[] oldKey = layout.secondaryKey(index, oldRow);
      byte[] newKey = layout.secondaryKey(index, newRow);
      boolean sameKey = Arrays.equals(oldKey, newKey);
      if (sameKey && !keyChanged) {
        continue;
      }
      if (!sameKey && index.unique() && !layout.hasNullKey(index, newRow) && txn.get(newKey).isPresent()) {
        throw duplicate(layout, index, newRow);
      }
      deletes.add(oldKey);
      puts.add(newKey);
      putIndexes.add(index);
    }
    byte[] newValue = layout.primaryValue(newRow);
    if (keyChanged) {
      txn.delete(oldPrimary);
      put(txn, t, t.primaryIndex(), newPrimary, newValue);
    } else if (!Arrays.equals(layout.primaryValue(oldRow), newValue)) {
      put(txn, t, t.primaryIndex(), newPrimary, newValue);
    }
    for (byte[] key : deletes) {
      txn.delete(key);
    }
    for (int i = 0; i < puts.size(); i++) {
      put(txn, t, putIndexes.get(i), puts.get(i), newSuffix);
    }
  }

  /** Deletes the row (as read) and all its index entries. */
  public void delete(KvTxn txn, TableDescriptor t, Object[] row) {
    TableLayout layout = layout(t, row);
    txn.delete(layout.primaryKey(row));
    for (IndexDescriptor index : t.secondaryIndexes()) {
      txn.delete(layout.secondaryKey(index, row));
    }
  }

  /**
   * Point read by primary key values (in primary-index column order). Values of another Java
   * type are converted to the column type; a value no row can have (e.g. 2.5 for an INTEGER key)
   * finds nothing.
   */
  public Optional<Object[]> get(KvTxn txn, TableDescriptor t, Object[] primaryKey) {
    TableLayout layout = TableLayout.of(t);
    IndexDescriptor pk = t.primaryIndex();
    if (primaryKey.length != pk.columnIds().size()) {
      throw new IllegalArgumentException("expected " + pk.columnIds().size() + " key values");
    }
    Object[] values = new Object[primaryKey.length];
    for (int k = 0; k < values.length; k++) {
      ColumnDescriptor c = layout.column(pk.columnIds().get(k));
      BoundCoercion.Bound b = BoundCoercion.eq(c.type(), primaryKey[k]);
      switch (b.state()) {
        case EMPTY -> {
          return Optional.empty();
        }
        case VALUE -> values[k] = b.value();
        case RANGE, UNBOUNDED -> values[k] = coerce(c, primaryKey[k]);
      }
    }
    byte[] key = layout.primaryKeyFromValues(values);
    return txn.get(key).map(value -> layout.decodeRow(key, value));
  }

  /**
   * Full rows whose key in {@code index} lies within {@code bounds}, in index order ({@code
   * reverse}: descending). For a secondary index, rows are fetched from the primary index. Pages
   * through {@link KvTxn#scan} in batches; closing stops it. The bounds may be wider than
   * requested where a value cannot be converted exactly (see {@link BoundCoercion}), never narrower.
   * Null {@code bounds} means the whole index.
   */
  public RowCursor scan(KvTxn txn, TableDescriptor t, IndexDescriptor index, IndexBounds bounds, boolean reverse) {
    return scan(txn, t, index, bounds, reverse, null);
  }

  /**
   * As {@link #scan(KvTxn, TableDescriptor, IndexDescriptor, IndexBounds, boolean)}, decoding only
   * the columns {@code wanted} marks (by position in {@code t.columns()}; null: all) besides the
   * primary key columns; the others are null in the rows returned.
   */
  public RowCursor scan(KvTxn txn, TableDescriptor t, IndexDescriptor index, IndexBounds bounds, boolean reverse,
      boolean[] wanted) {
    TableLayout layout = TableLayout.of(t);
    Optional<IndexSpans.Span> span = IndexSpans.span(layout, index, bounds == null ? IndexBounds.all() : bounds);
    if (span.isEmpty()) {
      return EmptyCursor.INSTANCE;
    }
    return new IndexScanCursor(txn, layout, index, span.get(), reverse, batchSize, wanted);
  }

  /**
   * Writes the entries of the new secondary {@code index} of {@code t} for every existing row.
   *
   * @throws SqlError 23505 if {@code index} is unique and two rows share a non-NULL key
   */
  public void backfillIndex(KvTxn txn, TableDescriptor t, IndexDescriptor index) {
    TableLayout layout = TableLayout.of(t);
    try (RowCursor rows = scan(txn, t, t.primaryIndex(), IndexBounds.all(), false)) {
      while (rows.hasNext()) {
        Object[] row = rows.next();
        byte[] key = layout.secondaryKey(index, row);
        if (index.unique() && !layout.hasNullKey(index, row) && txn.get(key).isPresent()) {
          throw new SqlError(SqlState.UNIQUE_VIOLATION,
              "could not create unique index \"" + index.name() + "\"", 0,
              "Key " + layout.describeKey(index, row) + " is duplicated.", null, null);
        }
        put(txn, t, index, key, layout.primaryKeySuffix(row));
      }
    }
  }

  /** Deletes every entry of {@code index} of table {@code t}. */
  public void deleteIndexEntries(KvTxn txn, TableDescriptor t, IndexDescriptor index) {
    deleteSpan(txn, SqlKeys.indexPrefix(t, index));
  }

  /** Deletes every row and index entry stored under {@code /Table/<tableId>/}. */
  public void deleteTableData(KvTxn txn, int tableId) {
    deleteSpan(txn, SqlKeys.tablePrefix(tableId));
  }

  private void deleteSpan(KvTxn txn, byte[] prefix) {
    byte[] start = prefix;
    byte[] end = Keys.prefixEnd(prefix);
    while (true) {
      List<KeyValue> batch = txn.scan(start, end, batchSize, false);
      for (KeyValue kv : batch) {
        txn.delete(kv.key());
      }
      if (batch.size() < batchSize) {
        return;
      }
      start = Keys.next(batch.get(batch.size() - 1).key());
    }
  }

  private static TableLayout layout(TableDescriptor t, Object[] row) {
    if (t.isView()) {
      throw new SqlError(SqlState.WRONG_OBJECT_TYPE, "cannot change view \"" + t.name() + "\"");
    }
    if (row.length != t.columns().size()) {
      throw new IllegalArgumentException("row has " + row.length + " values, table \"" + t.name()
          + "\" has " + t.columns().size() + " columns");
    }
    return TableLayout.of(t);
  }

  /** {@code txn.put}, reporting an oversized key or value as 54000 naming the index. */
  private static void put(KvTxn txn, TableDescriptor t, IndexDescriptor index, byte[] key, byte[] value) {
    try {
      txn.put(key, value);
    } catch (KvLimitException e) {
      throw new SqlError(SqlState.PROGRAM_LIMIT_EXCEEDED, "row of " + key.length + "+" + value.length
          + " bytes is too large for index \"" + index.name() + "\" of table \"" + t.name() + "\"", 0,
          e.getMessage(), null, e);
    }
  }

  private static void checkNotNull(TableDescriptor t, Object[] row) {
    List<ColumnDescriptor> columns = t.columns();
    for (int i = 0; i < columns.size(); i++) {
      if (row[i] == null && !columns.get(i).nullable()) {
        throw new SqlError(SqlState.NOT_NULL_VIOLATION, "null value in column \"" + columns.get(i).name()
            + "\" of relation \"" + t.name() + "\" violates not-null constraint");
      }
    }
  }

  private static SqlError duplicate(TableLayout layout, IndexDescriptor index, Object[] row) {
    return new SqlError(SqlState.UNIQUE_VIOLATION,
        "duplicate key value violates unique constraint \"" + index.name() + "\"", 0,
        "Key " + layout.describeKey(index, row) + " already exists.", null, null);
  }

  /** A cursor with no rows. */
  private enum EmptyCursor implements RowCursor {
    INSTANCE;

    @Override
    public boolean hasNext() {
      return false;
    }

    @Override
    public Object[] next() {
      throw new java.util.NoSuchElementException();
    }

    @Override
    public void close() {}
  }
}

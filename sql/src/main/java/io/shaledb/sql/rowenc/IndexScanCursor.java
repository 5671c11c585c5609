package io.shaledb.sql.rowenc;

import io.shaledb.kv.KeyValue;
import io.shaledb.kv.encoding.Keys;
import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.catalog.IndexDescriptor;
import io.shaledb.txn.KvTxn;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Rows of one index span, read from the transaction in batches of {@code batchSize} KVs. For a
 * secondary index each entry's value is the primary key suffix; the row is fetched from the
 * primary index, unless the index covers every column wanted (an index-only scan). With {@code
 * wanted} (by row position), only those non-key columns are decoded; the others stay null.
 * Single-threaded; holds no resources beyond its buffer.
 */
final class IndexScanCursor implements RowCursor {

  private final KvTxn txn;
  private final TableLayout layout;
  private final IndexDescriptor index;
  private final boolean reverse;
  private final int batchSize;
  private final boolean[] wanted;
  /** Rows come from the secondary index's entries alone (see TableLayout.indexCovers). */
  private final boolean indexOnly;
  private final int indexPrefixLength;
  private byte[] start;
  private byte[] end;
  /** The current batch of index entries and the position of the next one to return. */
  private List<KeyValue> buffer = List.of();
  private int pos;
  /** Rows of a secondary index's batch, fetched from the primary index together. */
  private final Deque<Object[]> rows = new ArrayDeque<>();
  private boolean spanExhausted;
  private boolean closed;

  IndexScanCursor(KvTxn txn, TableLayout layout, IndexDescriptor index, IndexSpans.Span span,
                  boolean reverse, int batchSize, boolean[] wanted) {
    this.txn = txn;
    this.layout = layout;
    this.index = index;
    this.reverse = reverse;
    this.batchSize = batchSize;
    this.wanted = wanted;
    this.indexOnly = layout.indexCovers(index, wanted);
    this.indexPrefixLength = SqlKeys.indexPrefix(layout.table, index).length;
    this.start = span.start();
    this.end = span.end();
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    if (index.isPrimary() || indexOnly) {
      while (pos == buffer.size() && !spanExhausted) {
        fetch();
      }
      return pos < buffer.size();
    }
    while (rows.isEmpty() && !spanExhausted) {
      fetch();
      fetchRows();
    }
    return !rows.isEmpty();
  }

  private void fetch() {
    List<KeyValue> batch = txn.scan(start, end, batchSize, reverse);
    buffer = batch;
    pos = 0;
    if (batch.size() < batchSize) {
      spanExhausted = true;
      return;
    }
    byte[] lastKey = batch.get(batch.size() - 1).key();
    if (reverse) {
      end = lastKey;
    } else {
      start = Keys.next(lastKey);
    }
    if (Keys.compare(start, end) >= 0) {
      spanExhausted = true;
    }
  }

  /** The rows the buffered secondary index entries point at, read in one batch. */
  private void fetchRows() {
    List<byte[]> keys = new java.util.ArrayList<>(buffer.size());
    for (KeyValue kv : buffer) {
      keys.add(SqlKeys.concat(layout.primaryPrefix, kv.value()));
    }
    buffer = List.of();
    pos = 0;
    List<java.util.Optional<byte[]>> values = txn.getAll(keys);
    for (int i = 0; i < keys.size(); i++) {
      byte[] value = values.get(i).orElseThrow(() -> new SqlError(SqlState.DATA_CORRUPTED,
          "index \"" + index.name() + "\" of table \"" + layout.table.name()
              + "\" points at a missing row"));
      rows.addLast(layout.decodeRow(keys.get(i), value, wanted));
    }
  }

  @Override
  public Object[] next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    if (!index.isPrimary() && !indexOnly) {
      return rows.removeFirst();
    }
    KeyValue kv = buffer.get(pos++);
    return indexOnly ? layout.decodeIndexEntry(index, indexPrefixLength, kv.key(), kv.value())
        : layout.decodeRow(kv.key(), kv.value(), wanted);
  }

  @Override
  public void close() {
    closed = true;
    buffer = List.of();
    rows.clear();
  }
}

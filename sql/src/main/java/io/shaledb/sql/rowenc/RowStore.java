package io.shaledb.sql.rowenc;

import io.shaledb.sql.catalog.ColumnDescriptor;
import io.shaledb.sql.catalog.IndexDescriptor;
import io.shaledb.sql.catalog.TableDescriptor;
import io.shaledb.txn.KvTxn;
import java.util.Optional;

/** Every row read and write of a table: key/value encoding, constraint checks, index maintenance. */
public final class RowStore {
  public RowStore() {}

  public Object coerce(ColumnDescriptor column, Object value) { throw new UnsupportedOperationException(); }
  public void insert(KvTxn txn, TableDescriptor t, Object[] row) { throw new UnsupportedOperationException(); }
  public void update(KvTxn txn, TableDescriptor t, Object[] oldRow, Object[] newRow) { throw new UnsupportedOperationException(); }
  public void delete(KvTxn txn, TableDescriptor t, Object[] row) { throw new UnsupportedOperationException(); }
  public Optional<Object[]> get(KvTxn txn, TableDescriptor t, Object[] primaryKey) { throw new UnsupportedOperationException(); }
  public RowCursor scan(KvTxn txn, TableDescriptor t, IndexDescriptor index, IndexBounds bounds, boolean reverse) { throw new UnsupportedOperationException(); }
}

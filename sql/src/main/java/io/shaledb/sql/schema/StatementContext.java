package io.shaledb.sql.schema;

import io.shaledb.sql.catalog.Catalog;
import io.shaledb.sql.rowenc.RowStore;
import io.shaledb.txn.KvTxn;
import java.util.Objects;
import org.apache.calcite.DataContext;

/**
 * What one statement execution reads through: its transaction, the catalog and row store, and the
 * session's database. Table scans find it in the {@link DataContext} under {@link #KEY}; it is
 * never kept beyond the statement, so no rows or transactions leak across statements.
 */
public record StatementContext(KvTxn txn, Catalog catalog, RowStore rows, int databaseId, String database) {
  /** The DataContext variable holding the current statement's context. */
  public static final String KEY = "shale.statement";

  public StatementContext {
    Objects.requireNonNull(txn);
    Objects.requireNonNull(catalog);
    Objects.requireNonNull(rows);
  }

  /** The statement context of an executing plan. */
  public static StatementContext of(DataContext root) {
    Object o = root.get(KEY);
    if (!(o instanceof StatementContext sc)) {
      throw new IllegalStateException("no statement context in DataContext");
    }
    return sc;
  }
}

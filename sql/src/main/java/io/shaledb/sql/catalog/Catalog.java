package io.shaledb.sql.catalog;

import io.shaledb.txn.KvTxn;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads and writes catalog descriptors through the caller's KvTxn (so DDL is transactional). */
public final class Catalog {
  public Catalog() {}

  public void bootstrap(KvTxn txn) { throw new UnsupportedOperationException(); }
  public OptionalInt databaseId(KvTxn txn, String database) { throw new UnsupportedOperationException(); }
  public List<String> databases(KvTxn txn) { throw new UnsupportedOperationException(); }
  public int createDatabase(KvTxn txn, String name, boolean ifNotExists) { throw new UnsupportedOperationException(); }
  public void dropDatabase(KvTxn txn, String name, boolean ifExists) { throw new UnsupportedOperationException(); }
  public Optional<TableDescriptor> table(KvTxn txn, int databaseId, String name) { throw new UnsupportedOperationException(); }
  public Optional<TableDescriptor> tableById(KvTxn txn, int tableId) { throw new UnsupportedOperationException(); }
  public List<TableDescriptor> tables(KvTxn txn, int databaseId) { throw new UnsupportedOperationException(); }
  public TableDescriptor createTable(KvTxn txn, int databaseId, TableSpec spec) { throw new UnsupportedOperationException(); }
  public TableDescriptor createView(KvTxn txn, int databaseId, String name, String sql, List<ColumnDescriptor> columns, boolean orReplace) { throw new UnsupportedOperationException(); }
  public void dropTable(KvTxn txn, TableDescriptor table) { throw new UnsupportedOperationException(); }
  public TableDescriptor createIndex(KvTxn txn, TableDescriptor table, String indexName, boolean unique,
                                     List<String> columnNames, List<Boolean> descending, boolean ifNotExists) { throw new UnsupportedOperationException(); }
  public Optional<TableDescriptor> dropIndex(KvTxn txn, int databaseId, String indexName, boolean ifExists) { throw new UnsupportedOperationException(); }
  public long uniqueRowId() { throw new UnsupportedOperationException(); }
}

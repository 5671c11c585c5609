package io.shaledb.sql.exec;

import io.shaledb.sql.Session;
import io.shaledb.sql.SqlEngine;
import io.shaledb.txn.TxnFactory;

/** Placeholder replaced by the Calcite-backed engine. */
public final class ShaleSqlEngine implements SqlEngine {
  private ShaleSqlEngine() {}

  public static SqlEngine create(TxnFactory txns) {
    throw new UnsupportedOperationException("not built yet");
  }

  @Override
  public Session openSession(String database, String user) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}

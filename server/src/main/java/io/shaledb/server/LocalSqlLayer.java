package io.shaledb.server;

import io.shaledb.sql.SqlEngine;

/**
 * The single-node stack: storage engine, hybrid logical clock, local transactions and the SQL
 * engine over them. Placeholder until the storage and transaction layers are merged.
 */
public final class LocalSqlLayer implements SqlLayer {
  private LocalSqlLayer() {}

  public static SqlLayer open(NodeConfig config) {
    throw new UnsupportedOperationException("the storage layer is not built yet");
  }

  @Override
  public SqlEngine engine() {
    throw new IllegalStateException();
  }

  @Override
  public void close() {}
}

package io.shaledb.server;

import io.shaledb.sql.SqlEngine;
import java.io.IOException;

/**
 * The SQL engine of a node together with the storage and transaction layers beneath it, owned
 * and closed by the {@link Node}. Production nodes use {@link LocalSqlLayer}; tests may pass any
 * opener (e.g. one around a fake engine).
 */
public interface SqlLayer extends AutoCloseable {

  SqlEngine engine();

  /** Closes the engine and everything beneath it. Idempotent. */
  @Override
  void close();

  /** Opens the layers of a node over its configured store directory. */
  @FunctionalInterface
  interface Opener {
    SqlLayer open(NodeConfig config) throws IOException;
  }
}

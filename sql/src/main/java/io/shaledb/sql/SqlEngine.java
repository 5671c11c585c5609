package io.shaledb.sql;

import io.shaledb.txn.TxnFactory;

/**
 * The SQL layer of one node: opens sessions that parse, plan and execute SQL against the
 * transactional KV interface. Thread-safe; each {@link Session} is used by one thread at a time.
 */
public interface SqlEngine extends AutoCloseable {

  /**
   * Opens a session on {@code database}.
   *
   * @throws SqlError with {@link SqlState#INVALID_CATALOG_NAME} (3D000) if the database does not exist
   */
  Session openSession(String database, String user);

  /** The engine that executes SQL through {@code txns}. Bootstraps the system catalog if empty. */
  static SqlEngine create(TxnFactory txns) {
    return io.shaledb.sql.exec.ShaleSqlEngine.create(txns);
  }

  @Override
  void close();
}

package io.shaledb.server;

import io.shaledb.kv.hlc.HybridClock;
import io.shaledb.kv.hlc.PhysicalClock;
import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineOptions;
import io.shaledb.kv.storage.StorageException;
import io.shaledb.sql.SqlEngine;
import io.shaledb.txn.TxnFactory;
import io.shaledb.txn.local.LocalTxnFactory;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-node stack: the RocksDB {@link Engine} in the store directory, a {@link HybridClock}
 * on the system clock (uncertainty {@link NodeConfig#maxClockOffset()}), local transactions with
 * synced commits, and the SQL engine over them. Closed top-down: SQL engine, then transactions
 * (if closeable), then the storage engine.
 */
public final class LocalSqlLayer implements SqlLayer {
  private static final Logger LOG = LoggerFactory.getLogger(LocalSqlLayer.class);

  private final Engine storage;
  private final TxnFactory txns;
  private final SqlEngine sql;
  private boolean closed; // guarded by this

  private LocalSqlLayer(Engine storage, TxnFactory txns, SqlEngine sql) {
    this.storage = storage;
    this.txns = txns;
    this.sql = sql;
  }

  /**
   * Opens (creating if needed) the store in {@code config.storeDir()}.
   *
   * @throws IOException if the store cannot be opened; nothing is left open then
   */
  public static SqlLayer open(NodeConfig config) throws IOException {
    Engine storage;
    try {
      storage = Engine.open(config.storeDir(), EngineOptions.defaults());
    } catch (StorageException e) {
      throw new IOException("cannot open the store in " + config.storeDir() + ": "
          + e.getMessage(), e);
    }
    TxnFactory txns = null;
    try {
      HybridClock clock = new HybridClock(PhysicalClock.SYSTEM, config.maxClockOffset());
      txns = new LocalTxnFactory(storage, clock, true);
      SqlEngine sql = SqlEngine.create(txns);
      return new LocalSqlLayer(storage, txns, sql);
    } catch (RuntimeException e) {
      closeQuietly(txns);
      storage.close();
      throw e;
    }
  }

  @Override
  public SqlEngine engine() {
    return sql;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      sql.close();
    } finally {
      try {
        closeQuietly(txns);
      } finally {
        storage.close();
      }
    }
  }

  private static void closeQuietly(Object maybeCloseable) {
    if (maybeCloseable instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed", c, e);
      }
    }
  }
}

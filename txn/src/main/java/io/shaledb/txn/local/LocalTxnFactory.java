package io.shaledb.txn.local;

import io.shaledb.kv.hlc.HybridClock;
import io.shaledb.kv.storage.Engine;
import io.shaledb.txn.KvTxn;
import io.shaledb.txn.TxnFactory;

/** Single-node transactions directly over one engine. */
public final class LocalTxnFactory implements TxnFactory {
  public LocalTxnFactory(Engine engine, HybridClock clock, boolean syncCommits) {}

  @Override
  public KvTxn begin() { throw new UnsupportedOperationException(); }
}

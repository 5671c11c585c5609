package io.shaledb.txn;

/** Starts transactions. Thread-safe. */
public interface TxnFactory {

  /** A new transaction reading at a fresh timestamp from the node's hybrid clock. */
  KvTxn begin();
}

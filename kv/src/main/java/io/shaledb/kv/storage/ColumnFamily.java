package io.shaledb.kv.storage;

/** The column families of a store (DESIGN.md §3). */
public enum ColumnFamily {
  /** MVCC-versioned user data. */
  MVCC,
  /** Locks and write intents. */
  LOCKS,
  /** Raft log entries and Raft state. */
  RAFT,
  /** Node-local metadata (store identity, settings). */
  LOCAL
}

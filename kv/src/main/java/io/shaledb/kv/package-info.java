/**
 * Values shared by every storage layer: {@link io.shaledb.kv.Timestamp} (hybrid-logical-clock
 * time) and {@link io.shaledb.kv.KeyValue}. Subpackages: {@code encoding} (order-preserving keys),
 * {@code hlc} (the clock), {@code storage} (RocksDB engine), {@code mvcc} (versioned reads and
 * writes). All types here are immutable values.
 */
package io.shaledb.kv;

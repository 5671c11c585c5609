/**
 * Replication: the Raft core, Raft log storage, the multi-raft store, transports, ranges, leases
 * and placement (DESIGN.md §4).
 *
 * <p>Built so far: {@link io.shaledb.replication.raft} — the pure, deterministic Raft core of one
 * group with an in-memory durable log, proven by a seeded simulation in its tests;
 * {@link io.shaledb.replication.storage} — Raft log storage in the store's engine (column family
 * RAFT, keyed by {@link io.shaledb.replication.RangeId}) with group commit of many groups' Readys
 * in one synced write. Not built yet: the multi-raft store and scheduler, transports, snapshots,
 * membership changes, ranges, leases and placement. The foundation still runs one node whose
 * writes go straight to the local engine through {@code io.shaledb.txn}; nothing above
 * {@code txn} will need to change when replication is wired in.
 */
package io.shaledb.replication;

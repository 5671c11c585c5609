/**
 * Replication: the Raft core, Raft log storage, the multi-raft store, transports, ranges, leases
 * and placement (DESIGN.md §4).
 *
 * <p>Built: {@link io.shaledb.replication.raft} — the pure, deterministic Raft core of one group
 * (elections with PreVote and CheckQuorum, replication with flow control, ReadIndex, leadership
 * transfer, snapshots, single-server membership changes with learners);
 * {@link io.shaledb.replication.storage} — Raft log, hard state, snapshots and truncation in the
 * store's engine (column family RAFT, keyed by {@link io.shaledb.replication.RangeId}) with group
 * commit of many groups' Readys in one synced write; {@link io.shaledb.replication.store} — the
 * multi-raft {@code Store} (replicas by range id, a scheduler running each range on at most one
 * thread, batched sends, quiescence of idle groups, snapshots, membership changes);
 * {@link io.shaledb.replication.transport} — an in-memory transport with injectable faults and a
 * gRPC transport with one batched stream per node pair. Not built yet: ranges (descriptors,
 * splits, merges), leases and placement; SQL still runs on one node whose writes go straight to
 * the local engine through {@code io.shaledb.txn}.
 */
package io.shaledb.replication;

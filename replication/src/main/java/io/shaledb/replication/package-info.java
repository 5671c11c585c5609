/**
 * Replication: the Raft core, Raft log storage, the multi-raft store, transports, ranges, leases
 * and placement (DESIGN.md §4).
 *
 * <p>Not built yet: the foundation runs one node whose writes go straight to the local engine
 * through {@code io.shaledb.txn}. The replication issue fills this package; nothing above
 * {@code txn} will need to change when it does.
 */
package io.shaledb.replication;

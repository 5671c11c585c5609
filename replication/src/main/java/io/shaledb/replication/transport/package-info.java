/**
 * Moving Raft messages between stores. A store batches the messages of all its groups for one
 * peer into a {@link io.shaledb.replication.transport.RaftBatch}; a
 * {@link io.shaledb.replication.transport.RaftTransport} carries batches, one logical stream per
 * node pair. Implementations: an in-memory transport for tests (with injectable faults) and a
 * gRPC transport with one batched stream per node pair.
 */
package io.shaledb.replication.transport;

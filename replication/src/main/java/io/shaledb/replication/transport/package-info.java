/**
 * Moving Raft messages between stores. A store batches the messages of all its groups for one
 * peer into a {@link io.shaledb.replication.transport.RaftBatch} (each message in a
 * {@link io.shaledb.replication.transport.RaftEnvelope} naming its range); a
 * {@link io.shaledb.replication.transport.RaftTransport} carries batches, one logical stream per
 * ordered node pair, best effort: {@code send} never blocks or throws for a down peer, batches
 * arrive whole or not at all, and Raft copes with loss, duplication and reordering.
 *
 * <pre>
 *   store n1 ── send(RaftBatch n1→n2) ──► RaftTransport ──► InboundHandler of n2 (transport thread)
 * </pre>
 *
 * <p>Implementations:
 * <ul>
 *   <li>{@link io.shaledb.replication.transport.InMemoryTransport}: a whole network in one object
 *       for tests, simulations and benchmarks, with injectable faults
 *       ({@link io.shaledb.replication.transport.NetworkFaults}: drop, duplicate, delay/reorder,
 *       per-message drops, asymmetric cuts, isolation, split, bridge) drawn from a seeded
 *       generator. Deterministic mode delivers on the caller's thread when the caller advances
 *       a logical clock (same seed, same deliveries); live mode has one delivery thread and real
 *       delays.</li>
 *   <li>{@link io.shaledb.replication.transport.GrpcRaftTransport}: a gRPC server plus one
 *       long-lived client stream per peer ({@code raft_transport.proto}), a bounded coalescing
 *       send queue per peer (overflow counted), reconnect with capped backoff, peer addresses
 *       from a {@link io.shaledb.replication.transport.PeerResolver}; it owns all its threads and
 *       {@code close()} stops every one of them.</li>
 * </ul>
 * {@link io.shaledb.replication.transport.RaftWireCodec} converts batches to and from their
 * protobuf form (generated classes in {@code io.shaledb.replication.transport.proto}).
 *
 * <p><b>Threading.</b> {@code send} may be called from any thread. Inbound handlers run on a
 * thread of the transport (the caller's thread in deterministic in-memory mode) and must only
 * enqueue; the gRPC transport never calls its handler concurrently.
 */
package io.shaledb.replication.transport;

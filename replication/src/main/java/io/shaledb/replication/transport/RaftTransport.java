package io.shaledb.replication.transport;

import io.shaledb.replication.raft.NodeId;

/**
 * Carries {@link RaftBatch}es between the stores of a cluster: one logical stream per ordered
 * node pair, batches delivered whole or not at all.
 *
 * <p><b>Contract.</b> {@link #send} never blocks on the network and never throws for a peer that
 * is down or unknown: delivery is best effort, like Raft assumes (batches may be dropped, delayed,
 * duplicated or reordered by faulty implementations used in tests; a real one keeps per-pair order
 * while a connection lives). A batch is handed to the receiver's {@link InboundHandler} on a thread
 * of the transport's choosing; handlers must be quick (enqueue and return). {@link #close()} stops
 * delivery in both directions and releases every thread and connection the transport owns;
 * sends after close are ignored.
 *
 * <p>A networked transport ({@link GrpcRaftTransport}) serves one store: it listens once and
 * sends only batches from that store. The in-memory network ({@link InMemoryTransport}) accepts
 * any number of listeners; {@link InMemoryTransport#endpoint} gives each store a view with the
 * networked behaviour.
 */
public interface RaftTransport extends AutoCloseable {
    /** Receives the batches addressed to one node. */
    @FunctionalInterface
    interface InboundHandler {
        void onBatch(RaftBatch batch);
    }

    /**
     * Starts accepting batches for {@code self} and handing them to {@code handler}.
     *
     * @throws IllegalStateException if {@code self} already listens on this transport (or, for
     *                               a single-store transport, it already listens or is closed)
     */
    void listen(NodeId self, InboundHandler handler);

    /** Queues {@code batch} for {@code batch.to()}; best effort, see the class contract. */
    void send(RaftBatch batch);

    @Override
    void close();
}

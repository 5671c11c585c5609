package io.shaledb.replication.store;

import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.transport.RaftBatch;
import io.shaledb.replication.transport.RaftTransport;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test network of directly connected stores: {@link RaftTransport#send} hands the batch to the
 * receiver's handler on the sender's thread (the store's handler only enqueues). No faults but
 * one: a node can be {@link #isolate isolated} (everything to or from it is lost). A node that
 * does not listen (closed or never opened) loses what is sent to it.
 */
public final class DirectNetwork {
    private final Map<NodeId, RaftTransport.InboundHandler> handlers = new ConcurrentHashMap<>();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    private final Set<NodeId> isolated = ConcurrentHashMap.newKeySet();

    /** Drops every batch to or from {@code node} until {@link #heal}. */
    void isolate(NodeId node) {
        isolated.add(node);
    }

    void heal(NodeId node) {
        isolated.remove(node);
    }

    /** A transport endpoint for one store; closing it stops delivery to and from that store. */
    public RaftTransport endpoint() {
        return new Endpoint();
    }

    private final class Endpoint implements RaftTransport {
        private volatile NodeId self;
        private volatile boolean closed;

        @Override
        public void listen(NodeId node, InboundHandler handler) {
            if (closed || handlers.putIfAbsent(node, handler) != null) {
                throw new IllegalStateException(node + " already listens (or the endpoint is closed)");
            }
            self = node;
        }

        @Override
        public void send(RaftBatch batch) {
            boolean cut = isolated.contains(batch.from()) || isolated.contains(batch.to());
            RaftTransport.InboundHandler h = closed || cut ? null : handlers.get(batch.to());
            if (h == null) {
                lost.incrementAndGet();
                return;
            }
            delivered.incrementAndGet();
            h.onBatch(batch);
        }

        @Override
        public void close() {
            closed = true;
            if (self != null) {
                handlers.remove(self);
            }
        }
    }
}

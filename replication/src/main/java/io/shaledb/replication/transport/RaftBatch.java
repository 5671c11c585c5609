package io.shaledb.replication.transport;

import io.shaledb.replication.raft.NodeId;
import java.util.List;
import java.util.Objects;

/**
 * Everything one store sends another in one go: the Raft messages of any number of groups.
 * An empty batch is still meaningful: it is the store-to-store liveness heartbeat that lets
 * quiesced groups notice a dead peer without per-group heartbeats.
 *
 * @param from     the sending store's node
 * @param to       the receiving store's node
 * @param messages messages in the order the sender produced them
 */
public record RaftBatch(NodeId from, NodeId to, List<RaftEnvelope> messages) {
    public RaftBatch {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        messages = List.copyOf(messages);
    }
}

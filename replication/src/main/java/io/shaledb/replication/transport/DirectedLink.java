package io.shaledb.replication.transport;

import io.shaledb.replication.raft.NodeId;
import java.util.Objects;

/**
 * The one-way path from {@code from}'s store to {@code to}'s store.
 *
 * @param from sender
 * @param to   receiver, different from {@code from}
 */
public record DirectedLink(NodeId from, NodeId to) {
    public DirectedLink {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("a link joins two different nodes: " + from);
        }
    }

    public DirectedLink reversed() {
        return new DirectedLink(to, from);
    }

    @Override
    public String toString() {
        return from + "->" + to;
    }
}

package io.shaledb.replication.raft;

/**
 * Identity of one member of a Raft group. Positive; stable for the life of the member.
 *
 * @param value the member id, {@code > 0}
 */
public record NodeId(long value) implements Comparable<NodeId> {
    public NodeId {
        if (value <= 0) {
            throw new IllegalArgumentException("node id must be positive: " + value);
        }
    }

    public static NodeId of(long value) {
        return new NodeId(value);
    }

    @Override
    public int compareTo(NodeId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return "n" + value;
    }
}

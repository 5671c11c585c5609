package io.shaledb.replication.raft;

/**
 * A confirmed linearizable read: once this member has applied up to {@code index}, a read of its
 * state machine observes every write acknowledged before {@link RaftNode#readIndex(byte[])} was
 * called with {@code context}.
 *
 * @param index   the commit index the leader held when it received the request
 * @param context the caller's request context, returned unchanged
 */
public record ReadState(long index, byte[] context) {
    public ReadState {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0: " + index);
        }
        java.util.Objects.requireNonNull(context, "context");
    }
}

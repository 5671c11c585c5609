package io.shaledb.replication.store;

import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.NodeId;
import java.util.Optional;

/**
 * The replica asked is not the leader of its range (or is handing leadership over), so it
 * cannot take the request. Nothing was proposed; retry at {@link #leaderHint()} if present.
 */
public final class NotLeaderException extends RuntimeException {
    private final RangeId range;
    private final NodeId leaderHint;

    public NotLeaderException(RangeId range, NodeId leaderHint, String detail) {
        super(range + ": not leader" + (leaderHint == null ? "" : " (leader hint " + leaderHint + ")")
                + (detail == null ? "" : ": " + detail));
        this.range = range;
        this.leaderHint = leaderHint;
    }

    public RangeId range() {
        return range;
    }

    /** The store believed to hold the leader replica, if known. */
    public Optional<NodeId> leaderHint() {
        return Optional.ofNullable(leaderHint);
    }
}

package io.shaledb.replication.store;

import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.raft.Role;
import java.util.Objects;

/**
 * A replica's Raft state as of the end of its latest processing pass: a consistent copy that
 * any thread may read, already stale when read.
 *
 * @param range        the range
 * @param role         this replica's role in {@code term}
 * @param term         its current term
 * @param leader       the leader it knows for {@code term}, or {@code null}
 * @param commitIndex  highest index it knows committed
 * @param appliedIndex highest index applied to its state machine
 * @param lastIndex    index of its last log entry
 * @param quiesced     whether the group is quiesced here (not ticking)
 * @param firstIndex    index of its first log entry still stored (entries below were compacted)
 * @param snapshotIndex index of its latest snapshot (taken here or installed from the leader), 0 if none
 */
public record ReplicaStatus(RangeId range, Role role, long term, NodeId leader, long commitIndex,
                            long appliedIndex, long lastIndex, boolean quiesced, long firstIndex,
                            long snapshotIndex) {
    public ReplicaStatus {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(role, "role");
    }

    public boolean isLeader() {
        return role == Role.LEADER;
    }
}

package io.shaledb.replication.store;

import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.NodeId;

/** What a {@link Replica} needs from its store while a worker processes it. */
interface ReplicaHost {
    StoreConfig config();

    StoreCounters counters();

    /** Whether the store of {@code node} has been heard from within the election timeout. */
    boolean isPeerAlive(NodeId node);

    /** Starts ({@code false}) or stops ({@code true}) delivering ticks to {@code range}. */
    void setQuiesced(RangeId range, boolean quiesced);
}

package io.shaledb.replication.store;

import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.raft.RaftConfig;
import io.shaledb.replication.raft.RaftFaults;
import io.shaledb.replication.raft.RaftNode;

/**
 * Settings of a {@link Store}. Time is counted in {@link Store#tick()} calls.
 *
 * @param electionTicks       Raft election timeout T (random in {@code [T, 2T)}); also how long a
 *                            store waits without hearing from a peer store before it declares the
 *                            peer dead and wakes the quiesced groups it led
 * @param heartbeatTicks      ticks between Raft heartbeats and between store liveness heartbeats
 * @param maxInflight         appends in flight per follower (Raft flow control)
 * @param maxEntriesPerAppend entries per AppendEntries at most
 * @param quiesce             let idle, fully replicated groups stop ticking
 * @param randomSeed          seeds each replica's election-timeout randomness (mixed with the
 *                            range and node ids), so simulations replay exactly
 * @param snapshotEntries     log truncation policy: a replica snapshots its state machine at its
 *                            applied index once that is more than this many entries past its
 *                            latest snapshot (or the log start), then compacts its log; 0 never
 *                            snapshots (the log grows without bound)
 * @param snapshotKeepTail    entries kept below each snapshot when compacting, so followers that
 *                            lag by at most this much catch up from the log instead of needing
 *                            the snapshot
 */
public record StoreConfig(int electionTicks, int heartbeatTicks, int maxInflight, int maxEntriesPerAppend,
                          boolean quiesce, long randomSeed, long snapshotEntries, long snapshotKeepTail) {
    /** Default {@link #snapshotEntries}. */
    public static final long DEFAULT_SNAPSHOT_ENTRIES = 10_000;
    /** Default {@link #snapshotKeepTail}. */
    public static final long DEFAULT_SNAPSHOT_KEEP_TAIL = 1_000;

    public StoreConfig {
        if (snapshotEntries < 0 || snapshotKeepTail < 0) {
            throw new IllegalArgumentException("snapshotEntries and snapshotKeepTail must be >= 0, got "
                    + snapshotEntries + ", " + snapshotKeepTail);
        }
        if (heartbeatTicks < 1 || electionTicks <= heartbeatTicks) {
            throw new IllegalArgumentException("need 1 <= heartbeatTicks < electionTicks, got "
                    + heartbeatTicks + ", " + electionTicks);
        }
        if (maxInflight < 1 || maxEntriesPerAppend < 1) {
            throw new IllegalArgumentException("maxInflight and maxEntriesPerAppend must be >= 1");
        }
    }

    /** The default truncation policy ({@link #DEFAULT_SNAPSHOT_ENTRIES}, {@link #DEFAULT_SNAPSHOT_KEEP_TAIL}). */
    public StoreConfig(int electionTicks, int heartbeatTicks, int maxInflight, int maxEntriesPerAppend,
                       boolean quiesce, long randomSeed) {
        this(electionTicks, heartbeatTicks, maxInflight, maxEntriesPerAppend, quiesce, randomSeed,
                DEFAULT_SNAPSHOT_ENTRIES, DEFAULT_SNAPSHOT_KEEP_TAIL);
    }

    /**
     * Election 10 ticks, heartbeat 1 tick, 16 appends in flight of up to 64 entries, quiescence
     * on, a snapshot every 10,000 entries keeping a tail of 1,000.
     */
    public static StoreConfig defaults() {
        return new StoreConfig(10, 1, 16, 64, true, 0);
    }

    public StoreConfig withQuiesce(boolean on) {
        return new StoreConfig(electionTicks, heartbeatTicks, maxInflight, maxEntriesPerAppend, on, randomSeed,
                snapshotEntries, snapshotKeepTail);
    }

    public StoreConfig withRandomSeed(long seed) {
        return new StoreConfig(electionTicks, heartbeatTicks, maxInflight, maxEntriesPerAppend, quiesce, seed,
                snapshotEntries, snapshotKeepTail);
    }

    /** This config with another truncation policy (see {@link #snapshotEntries}, {@link #snapshotKeepTail}). */
    public StoreConfig withSnapshots(long entries, long keepTail) {
        return new StoreConfig(electionTicks, heartbeatTicks, maxInflight, maxEntriesPerAppend, quiesce, randomSeed,
                entries, keepTail);
    }

    /**
     * The Raft configuration of the member {@code self} of a group whose membership as of the
     * applied index {@code applied} is {@code membership}.
     */
    RaftConfig raftConfig(NodeId self, Membership membership, long applied) {
        return new RaftConfig(self, membership, electionTicks, heartbeatTicks, maxInflight, maxEntriesPerAppend,
                true, true, applied, RaftFaults.NONE);
    }

    /** The seed of one replica's randomness: distinct per (range, node), fixed per config. */
    long replicaSeed(RangeId range, NodeId self) {
        long h = randomSeed ^ (range.value() * 0x9E3779B97F4A7C15L) ^ (self.value() * 0xC2B2AE3D27D4EB4FL);
        return h ^ (h >>> 31);
    }
}

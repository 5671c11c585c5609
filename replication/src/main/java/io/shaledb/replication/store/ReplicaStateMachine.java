package io.shaledb.replication.store;

import io.shaledb.replication.RangeId;

/**
 * What a {@link Store} applies one range's committed commands to. Commands and results are
 * opaque bytes; their meaning belongs to the layer above (e.g. MVCC writes of a range).
 *
 * <p><b>Threading.</b> The store calls {@link #apply} and {@link #appliedIndex} from one worker
 * thread at a time for a given range (never concurrently), in log order. Other threads reading
 * the state machine (e.g. after a {@link Store#readIndex}) must synchronize with it themselves.
 *
 * <p><b>Snapshots.</b> Under the store's truncation policy ({@link StoreConfig#snapshotEntries()})
 * the store calls {@link #snapshot()} right after applying, so the image stands for the group's
 * applied index; it records the image and compacts the log below it. A replica that lags past
 * the compacted entries receives the leader's image and the store calls {@link #restore} with
 * it before applying the entries that follow.
 *
 * <p><b>Restart.</b> When a store reopens, it creates a fresh instance through the
 * {@link Factory}. If that reports an {@link #appliedIndex()} below the replica's latest
 * snapshot, the store restores it from the snapshot; then it replays every committed entry
 * above the applied index. An in-memory implementation reports 0, is restored from the latest
 * snapshot (if any) and replays the rest of the log; a durable one reports what it already
 * holds, and the store skips those entries.
 */
public interface ReplicaStateMachine {
    /**
     * Applies the committed command at log {@code index}. Must be deterministic: every replica
     * applies the same commands in the same order and must reach the same state and results.
     *
     * @return the result handed to the proposer's future (on the replica that proposed it)
     * @throws RuntimeException only for a bug or a storage failure; the store then stops
     *                          (an entry cannot be skipped)
     */
    byte[] apply(long index, byte[] command);

    /**
     * The highest log index whose effects this state machine holds: the last {@link #apply}
     * index, or what it held at creation or {@link #restore}. Leader no-ops in between are not
     * passed to {@code apply}, so this may stay below the group's applied index.
     */
    long appliedIndex();

    /**
     * The state machine's whole state as of its latest {@link #apply}, recorded in the replica's
     * snapshot and sent to replicas that lag past the compacted log. The returned array is not
     * mutated afterwards by either side.
     */
    byte[] snapshot();

    /**
     * Replaces the whole state with one produced by {@link #snapshot()} (on any replica of the
     * range). Afterwards {@link #appliedIndex()} reports what the image held: at most the
     * snapshot's log index, and the store then applies only entries after that index.
     */
    void restore(byte[] snapshot);

    /** Creates the state machine of one range's replica on a store. */
    @FunctionalInterface
    interface Factory {
        ReplicaStateMachine create(RangeId range);
    }
}

package io.shaledb.replication.storage;

import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineBatch;
import io.shaledb.replication.raft.HardState;
import io.shaledb.replication.raft.Ready;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Group commit of Raft state for the groups of one store: persists the snapshots, entries and
 * hard states of many {@link Ready}s with <b>one</b> {@link EngineBatch} and <b>at most one</b> synced engine
 * write, never one fsync per group.
 *
 * <p><b>Contract.</b> The caller collects one {@link Ready} from each group that has one and
 * passes them all to {@link #persist(List)}. When it returns normally, every snapshot, entry and
 * hard state in them is durable and visible through each group's {@link RocksRaftStorage}; only then may the
 * caller send each Ready's messages, install its snapshot in the state machine, apply its
 * committed entries and call
 * {@code RaftNode.advance}. If it throws, nothing was published: the caller must not send, apply
 * or advance any of those Readys (the store is then unusable; treat the failure as fatal).
 *
 * <p><b>Durability.</b> The write is synced if any group has a snapshot, entries, or a new term
 * or vote. A Ready's snapshot is staged before its entries (which follow it), so the old log's
 * deletion, the snapshot, the new truncated state and the new entries land in one atomic write.
 * A Ready whose only change is the commit index is written unsynced: losing it in a crash only
 * makes the member relearn its commit index from the leader, which Raft allows. RocksDB's
 * write-ahead log is sequential, so a later synced write also makes earlier unsynced ones
 * durable. If no Ready has anything to persist, nothing is written.
 *
 * <p>Not thread-safe: one thread (the store's Raft write loop) calls it, and no other thread may
 * stage into the groups' storages meanwhile.
 */
public final class RaftLogWriter {
    private final Engine engine;
    private long syncedWrites;
    private long unsyncedWrites;

    /** A writer for the groups whose storage lives in {@code engine}. */
    public RaftLogWriter(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * One group's share of a group commit.
     *
     * @param storage the group's log storage (in this writer's engine)
     * @param ready   the Ready taken from the group's node and not yet advanced
     */
    public record GroupReady(RocksRaftStorage storage, Ready ready) {
        public GroupReady {
            Objects.requireNonNull(storage, "storage");
            Objects.requireNonNull(ready, "ready");
        }
    }

    /**
     * Durably writes the snapshots, entries and hard states of {@code readies} in one batch and at most one
     * synced write, then publishes them to each group's storage. See the class contract.
     *
     * @throws IllegalArgumentException if a storage appears twice, belongs to another engine or
     *                                  has staged writes of its own
     * @throws io.shaledb.kv.storage.StorageException if the write fails (nothing is published)
     */
    public void persist(List<GroupReady> readies) {
        Map<RocksRaftStorage, Boolean> seen = new IdentityHashMap<>();
        for (GroupReady g : readies) {
            if (g.storage().engine() != engine) {
                throw new IllegalArgumentException(g.storage().rangeId() + " lives in another engine");
            }
            if (seen.put(g.storage(), Boolean.TRUE) != null) {
                throw new IllegalArgumentException(g.storage().rangeId() + " appears twice in one group commit");
            }
            if (g.storage().hasStaged()) {
                throw new IllegalArgumentException(g.storage().rangeId() + " already has staged writes");
            }
        }
        boolean sync = false;
        try (EngineBatch batch = engine.newBatch()) {
            for (GroupReady g : readies) {
                Ready r = g.ready();
                RocksRaftStorage s = g.storage();
                if (r.snapshot() != null) {
                    s.applySnapshot(batch, r.snapshot());
                }
                s.append(batch, r.entries());
                HardState hs = r.hardState();
                if (hs != null) {
                    s.setHardState(batch, hs);
                }
                sync |= r.snapshot() != null || !r.entries().isEmpty() || (hs != null && needsSync(s.hardState(), hs));
            }
            if (!batch.isEmpty()) {
                engine.write(batch, sync);
                if (sync) {
                    syncedWrites++;
                } else {
                    unsyncedWrites++;
                }
            }
        } catch (RuntimeException | Error e) {
            for (GroupReady g : readies) {
                g.storage().discardStaged();
            }
            throw e;
        }
        for (GroupReady g : readies) {
            g.storage().publishStaged();
        }
    }

    /** Synced engine writes done so far (at most one per {@link #persist} call). */
    public long syncedWrites() {
        return syncedWrites;
    }

    /** Unsynced engine writes done so far (commit-index-only group commits). */
    public long unsyncedWrites() {
        return unsyncedWrites;
    }

    private static boolean needsSync(HardState durable, HardState next) {
        return durable.term() != next.term() || !Objects.equals(durable.vote(), next.vote());
    }
}

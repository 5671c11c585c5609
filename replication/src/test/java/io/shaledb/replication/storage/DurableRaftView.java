package io.shaledb.replication.storage;

import io.shaledb.kv.storage.ColumnFamily;
import io.shaledb.kv.storage.UnsyncedWriteJournal;
import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.SnapshotMeta;

/**
 * Test-only: what of a range's Raft state a power failure now would certainly keep, read through
 * an engine's {@link UnsyncedWriteJournal} (the values as of the last synced write), so that
 * simulations can judge "durable" by the write-ahead log's sync points rather than by what the
 * storage published.
 */
public final class DurableRaftView {
    /** {@link #durableTerm} of an index the durable snapshot covers. */
    public static final long COVERED = -2;
    /** {@link #durableTerm} of an index with neither a durable entry nor a covering snapshot. */
    public static final long ABSENT = -1;

    private DurableRaftView() {
    }

    /**
     * The term of {@code range}'s durable log entry at {@code index}, {@link #COVERED} if the
     * durable snapshot covers {@code index}, else {@link #ABSENT}.
     */
    public static long durableTerm(UnsyncedWriteJournal journal, RangeId range, long index) {
        RaftKeys keys = new RaftKeys(range);
        byte[] snap = journal.durableGet(ColumnFamily.RAFT, keys.snapshot());
        if (snap != null) {
            SnapshotMeta meta = RaftStateCodec.decodeSnapshot(snap).meta();
            if (meta.index() >= index) {
                return COVERED;
            }
        }
        byte[] entry = journal.durableGet(ColumnFamily.RAFT, keys.entry(index));
        return entry == null ? ABSENT : RaftStateCodec.decodeEntry(entry).term();
    }
}

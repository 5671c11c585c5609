package io.shaledb.replication.storage;

import io.shaledb.kv.storage.ColumnFamily;
import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineBatch;
import io.shaledb.kv.storage.EngineIterator;
import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.HardState;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.RaftLog;
import io.shaledb.replication.raft.Snapshot;
import io.shaledb.replication.raft.SnapshotMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Raft log, hard state, truncated state and latest snapshot of one range's group, stored in a store's
 * {@link Engine} under column family {@link ColumnFamily#RAFT} (key layout in {@link RaftKeys}).
 * Many groups share one engine; each has its own instance.
 *
 * <p><b>Two-phase writes.</b> Mutations are <em>staged</em> into an {@link EngineBatch} supplied
 * by the caller ({@link #append}, {@link #setHardState}, {@link #applySnapshot},
 * {@link #compact(EngineBatch, long)}), so
 * that the writes of many groups can share one batch and one fsync (see {@link RaftLogWriter}).
 * Reads through {@link RaftLog} see only <em>published</em> state: after the caller has written
 * the batch it calls {@link #publishStaged()}; if the write failed it calls
 * {@link #discardStaged()}. Several mutations may be staged before one publish; each is checked
 * against the state the earlier staged ones leave behind.
 *
 * <p>Reads are served from a small in-memory copy of the newest entries ({@code tailCapacity})
 * and otherwise from RocksDB. The log is {@code [firstIndex(), lastIndex()]}; entries at or
 * below the truncated index have been compacted away, and {@link #term(long)} still answers for
 * the truncated index itself. Compaction never goes beyond the latest snapshot, which is kept
 * (metadata in memory, data on disk only) so a leader can send it to followers.
 *
 * <p>Not thread-safe: used by the single thread driving the group (and its writer).
 */
public final class RocksRaftStorage implements RaftLog {
    /** Newest entries kept in memory per group by {@link #open(Engine, RangeId)}. */
    public static final int DEFAULT_TAIL_CAPACITY = 256;

    private final Engine engine;
    private final RangeId range;
    private final RaftKeys keys;
    private final int tailCapacity;

    // Published state: what a crash keeps once the staged batch was written.
    private HardState hardState;
    private TruncatedState truncated;
    private SnapshotMeta snapshotMeta; // null if none
    private long lastIndex;
    /** Newest entries, contiguous, ending at lastIndex when not empty: tail.get(i).index() == tailFirst + i. */
    private final List<LogEntry> tail = new ArrayList<>();
    private long tailFirst;

    // Staged state: the effect of the batch being built, applied by publishStaged().
    private final List<Runnable> staged = new ArrayList<>();
    private long stagedLastIndex;
    private long stagedTruncatedIndex;
    private long stagedSnapshotIndex;

    private RocksRaftStorage(Engine engine, RangeId range, int tailCapacity) {
        this.engine = engine;
        this.range = range;
        this.keys = new RaftKeys(range);
        this.tailCapacity = tailCapacity;
        byte[] hs = engine.get(ColumnFamily.RAFT, keys.hardState());
        this.hardState = hs == null ? HardState.INITIAL : RaftStateCodec.decodeHardState(hs);
        byte[] ts = engine.get(ColumnFamily.RAFT, keys.truncatedState());
        this.truncated = ts == null ? TruncatedState.NONE : RaftStateCodec.decodeTruncated(ts);
        byte[] snap = engine.get(ColumnFamily.RAFT, keys.snapshot());
        this.snapshotMeta = snap == null ? null : RaftStateCodec.decodeSnapshot(snap).meta();
        if (truncated.index() > snapshotIndex()) {
            throw new CorruptRaftStateException(range + ": log compacted to " + truncated.index()
                    + " beyond its snapshot " + snapshotMeta);
        }
        this.lastIndex = Math.max(truncated.index(), storedLastIndex());
        this.tailFirst = lastIndex + 1;
        resetStaged();
    }

    /** Opens (or creates empty) the Raft state of {@code range} in {@code engine}. */
    public static RocksRaftStorage open(Engine engine, RangeId range) {
        return open(engine, range, DEFAULT_TAIL_CAPACITY);
    }

    /** As {@link #open(Engine, RangeId)}, keeping at most {@code tailCapacity >= 0} entries in memory. */
    public static RocksRaftStorage open(Engine engine, RangeId range, int tailCapacity) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(range, "range");
        if (tailCapacity < 0) {
            throw new IllegalArgumentException("tailCapacity must be >= 0: " + tailCapacity);
        }
        return new RocksRaftStorage(engine, range, tailCapacity);
    }

    public RangeId rangeId() {
        return range;
    }

    /** The engine this group's state lives in; batches passed in must belong to it. */
    public Engine engine() {
        return engine;
    }

    // ---- reads (published state) -------------------------------------------------------------

    @Override
    public HardState hardState() {
        return hardState;
    }

    /** The last compacted entry, {@link TruncatedState#NONE} if never compacted. */
    public TruncatedState truncatedState() {
        return truncated;
    }

    /** The latest snapshot's metadata without reading its data; null if none. */
    public SnapshotMeta snapshotMeta() {
        return snapshotMeta;
    }

    /** {@inheritDoc} Reads the data from the engine on every call. */
    @Override
    public Snapshot snapshot() {
        if (snapshotMeta == null) {
            return null;
        }
        byte[] v = engine.get(ColumnFamily.RAFT, keys.snapshot());
        if (v == null) {
            throw new CorruptRaftStateException(range + ": snapshot " + snapshotMeta + " missing");
        }
        return RaftStateCodec.decodeSnapshot(v);
    }

    @Override
    public long firstIndex() {
        return truncated.index() + 1;
    }

    @Override
    public long lastIndex() {
        return lastIndex;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IndexOutOfBoundsException also if {@code index} is below the truncated index
     */
    @Override
    public long term(long index) {
        if (index == 0) {
            return 0;
        }
        if (index == truncated.index()) {
            return truncated.term();
        }
        checkReadable(index, index + 1);
        if (index >= tailFirst) {
            return tail.get((int) (index - tailFirst)).term();
        }
        byte[] v = engine.get(ColumnFamily.RAFT, keys.entry(index));
        if (v == null) {
            throw new CorruptRaftStateException(range + ": entry " + index + " missing below last " + lastIndex);
        }
        return checkedIndex(RaftStateCodec.decodeEntry(v), index).term();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IndexOutOfBoundsException also if {@code lo < firstIndex()}
     */
    @Override
    public List<LogEntry> entries(long lo, long hi) {
        checkReadable(lo, hi);
        List<LogEntry> out = new ArrayList<>((int) (hi - lo));
        long stored = Math.min(hi, tailFirst);
        if (lo < stored) {
            try (EngineIterator it = engine.newIterator(ColumnFamily.RAFT, keys.entry(lo), keys.entry(stored))) {
                long expect = lo;
                for (it.seekToFirst(); it.valid(); it.next(), expect++) {
                    out.add(checkedIndex(RaftStateCodec.decodeEntry(it.value()), expect));
                }
                if (expect != stored) {
                    throw new CorruptRaftStateException(range + ": entry " + expect + " missing below last " + lastIndex);
                }
            }
        }
        for (long i = Math.max(lo, tailFirst); i < hi; i++) {
            out.add(tail.get((int) (i - tailFirst)));
        }
        return out;
    }

    // ---- staged writes -----------------------------------------------------------------------

    /**
     * Stages {@code entries} (ascending, contiguous) into {@code batch}, replacing any entries at
     * the same or higher indexes: stored entries above the new last index are deleted.
     *
     * @throws IllegalArgumentException if the entries are not contiguous, leave a gap after the
     *                                  (staged) last index or start at or below the truncated index
     */
    public void append(EngineBatch batch, List<LogEntry> entries) {
        Objects.requireNonNull(batch, "batch");
        if (entries.isEmpty()) {
            return;
        }
        List<LogEntry> copy = List.copyOf(entries);
        long first = copy.get(0).index();
        long last = first + copy.size() - 1;
        if (first > stagedLastIndex + 1) {
            throw new IllegalArgumentException(range + ": gap, appending " + first + " after " + stagedLastIndex);
        }
        if (first <= stagedTruncatedIndex) {
            throw new IllegalArgumentException(range + ": appending " + first + " at or below truncated index "
                    + stagedTruncatedIndex);
        }
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).index() != first + i) {
                throw new IllegalArgumentException(range + ": entries not contiguous at " + copy.get(i));
            }
        }
        for (LogEntry e : copy) {
            batch.put(ColumnFamily.RAFT, keys.entry(e.index()), RaftStateCodec.encodeEntry(e));
        }
        if (stagedLastIndex > last) {
            batch.deleteRange(ColumnFamily.RAFT, keys.entry(last + 1), keys.entry(stagedLastIndex + 1));
        }
        stagedLastIndex = last;
        staged.add(() -> publishAppend(copy));
    }

    /** Stages {@code state} into {@code batch}. */
    public void setHardState(EngineBatch batch, HardState state) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(state, "state");
        batch.put(ColumnFamily.RAFT, keys.hardState(), RaftStateCodec.encodeHardState(state));
        staged.add(() -> hardState = state);
    }

    /**
     * Stages the installation of a snapshot received from the leader (a Ready's snapshot): it
     * becomes the latest snapshot and replaces the whole log — every stored entry is deleted and
     * the truncated state moves to the snapshot's index — all in {@code batch}.
     *
     * @throws IllegalArgumentException if it is not newer than the (staged) latest snapshot
     */
    public void applySnapshot(EngineBatch batch, Snapshot snapshot) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(snapshot, "snapshot");
        if (snapshot.index() <= stagedSnapshotIndex) {
            throw new IllegalArgumentException(range + ": " + snapshot + " is not newer than the snapshot at "
                    + stagedSnapshotIndex);
        }
        TruncatedState t = new TruncatedState(snapshot.index(), snapshot.term());
        batch.deleteRange(ColumnFamily.RAFT, keys.logStart(), keys.logEnd());
        batch.put(ColumnFamily.RAFT, keys.snapshot(), RaftStateCodec.encodeSnapshot(snapshot));
        batch.put(ColumnFamily.RAFT, keys.truncatedState(), RaftStateCodec.encodeTruncated(t));
        stagedSnapshotIndex = snapshot.index();
        stagedTruncatedIndex = snapshot.index();
        stagedLastIndex = snapshot.index();
        SnapshotMeta meta = snapshot.meta();
        staged.add(() -> publishSnapshotInstall(meta, t));
    }

    /**
     * Records, in a batch of its own written unsynced, a snapshot the application made of its
     * state machine after applying entry {@code index}; does not compact (see
     * {@link #createSnapshot(long, Membership, byte[], long)}). The caller must have applied
     * {@code index}, so it is committed. Losing the write in a crash is harmless: a later synced
     * write makes it durable, and the compaction it allows is written after it.
     *
     * @return the snapshot
     * @throws IllegalArgumentException if {@code index} is outside {@code [firstIndex() - 1, lastIndex()]}
     *                                  or not above the latest snapshot's index
     * @throws IllegalStateException    if other writes are staged and not yet published
     */
    public Snapshot createSnapshot(long index, Membership membership, byte[] data) {
        return createSnapshot(index, membership, data, 0);
    }

    /**
     * As {@link #createSnapshot(long, Membership, byte[])}, and compacts the log to
     * {@code compactTo} (at most {@code index}; nothing if at or below the truncated index) in
     * the <em>same</em> unsynced batch, so that a crash keeps both or neither: the log on disk
     * always starts where the latest snapshot's compaction left it.
     *
     * @throws IllegalArgumentException also if {@code compactTo > index}
     */
    public Snapshot createSnapshot(long index, Membership membership, byte[] data, long compactTo) {
        if (hasStaged()) {
            throw new IllegalStateException(range + ": createSnapshot while writes are staged");
        }
        if (index <= snapshotIndex()) {
            throw new IllegalArgumentException(range + ": snapshot at " + index + " is not newer than "
                    + snapshotMeta);
        }
        if (index < truncated.index() || index > lastIndex) {
            throw new IllegalArgumentException(range + ": snapshot at " + index + " outside the log ["
                    + truncated.index() + ", " + lastIndex + "]");
        }
        if (compactTo > index) {
            throw new IllegalArgumentException(range + ": cannot compact to " + compactTo + " beyond the new snapshot at "
                    + index);
        }
        Snapshot snapshot = new Snapshot(new SnapshotMeta(index, term(index), membership), data);
        try (EngineBatch batch = engine.newBatch()) {
            batch.put(ColumnFamily.RAFT, keys.snapshot(), RaftStateCodec.encodeSnapshot(snapshot));
            stagedSnapshotIndex = index;
            compact(batch, compactTo);
            engine.write(batch, false);
        } catch (RuntimeException | Error e) {
            discardStaged();
            throw e;
        }
        snapshotMeta = snapshot.meta();
        publishStaged();
        return snapshot;
    }

    /**
     * Stages the removal of every entry at or below {@code index} and records it as the truncated
     * state. A no-op if {@code index} is at or below the truncated index. Compact only up to a
     * snapshot: a follower that needs a compacted entry is sent the snapshot instead.
     *
     * @throws IllegalArgumentException if {@code index} is above the published last index, above
     *                                  an entry staged but not yet published, or above the latest
     *                                  (staged) snapshot's index
     */
    public void compact(EngineBatch batch, long index) {
        Objects.requireNonNull(batch, "batch");
        if (index <= stagedTruncatedIndex) {
            return;
        }
        if (index > lastIndex || index > stagedLastIndex) {
            throw new IllegalArgumentException(range + ": cannot compact to " + index + ", last durable index is "
                    + Math.min(lastIndex, stagedLastIndex));
        }
        if (index > stagedSnapshotIndex) {
            throw new IllegalArgumentException(range + ": cannot compact to " + index + " beyond the snapshot at "
                    + stagedSnapshotIndex);
        }
        TruncatedState t = new TruncatedState(index, term(index));
        batch.deleteRange(ColumnFamily.RAFT, keys.logStart(), keys.entry(index + 1));
        batch.put(ColumnFamily.RAFT, keys.truncatedState(), RaftStateCodec.encodeTruncated(t));
        stagedTruncatedIndex = index;
        staged.add(() -> publishTruncation(t));
    }

    /**
     * Compacts to {@code index} in a batch of its own, written unsynced (losing it is harmless),
     * and publishes it.
     *
     * @throws IllegalStateException if other writes are staged and not yet published
     */
    public void compact(long index) {
        if (hasStaged()) {
            throw new IllegalStateException(range + ": compact(index) while writes are staged");
        }
        try (EngineBatch batch = engine.newBatch()) {
            compact(batch, index);
            if (!batch.isEmpty()) {
                engine.write(batch, false);
            }
            publishStaged();
        } catch (RuntimeException e) {
            discardStaged();
            throw e;
        }
    }

    /**
     * Stages the deletion of this range's whole Raft state — hard state, log, snapshot and
     * truncated state — into {@code batch}, for a replica leaving the store. This object must not
     * be used once the batch is written.
     */
    public void destroy(EngineBatch batch) {
        Objects.requireNonNull(batch, "batch");
        batch.deleteRange(ColumnFamily.RAFT, keys.rangeStart(), keys.rangeEnd());
    }

    /** Whether mutations are staged and not yet published or discarded. */
    public boolean hasStaged() {
        return !staged.isEmpty();
    }

    /** Makes everything staged visible to reads; call only after the batch was written. */
    public void publishStaged() {
        for (Runnable r : staged) {
            r.run();
        }
        resetStaged();
    }

    /** Forgets everything staged; call when the batch was not (or may not have been) written. */
    public void discardStaged() {
        resetStaged();
    }

    @Override
    public String toString() {
        return "RocksRaftStorage[" + range + " " + firstIndex() + ".." + lastIndex + " " + hardState + "]";
    }

    // ---- internals ---------------------------------------------------------------------------

    private void publishAppend(List<LogEntry> entries) {
        long first = entries.get(0).index();
        if (!tail.isEmpty() && first >= tailFirst) {
            tail.subList((int) (first - tailFirst), tail.size()).clear();
        } else {
            tail.clear();
            tailFirst = first;
        }
        tail.addAll(entries);
        lastIndex = entries.get(entries.size() - 1).index();
        trimTail();
    }

    private void publishTruncation(TruncatedState t) {
        truncated = t;
        if (t.index() >= tailFirst) {
            tail.subList(0, (int) Math.min(tail.size(), t.index() + 1 - tailFirst)).clear();
            tailFirst = t.index() + 1;
        }
        lastIndex = Math.max(lastIndex, t.index());
    }

    private void publishSnapshotInstall(SnapshotMeta meta, TruncatedState t) {
        snapshotMeta = meta;
        truncated = t;
        tail.clear();
        tailFirst = t.index() + 1;
        lastIndex = t.index();
    }

    private long snapshotIndex() {
        return snapshotMeta == null ? 0 : snapshotMeta.index();
    }

    private void trimTail() {
        int excess = tail.size() - tailCapacity;
        if (excess > 0) {
            tail.subList(0, excess).clear();
            tailFirst += excess;
        }
    }

    private void resetStaged() {
        staged.clear();
        stagedLastIndex = lastIndex;
        stagedTruncatedIndex = truncated.index();
        stagedSnapshotIndex = snapshotIndex();
    }

    private void checkReadable(long lo, long hi) {
        if (lo < firstIndex() || hi > lastIndex + 1 || lo > hi) {
            throw new IndexOutOfBoundsException(range + ": [" + lo + ", " + hi + ") outside [" + firstIndex()
                    + ", " + (lastIndex + 1) + ")");
        }
    }

    private LogEntry checkedIndex(LogEntry e, long expected) {
        if (e.index() != expected) {
            throw new CorruptRaftStateException(range + ": key " + expected + " holds entry " + e.index());
        }
        return e;
    }

    private long storedLastIndex() {
        try (EngineIterator it = engine.newIterator(ColumnFamily.RAFT, keys.logStart(), keys.logEnd())) {
            it.seekToLast();
            return it.valid() ? keys.indexOf(it.key()) : 0;
        }
    }
}

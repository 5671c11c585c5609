package io.shaledb.replication.raft;

import java.util.List;

/**
 * The durable part of a member's Raft state as the core reads it: the hard state, the latest
 * snapshot and the persisted log entries after compaction. The core only reads through this
 * interface; the driver writes the contents of each {@link Ready} to the implementation before
 * sending its messages.
 *
 * <p><b>Snapshots and compaction.</b> The application, never the core, creates snapshots: at an
 * index it has applied, with its state machine's data. It may then compact the log up to (at
 * most) the latest snapshot's index. Hence, whenever entries were compacted,
 * {@code firstIndex() - 1 <= snapshot().index()} and {@code term(firstIndex() - 1)} still
 * answers: a leader can always send the snapshot to a follower that needs a compacted entry. A
 * snapshot installed from a Ready replaces the whole log, leaving
 * {@code firstIndex() == snapshot().index() + 1}.
 *
 * <p>Implementations are called from the single thread driving the {@link RaftNode}.
 */
public interface RaftLog {
    /** The last durably written hard state; {@link HardState#INITIAL} for a new member. */
    HardState hardState();

    /**
     * Index of the first entry that {@link #entries} can return; {@code lastIndex() + 1} if none.
     * 1 unless the log has been compacted; {@code firstIndex() - 1} is then at most the latest
     * snapshot's index.
     */
    default long firstIndex() {
        return 1;
    }

    /**
     * The latest snapshot (created by the application or installed from a leader), or
     * {@code null} if there is none.
     */
    default Snapshot snapshot() {
        return null;
    }

    /**
     * Index of the last persisted entry, 0 if the log is empty; after compacting or installing a
     * snapshot without later entries, the last compacted index.
     */
    long lastIndex();

    /**
     * Term of the persisted entry at {@code index}; 0 for index 0. Also answers for
     * {@code firstIndex() - 1}, the last compacted entry.
     *
     * @throws IndexOutOfBoundsException if {@code index} is negative, above {@link #lastIndex()}
     *                                   or below {@code firstIndex() - 1}
     */
    long term(long index);

    /**
     * Persisted entries with indexes in {@code [lo, hi)}.
     *
     * @throws IndexOutOfBoundsException if {@code lo < firstIndex()} or {@code hi > lastIndex() + 1}
     */
    List<LogEntry> entries(long lo, long hi);
}

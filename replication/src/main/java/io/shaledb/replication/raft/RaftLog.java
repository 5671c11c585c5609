package io.shaledb.replication.raft;

import java.util.List;

/**
 * The durable part of a member's Raft state as the core reads it: the hard state and the
 * persisted log entries. The core only reads through this interface; the driver writes the
 * contents of each {@link Ready} to the implementation before sending its messages.
 *
 * <p>The core does not compact: it assumes every index in {@code [1, lastIndex()]} is readable.
 * A storage that supports compaction reports its first readable index through
 * {@link #firstIndex()}; its owner must compact only entries that every member holds and that are
 * applied (until snapshots exist). Implementations are called from the single thread driving the
 * {@link RaftNode}.
 */
public interface RaftLog {
    /** The last durably written hard state; {@link HardState#INITIAL} for a new member. */
    HardState hardState();

    /**
     * Index of the first entry that {@link #entries} can return; {@code lastIndex() + 1} if none.
     * 1 unless the log has been compacted.
     */
    default long firstIndex() {
        return 1;
    }

    /** Index of the last persisted entry, 0 if the log is empty. */
    long lastIndex();

    /**
     * Term of the persisted entry at {@code index}; 0 for index 0.
     *
     * @throws IndexOutOfBoundsException if {@code index} is negative or above {@link #lastIndex()}
     */
    long term(long index);

    /**
     * Persisted entries with indexes in {@code [lo, hi)}.
     *
     * @throws IndexOutOfBoundsException if {@code lo < 1} or {@code hi > lastIndex() + 1}
     */
    List<LogEntry> entries(long lo, long hi);
}

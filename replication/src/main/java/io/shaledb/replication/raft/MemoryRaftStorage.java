package io.shaledb.replication.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An in-memory {@link RaftLog} for tests and simulation. Whatever has been written through
 * {@link #append(List)}, {@link #setHardState(HardState)}, {@link #applySnapshot(Snapshot)},
 * {@link #createSnapshot} and {@link #compact(long)} stands for what a crash keeps; entries a
 * {@link RaftNode} holds but has not yet seen persisted stand for what a crash loses.
 *
 * <p>The log is {@code [firstIndex(), lastIndex()]}; entries up to the compacted index
 * ({@code firstIndex() - 1}) are gone, but the compacted index's term is remembered.
 *
 * <p>Not thread-safe: used by the single thread driving one member.
 */
public final class MemoryRaftStorage implements RaftLog {
    private final List<LogEntry> entries = new ArrayList<>(); // entries.get(i).index() == compactedIndex + 1 + i
    private long compactedIndex;
    private long compactedTerm;
    private Snapshot snapshot;
    private HardState hardState = HardState.INITIAL;

    @Override
    public HardState hardState() {
        return hardState;
    }

    /** Durably records {@code state}. */
    public void setHardState(HardState state) {
        this.hardState = Objects.requireNonNull(state, "state");
    }

    @Override
    public Snapshot snapshot() {
        return snapshot;
    }

    /**
     * Durably writes {@code newEntries}: entries at the same or higher indexes than the first new
     * one are discarded first.
     *
     * @throws IllegalArgumentException if the entries are not contiguous, would leave a gap or
     *                                  start at or below the compacted index
     */
    public void append(List<LogEntry> newEntries) {
        if (newEntries.isEmpty()) {
            return;
        }
        long first = newEntries.get(0).index();
        if (first > lastIndex() + 1) {
            throw new IllegalArgumentException("gap: appending " + first + " after " + lastIndex());
        }
        if (first <= compactedIndex) {
            throw new IllegalArgumentException("appending " + first + " at or below compacted index " + compactedIndex);
        }
        for (int i = 1; i < newEntries.size(); i++) {
            if (newEntries.get(i).index() != first + i) {
                throw new IllegalArgumentException("entries not contiguous at " + newEntries.get(i));
            }
        }
        entries.subList(offset(first), entries.size()).clear();
        entries.addAll(newEntries);
    }

    /**
     * Records a snapshot the application made of its state machine after applying entry
     * {@code index}; does not compact (see {@link #compact(long)}).
     *
     * @return the snapshot
     * @throws IllegalArgumentException if {@code index} is not in {@code [firstIndex() - 1, lastIndex()]}
     *                                  or not above the current snapshot's index
     */
    public Snapshot createSnapshot(long index, Membership membership, byte[] data) {
        if (snapshot != null && index <= snapshot.index()) {
            throw new IllegalArgumentException("snapshot at " + index + " is not newer than " + snapshot);
        }
        if (index < Math.max(1, compactedIndex) || index > lastIndex()) {
            throw new IllegalArgumentException("snapshot at " + index + " outside the log [" + compactedIndex
                    + ", " + lastIndex() + "]");
        }
        snapshot = new Snapshot(new SnapshotMeta(index, term(index), membership), data);
        return snapshot;
    }

    /**
     * Drops every entry at or below {@code index}; a no-op if already compacted that far.
     *
     * @throws IllegalArgumentException if {@code index} is above the latest snapshot's index (or
     *                                  there is no snapshot): a follower that needs a compacted
     *                                  entry could not be caught up
     */
    public void compact(long index) {
        if (index <= compactedIndex) {
            return;
        }
        if (snapshot == null || index > snapshot.index()) {
            throw new IllegalArgumentException("cannot compact to " + index + " beyond the snapshot " + snapshot);
        }
        compactedTerm = term(index);
        entries.subList(0, offset(index + 1)).clear();
        compactedIndex = index;
    }

    /**
     * Installs a snapshot received from the leader (a {@link Ready#snapshot()}): it becomes the
     * latest snapshot and replaces the whole log, which continues at its index + 1.
     *
     * @throws IllegalArgumentException if it is not newer than the current snapshot
     */
    public void applySnapshot(Snapshot s) {
        Objects.requireNonNull(s, "snapshot");
        if (snapshot != null && s.index() <= snapshot.index()) {
            throw new IllegalArgumentException(s + " is not newer than " + snapshot);
        }
        entries.clear();
        compactedIndex = s.index();
        compactedTerm = s.term();
        snapshot = s;
    }

    @Override
    public long firstIndex() {
        return compactedIndex + 1;
    }

    @Override
    public long lastIndex() {
        return compactedIndex + entries.size();
    }

    @Override
    public long term(long index) {
        if (index == 0) {
            return 0;
        }
        if (index == compactedIndex) {
            return compactedTerm;
        }
        if (index < compactedIndex || index > lastIndex()) {
            throw new IndexOutOfBoundsException("no entry " + index + ", log is [" + firstIndex() + ", "
                    + lastIndex() + "]");
        }
        return entries.get(offset(index)).term();
    }

    @Override
    public List<LogEntry> entries(long lo, long hi) {
        if (lo < firstIndex() || hi > lastIndex() + 1 || lo > hi) {
            throw new IndexOutOfBoundsException("[" + lo + ", " + hi + ") outside [" + firstIndex() + ", "
                    + (lastIndex() + 1) + ")");
        }
        return List.copyOf(entries.subList(offset(lo), offset(hi)));
    }

    private int offset(long index) {
        return (int) (index - compactedIndex - 1);
    }
}

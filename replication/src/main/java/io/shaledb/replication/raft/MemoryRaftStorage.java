package io.shaledb.replication.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An in-memory {@link RaftLog} for tests and simulation. Whatever has been written through
 * {@link #append(List)} and {@link #setHardState(HardState)} stands for what a crash keeps;
 * entries a {@link RaftNode} holds but has not yet seen persisted stand for what a crash loses.
 *
 * <p>Not thread-safe: used by the single thread driving one member.
 */
public final class MemoryRaftStorage implements RaftLog {
    private final List<LogEntry> entries = new ArrayList<>(); // entries.get(i).index() == i + 1
    private HardState hardState = HardState.INITIAL;

    @Override
    public HardState hardState() {
        return hardState;
    }

    /** Durably records {@code state}. */
    public void setHardState(HardState state) {
        this.hardState = Objects.requireNonNull(state, "state");
    }

    /**
     * Durably writes {@code newEntries}: entries at the same or higher indexes than the first new
     * one are discarded first.
     *
     * @throws IllegalArgumentException if the entries are not contiguous or would leave a gap
     */
    public void append(List<LogEntry> newEntries) {
        if (newEntries.isEmpty()) {
            return;
        }
        long first = newEntries.get(0).index();
        if (first > lastIndex() + 1) {
            throw new IllegalArgumentException("gap: appending " + first + " after " + lastIndex());
        }
        for (int i = 1; i < newEntries.size(); i++) {
            if (newEntries.get(i).index() != first + i) {
                throw new IllegalArgumentException("entries not contiguous at " + newEntries.get(i));
            }
        }
        entries.subList((int) (first - 1), entries.size()).clear();
        entries.addAll(newEntries);
    }

    @Override
    public long lastIndex() {
        return entries.size();
    }

    @Override
    public long term(long index) {
        if (index == 0) {
            return 0;
        }
        if (index < 0 || index > lastIndex()) {
            throw new IndexOutOfBoundsException("no entry " + index + ", last is " + lastIndex());
        }
        return entries.get((int) (index - 1)).term();
    }

    @Override
    public List<LogEntry> entries(long lo, long hi) {
        if (lo < 1 || hi > lastIndex() + 1 || lo > hi) {
            throw new IndexOutOfBoundsException("[" + lo + ", " + hi + ") outside [1, " + (lastIndex() + 1) + ")");
        }
        return List.copyOf(entries.subList((int) (lo - 1), (int) (hi - 1)));
    }
}

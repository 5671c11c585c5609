package io.shaledb.replication.raft;

import java.util.ArrayList;
import java.util.List;

/**
 * A member's view of its log: the persisted prefix read through {@link RaftLog} plus an unstable
 * tail that has been accepted but not yet reported persisted, with the commit and applied indexes.
 * A snapshot received from the leader is held as the unstable snapshot until the driver reports
 * it persisted and applied; meanwhile it replaces the whole log.
 *
 * <p>Invariants: {@code firstIndex() - 1 <= applied <= committed <= lastIndex()}, except that
 * while an unstable snapshot is pending {@code applied} may lag below it (nothing is handed out
 * for application until the snapshot is applied); entries at or below {@code committed} are never
 * rewritten (an attempt throws); unstable entries start at {@code unstableOffset} and shadow any
 * persisted entries at the same or higher indexes.
 */
final class EntryLog {
    private final RaftLog storage;
    private final List<LogEntry> unstable = new ArrayList<>();
    /** Index of the first unstable entry; persisted entries below it are this member's log. */
    private long unstableOffset;
    private long committed;
    private long applied;
    /** Installed from the leader, not yet reported persisted and applied; null if none. */
    private Snapshot unstableSnapshot;
    /** Test-only fault: the next batch of committed entries after a snapshot skips one entry. */
    private boolean skipAfterSnapshot;

    /** A restarted member has applied at least what its storage's snapshot covers. */
    EntryLog(RaftLog storage, long applied) {
        this.storage = storage;
        this.unstableOffset = storage.lastIndex() + 1;
        long snapshotIndex = storage.snapshot() == null ? 0 : storage.snapshot().index();
        this.committed = Math.max(storage.hardState().commit(), snapshotIndex);
        applied = Math.max(applied, snapshotIndex);
        if (committed > storage.lastIndex()) {
            throw new IllegalStateException("hard state commit " + committed
                    + " beyond persisted last index " + storage.lastIndex());
        }
        if (applied > committed) {
            throw new IllegalArgumentException("applied " + applied + " > committed " + committed);
        }
        this.applied = applied;
    }

    long committed() {
        return committed;
    }

    long applied() {
        return applied;
    }

    /** Lowest index {@link #entryAt} can return; the entry before it is known only by its term. */
    long firstIndex() {
        return unstableSnapshot != null ? unstableSnapshot.index() + 1 : storage.firstIndex();
    }

    /** The newest snapshot this member holds (pending or persisted), null if none. */
    Snapshot snapshot() {
        return unstableSnapshot != null ? unstableSnapshot : storage.snapshot();
    }

    long lastIndex() {
        return unstable.isEmpty() ? unstableOffset - 1 : unstableOffset + unstable.size() - 1;
    }

    long lastTerm() {
        return term(lastIndex());
    }

    /** Last index that is both persisted and part of this member's current log. */
    long persistedIndex() {
        return unstableOffset - 1;
    }

    /** Term at {@code index}, 0 for index 0; throws if beyond the last index or compacted. */
    long term(long index) {
        if (index >= unstableOffset) {
            return entryAt(index).term();
        }
        if (unstableSnapshot != null && index > 0) {
            if (index != unstableSnapshot.index()) {
                throw new IndexOutOfBoundsException("entry " + index + " is compacted into " + unstableSnapshot);
            }
            return unstableSnapshot.term();
        }
        return storage.term(index);
    }

    LogEntry entryAt(long index) {
        if (index < Math.max(1, firstIndex()) || index > lastIndex()) {
            throw new IndexOutOfBoundsException("no entry " + index + ", log is [" + firstIndex() + ", "
                    + lastIndex() + "]");
        }
        if (index >= unstableOffset) {
            return unstable.get((int) (index - unstableOffset));
        }
        return storage.entries(index, index + 1).get(0);
    }

    boolean matchTerm(long index, long term) {
        return index <= lastIndex() && term(index) == term;
    }

    /** Raft §5.4.1: is a log ending at (lastIndex, lastTerm) at least as up to date as ours? */
    boolean isUpToDate(long otherLastIndex, long otherLastTerm) {
        long ourTerm = lastTerm();
        return otherLastTerm > ourTerm || (otherLastTerm == ourTerm && otherLastIndex >= lastIndex());
    }

    /** Entries in {@code [lo, hi)}, at most {@code maxCount} of them. */
    List<LogEntry> entries(long lo, long hi, int maxCount) {
        long end = Math.min(hi, lastIndex() + 1);
        end = Math.min(end, lo + maxCount);
        List<LogEntry> out = new ArrayList<>();
        if (lo >= end) {
            return out;
        }
        if (lo < firstIndex()) {
            throw new IndexOutOfBoundsException("entry " + lo + " is compacted, log starts at " + firstIndex());
        }
        if (lo < unstableOffset) {
            out.addAll(storage.entries(lo, Math.min(end, unstableOffset)));
        }
        for (long i = Math.max(lo, unstableOffset); i < end; i++) {
            out.add(unstable.get((int) (i - unstableOffset)));
        }
        return out;
    }

    /**
     * Follower append: if our log holds {@code (prevIndex, prevTerm)}, merge {@code newEntries}
     * after it (truncating at the first conflict), advance the commit index to
     * {@code min(leaderCommit, last new index)} and return the last new index; otherwise -1.
     */
    long maybeAppend(long prevIndex, long prevTerm, long leaderCommit, List<LogEntry> newEntries) {
        if (!matchTerm(prevIndex, prevTerm)) {
            return -1;
        }
        long lastNew = prevIndex + newEntries.size();
        for (LogEntry e : newEntries) {
            if (!matchTerm(e.index(), e.term())) {
                if (e.index() <= committed) {
                    throw new IllegalStateException("entry " + e.index() + " conflicts with committed "
                            + "prefix (committed " + committed + ")");
                }
                truncateAndAppend(newEntries.subList((int) (e.index() - prevIndex - 1), newEntries.size()));
                break;
            }
        }
        commitTo(Math.min(leaderCommit, lastNew));
        return lastNew;
    }

    /** Leader append of entries following the last index. */
    void append(LogEntry entry) {
        if (entry.index() != lastIndex() + 1) {
            throw new IllegalArgumentException("append " + entry + " after " + lastIndex());
        }
        truncateAndAppend(List.of(entry));
    }

    private void truncateAndAppend(List<LogEntry> newEntries) {
        long first = newEntries.get(0).index();
        if (first <= committed) {
            throw new IllegalStateException("truncating committed entry " + first);
        }
        if (first >= unstableOffset) {
            unstable.subList((int) (first - unstableOffset), unstable.size()).clear();
        } else {
            // The conflict lies in the persisted prefix: everything from it on becomes unstable.
            unstable.clear();
            unstableOffset = first;
        }
        unstable.addAll(newEntries);
    }

    /**
     * The largest index {@code <= index} whose term is {@code <= term} (0 if none): the follower
     * uses it to answer a rejected append, the leader to jump its probe back over a whole term.
     */
    long findConflictByTerm(long index, long term) {
        long i = Math.min(index, lastIndex());
        long compacted = firstIndex() - 1; // terms below it are unknown: stop there
        while (i > compacted && i > 0 && term(i) > term) {
            i--;
        }
        return i;
    }

    void commitTo(long index) {
        if (index <= committed) {
            return;
        }
        if (index > lastIndex()) {
            throw new IllegalStateException("commit " + index + " beyond last index " + lastIndex());
        }
        committed = index;
    }

    /** Advance the commit index to {@code index} only if that entry is of {@code term}. */
    boolean maybeCommit(long index, long term) {
        if (index > committed && term(index) == term) {
            committed = index;
            return true;
        }
        return false;
    }

    List<LogEntry> unstableEntries() {
        return List.copyOf(unstable);
    }

    boolean hasUnstable() {
        return !unstable.isEmpty();
    }

    /**
     * The driver reports entries up to {@code (index, term)} persisted. Ignored when the unstable
     * tail has since been rewritten (the term no longer matches).
     */
    void stableTo(long index, long term) {
        if (index < unstableOffset || index > lastIndex() || term(index) != term) {
            return;
        }
        unstable.subList(0, (int) (index - unstableOffset + 1)).clear();
        unstableOffset = index + 1;
    }

    /**
     * Committed, persisted entries not yet handed out for application; none while a snapshot is
     * pending, since they must be applied on top of it.
     */
    List<LogEntry> nextCommittedEntries(int maxCount) {
        long lo = applied + 1 + (skipAfterSnapshot ? 1 : 0);
        long hi = Math.min(committed, persistedIndex());
        if (unstableSnapshot != null || hi < lo) {
            return List.of();
        }
        skipAfterSnapshot = false;
        return entries(lo, hi + 1, maxCount);
    }

    boolean hasNextCommittedEntries() {
        long next = applied + 1 + (skipAfterSnapshot ? 1 : 0);
        return unstableSnapshot == null && Math.min(committed, persistedIndex()) >= next;
    }

    // ---- snapshots -------------------------------------------------------------------------

    /**
     * A snapshot from the leader: stale if it does not go beyond our commit index (nothing
     * changes); if our log holds its last entry we just commit up to it; otherwise it replaces
     * our log ({@link #restore}) and waits to be handed to the driver.
     *
     * @return the index up to which our log now matches the leader's: the snapshot's, or our
     *         commit index if that is already beyond it
     */
    long acceptSnapshot(Snapshot s) {
        if (s.index() <= committed) {
            return committed;
        }
        if (matchTerm(s.index(), s.term())) {
            commitTo(s.index()); // Log Matching: we hold every entry it covers
        } else {
            restore(s);
        }
        return s.index();
    }

    /**
     * Replaces the whole log with {@code s} received from the leader: every entry is dropped,
     * the log continues at its index + 1 and everything up to it is committed. The snapshot is
     * pending until {@link #snapshotApplied} reports it persisted and applied.
     *
     * @throws IllegalStateException if the snapshot does not go beyond the commit index
     */
    void restore(Snapshot s) {
        if (s.index() <= committed) {
            throw new IllegalStateException("restoring " + s + " at or below commit index " + committed);
        }
        unstable.clear();
        unstableOffset = s.index() + 1;
        unstableSnapshot = s;
        committed = s.index();
    }

    /** The snapshot to hand to the driver, null if none is pending. */
    Snapshot unstableSnapshot() {
        return unstableSnapshot;
    }

    /**
     * The driver persisted and applied {@code s}: the applied index moves to it. A newer snapshot
     * restored meanwhile stays pending.
     *
     * @param skipFault test-only fault: hand out the entries after the snapshot skipping one
     */
    void snapshotApplied(Snapshot s, boolean skipFault) {
        if (unstableSnapshot == s) {
            unstableSnapshot = null;
        }
        applied = Math.max(applied, s.index());
        skipAfterSnapshot = skipFault;
    }

    void appliedTo(long index) {
        if (index < applied || index > committed) {
            throw new IllegalStateException("applied " + index + " outside [" + applied + ", " + committed + "]");
        }
        applied = index;
    }
}

package io.shaledb.replication.raft;

import java.util.ArrayList;
import java.util.List;

/**
 * The memberships recorded in one member's log. A member always uses the latest membership in
 * its log, committed or not (Raft thesis §4.1); when a conflicting suffix is overwritten, the
 * memberships it carried are dropped and the previous one is in force again.
 *
 * <p>Holds a base — the membership as of some index known committed (the applied index at
 * restart) — and the {@link EntryType#CONF_CHANGE} entries after it, ascending. A change that
 * does not apply to the membership before it (which a correct leader never proposes) is
 * recorded as no change, the same way on every member.
 *
 * <p>Not thread-safe; owned by one {@link RaftNode}.
 */
final class MembershipHistory {
    private record Change(long index, long term, Membership membership) {
    }

    private long baseIndex;
    private Membership base;
    private final List<Change> changes = new ArrayList<>();

    MembershipHistory(long baseIndex, Membership base) {
        this.baseIndex = baseIndex;
        this.base = base;
    }

    /** The latest membership in the log: the one in force. */
    Membership current() {
        return changes.isEmpty() ? base : changes.get(changes.size() - 1).membership();
    }

    /** Index of the latest CONF_CHANGE entry still recorded, or the base index if none. */
    long lastChangeIndex() {
        return changes.isEmpty() ? baseIndex : changes.get(changes.size() - 1).index();
    }

    /** Whether a change beyond {@code committed} is in the log (only one may be, at a time). */
    boolean hasUncommittedChange(long committed) {
        return lastChangeIndex() > committed;
    }

    /**
     * Whether {@code self} may campaign and lead: it is a voter of the membership in force, or of
     * the one before while the change removing it is uncommitted. Without the latter, a member
     * whose log alone holds its uncommitted removal — and is therefore the most up to date —
     * could neither win an election nor vote for the others, and the group would be stuck.
     */
    boolean eligible(NodeId self, long committed) {
        if (current().isVoter(self)) {
            return true;
        }
        return hasUncommittedChange(committed) && at(lastChangeIndex() - 1).isVoter(self);
    }

    /**
     * The membership as of log index {@code index} (after the entry at that index).
     *
     * @throws IllegalArgumentException if {@code index} is below the base index
     */
    Membership at(long index) {
        if (index < baseIndex) {
            throw new IllegalArgumentException("membership at " + index + " is before the base " + baseIndex);
        }
        Membership m = base;
        for (Change c : changes) {
            if (c.index() > index) {
                break;
            }
            m = c.membership();
        }
        return m;
    }

    /**
     * Records {@code e} if it is a CONF_CHANGE entry newly in the log after every recorded one.
     *
     * @return true if the membership in force changed
     */
    boolean appended(LogEntry e) {
        if (e.type() != EntryType.CONF_CHANGE || e.index() <= lastChangeIndex()) {
            return false;
        }
        Membership before = current();
        Membership after;
        try {
            after = ConfChange.decode(e.data()).applyTo(before);
        } catch (IllegalArgumentException invalid) {
            after = before;
        }
        changes.add(new Change(e.index(), e.term(), after));
        return !after.equals(before);
    }

    /**
     * After an append that matched the log at {@code prevIndex}: drops the recorded changes
     * beyond it whose entry is no longer in {@code log} (overwritten by a leader: index beyond
     * the log or a different term there), then records the CONF_CHANGE entries among
     * {@code arrived} that the log now holds.
     *
     * @return true if the membership in force changed
     */
    boolean reconcile(EntryLog log, long prevIndex, List<LogEntry> arrived) {
        Membership before = current();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            if (c.index() <= prevIndex) {
                continue; // matched: Log Matching keeps everything up to prevIndex
            }
            if (c.index() > log.lastIndex() || log.term(c.index()) != c.term()) {
                changes.subList(i, changes.size()).clear();
                break;
            }
        }
        for (LogEntry e : arrived) {
            if (e.index() <= log.lastIndex() && log.term(e.index()) == e.term()) {
                appended(e);
            }
        }
        return !current().equals(before);
    }

    /**
     * The whole log was replaced by a snapshot at {@code (index, term)} whose membership is
     * {@code m}. Changes beyond {@code committedBefore} (the commit index before the snapshot)
     * are dropped — they may have been overwritten — and the snapshot's membership is recorded
     * at its index; changes at or below {@code committedBefore} are kept, so the memberships of
     * entries handed out for application before the snapshot remain known.
     */
    void restore(long index, long term, Membership m, long committedBefore) {
        changes.removeIf(c -> c.index() > committedBefore);
        changes.add(new Change(index, term, m));
    }

    /** Folds the changes at or below {@code index} (known committed) into the base. */
    void compactTo(long index) {
        while (!changes.isEmpty() && changes.get(0).index() <= index) {
            Change c = changes.remove(0);
            base = c.membership();
            baseIndex = c.index();
        }
    }

    @Override
    public String toString() {
        return current() + "@" + lastChangeIndex();
    }
}

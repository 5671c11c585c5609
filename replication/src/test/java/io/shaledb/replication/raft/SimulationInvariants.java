package io.shaledb.replication.raft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The safety properties a {@link RaftSimulation} checks after every event. Each violation throws
 * {@link Violation} with a description; the simulation adds the seed and how to replay it.
 *
 * <p>"Truth" is the sequence of entries any member has ever reported committed: the first member
 * to commit index i fixes it, and every later commit, application or leader log must agree.
 * The reference state at index i is {@link SimApplication}'s hash chain over truth's first i
 * entries: the state of a member that applied the committed entries one by one.
 *
 * <p>Snapshot properties: a snapshot sits at the log start ({@code firstIndex == index + 1}, its
 * term still answered); it never covers uncommitted entries (its index is within truth, its term
 * matches); its data, and the state of a member that installed it, equal the reference state.
 *
 * <p>Membership: the committed membership is the initial one with the CONF_CHANGE entries of the
 * truth applied. A leader must be a voter of its membership (unless its own removal is still
 * uncommitted), its membership must not allow a majority disjoint from one of the committed
 * membership, and whenever its commit index grows the entry there must be durable (in the log,
 * or covered by a snapshot) on a majority of its membership's voters.
 */
final class SimulationInvariants {
    /** A broken safety property. */
    static final class Violation extends AssertionError {
        Violation(String message) {
            super(message);
        }
    }

    private final Function<NodeId, RaftLog> storages;
    private Membership committedMembership;
    private final Map<NodeId, long[]> leaderCommit = new HashMap<>(); // id -> {term, commit} while leader
    private final List<LogEntry> truth = new ArrayList<>(); // truth.get(i - 1) is committed entry i
    private final List<Long> referenceStates = new ArrayList<>(); // state after truth's first i + 1 entries
    private final Map<Long, NodeId> leaderOfTerm = new HashMap<>();
    private final Map<NodeId, Long> lastCommit = new HashMap<>();
    private final Map<NodeId, Long> lastApplied = new HashMap<>();
    private final Map<NodeId, Long> lastPersistedCommit = new HashMap<>();
    private final Map<NodeId, Long> verifiedUpTo = new HashMap<>();
    private final Map<NodeId, Long> lastTerm = new HashMap<>();
    private long maxAckedIndex;

    /** For tests of single checks: voters 1..{@code clusterSize}, no storages to look at. */
    SimulationInvariants(int clusterSize) {
        this(Membership.ofVoters(java.util.stream.LongStream.rangeClosed(1, clusterSize).mapToObj(NodeId::of).toList()),
                id -> {
                    throw new IllegalStateException("no storage for " + id);
                });
    }

    SimulationInvariants(Membership initial, Function<NodeId, RaftLog> storages) {
        this.committedMembership = initial;
        this.storages = storages;
    }

    /** The membership after every committed CONF_CHANGE entry. */
    Membership committedMembership() {
        return committedMembership;
    }

    long committedCount() {
        return truth.size();
    }

    List<LogEntry> truth() {
        return List.copyOf(truth);
    }

    /** Highest index of any entry acknowledged to a client so far. */
    long maxAckedIndex() {
        return maxAckedIndex;
    }

    /** A member restarted: its volatile commit and applied indexes start again. */
    void restarted(NodeId id) {
        lastCommit.remove(id);
        lastApplied.remove(id);
        lastTerm.remove(id);
        verifiedUpTo.remove(id);
    }

    /** Checks a live member after an event. {@code fullSweep} re-checks its whole committed prefix. */
    void checkNode(RaftNode n, boolean fullSweep) {
        NodeId id = n.id();
        if (n.role() == Role.LEADER) {
            NodeId previous = leaderOfTerm.putIfAbsent(n.term(), id);
            if (previous == null) {
                checkLeaderCompleteness(n);
            } else if (!previous.equals(id)) {
                fail("two leaders in term " + n.term() + ": " + previous + " and " + id);
            }
            checkLeaderMembership(n);
        } else {
            leaderCommit.remove(id);
        }
        if (n.term() < lastTerm.getOrDefault(id, 0L)) {
            fail(id + " term went back from " + lastTerm.get(id) + " to " + n.term());
        }
        lastTerm.put(id, n.term());
        long commit = n.commitIndex();
        long applied = n.appliedIndex();
        if (commit < lastCommit.getOrDefault(id, 0L)) {
            fail(id + " commit index went back from " + lastCommit.get(id) + " to " + commit);
        }
        if (applied < lastApplied.getOrDefault(id, 0L)) {
            fail(id + " applied index went back from " + lastApplied.get(id) + " to " + applied);
        }
        if (applied > commit) {
            fail(id + " applied " + applied + " beyond commit " + commit);
        }
        lastCommit.put(id, commit);
        lastApplied.put(id, applied);
        if (n.firstIndex() - 1 > truth.size()) {
            fail(id + " compacted its log to " + (n.firstIndex() - 1) + " beyond the committed prefix " + truth.size());
        }
        long from = fullSweep ? 1 : Math.min(verifiedUpTo.getOrDefault(id, 0L), commit) + 1;
        for (long i = Math.max(from, n.firstIndex()); i <= commit; i++) {
            agreeCommitted(id + "'s committed log", n.entry(i));
        }
        if (commit >= n.firstIndex()) {
            agreeCommitted(id + "'s committed log", n.entry(commit));
        }
        verifiedUpTo.put(id, commit);
    }

    /**
     * Log Matching across two live members: if both hold an entry with the same index and term,
     * their logs are identical up to it. Checked from the highest such index downwards.
     */
    void checkLogMatching(RaftNode a, RaftNode b) {
        long i = Math.min(a.lastIndex(), b.lastIndex());
        long lowest = Math.max(1, Math.max(a.firstIndex(), b.firstIndex())); // below: compacted on one
        while (i >= lowest && a.entry(i).term() != b.entry(i).term()) {
            i--;
        }
        for (; i >= lowest; i--) {
            if (!a.entry(i).equals(b.entry(i))) {
                fail("log matching broken at index " + i + ": " + a.id() + " has " + a.entry(i) + ", "
                        + b.id() + " has " + b.entry(i) + " below a common entry");
            }
        }
    }

    private void checkLeaderMembership(RaftNode leader) {
        NodeId id = leader.id();
        Membership m = leader.membership();
        if (!m.isVoter(id)) {
            boolean removalPending = false;
            for (long i = leader.commitIndex() + 1; i <= leader.lastIndex(); i++) {
                removalPending |= leader.entry(i).type() == EntryType.CONF_CHANGE;
            }
            if (!removalPending) {
                fail("leader " + id + " of term " + leader.term() + " is not a voter of " + m
                        + " and its removal is committed");
            }
        }
        if (Majority.disjointMajoritiesPossible(m, committedMembership)) {
            fail("leader " + id + " uses " + m + " whose majorities can miss those of the committed "
                    + committedMembership);
        }
        long[] seen = leaderCommit.get(id);
        long commit = leader.commitIndex();
        if (seen != null && seen[0] == leader.term() && commit > seen[1]) {
            LogEntry e = leader.entry(commit);
            int copies = 0;
            for (NodeId voter : m.voters()) {
                RaftLog s = storages.apply(voter);
                if (commit < s.firstIndex()) {
                    // Compacted: held as part of a snapshot, which only covers committed entries.
                    copies += s.snapshot() != null && s.snapshot().index() >= commit ? 1 : 0;
                } else if (s.lastIndex() >= commit && s.entries(commit, commit + 1).get(0).equals(e)) {
                    copies++;
                }
            }
            if (copies < m.quorum()) {
                fail("leader " + id + " committed " + e + " persisted on only " + copies + " voters of " + m
                        + ", quorum is " + m.quorum());
            }
        }
        leaderCommit.put(id, new long[] {leader.term(), commit});
    }

    private void checkLeaderCompleteness(RaftNode leader) {
        if (leader.lastIndex() < truth.size()) {
            fail("new leader " + leader.id() + " of term " + leader.term() + " has " + leader.lastIndex()
                    + " entries but " + truth.size() + " are committed");
        }
        for (int i = (int) Math.max(1, leader.firstIndex()); i <= truth.size(); i++) {
            if (!leader.entry(i).equals(truth.get(i - 1))) {
                fail("new leader " + leader.id() + " of term " + leader.term() + " lacks committed entry "
                        + truth.get(i - 1) + ", has " + leader.entry(i));
            }
        }
    }

    /** A member's durable state after a persist: its persisted committed prefix agrees with truth. */
    void checkPersisted(NodeId id, RaftLog storage, boolean fullSweep) {
        long commit = storage.hardState().commit();
        if (commit < lastPersistedCommit.getOrDefault(id, 0L)) {
            fail(id + " persisted commit went back from " + lastPersistedCommit.get(id) + " to " + commit);
        }
        lastPersistedCommit.put(id, commit);
        if (commit > storage.lastIndex()) {
            fail(id + " persisted commit " + commit + " beyond its persisted log " + storage.lastIndex());
        }
        long from = fullSweep ? 1 : Math.max(1, commit);
        for (long i = Math.max(from, storage.firstIndex()); i <= commit; i++) {
            agreeCommitted(id + "'s persisted log", storage.entries(i, i + 1).get(0));
        }
        checkStoredSnapshot(id, storage);
    }

    /** A member's stored snapshot sits at its log start and covers only committed entries. */
    void checkStoredSnapshot(NodeId id, RaftLog storage) {
        Snapshot s = storage.snapshot();
        long start = s == null ? 0 : s.index();
        if (storage.firstIndex() != start + 1) {
            fail(id + "'s log starts at " + storage.firstIndex() + " but its snapshot is " + s);
        }
        if (s != null) {
            if (storage.term(s.index()) != s.term()) {
                fail(id + "'s log has term " + storage.term(s.index()) + " at its snapshot " + s);
            }
            if (storage.hardState().commit() < s.index()) {
                fail(id + "'s snapshot " + s + " is beyond its persisted commit " + storage.hardState().commit());
            }
            checkCommittedSnapshot(id + "'s stored snapshot", s);
        }
    }

    /** {@code s} was created by {@code id}'s application from its state. */
    void snapshotTaken(NodeId id, Snapshot s) {
        checkCommittedSnapshot(id + " took snapshot", s);
        checkState(id + " took snapshot", s.index(), SimApplication.decode(s.data()));
    }

    /** {@code id}, having applied up to {@code previousApplied}, installs {@code s} from the leader. */
    void snapshotInstalled(NodeId id, long previousApplied, Snapshot s) {
        if (s.index() <= previousApplied) {
            fail(id + " installed " + s + " after applying up to " + previousApplied + " (stale snapshot)");
        }
        checkCommittedSnapshot(id + " installed snapshot", s);
        checkState(id + " installed snapshot", s.index(), SimApplication.decode(s.data()));
    }

    /** {@code id}'s application state after applying up to {@code index} equals the reference. */
    void checkState(String who, long index, long state) {
        if (state != referenceState(index)) {
            fail(who + ": state at index " + index + " differs from the state of applying the committed "
                    + "entries one by one");
        }
    }

    private void checkCommittedSnapshot(String who, Snapshot s) {
        if (s.index() > truth.size()) {
            fail(who + " " + s + " covers uncommitted entries (committed prefix is " + truth.size() + ")");
        }
        if (truth.get((int) s.index() - 1).term() != s.term()) {
            fail(who + " " + s + " has term " + s.term() + " where " + truth.get((int) s.index() - 1)
                    + " was committed");
        }
    }

    private long referenceState(long index) {
        if (index > truth.size()) {
            fail("state at index " + index + " beyond the committed prefix " + truth.size());
        }
        while (referenceStates.size() < index) {
            long previous = referenceStates.isEmpty() ? 0 : referenceStates.get(referenceStates.size() - 1);
            referenceStates.add(SimApplication.chain(previous, truth.get(referenceStates.size())));
        }
        return index == 0 ? 0 : referenceStates.get((int) index - 1);
    }

    /** {@code entry} was applied by {@code id} as the next entry after {@code previousApplied}. */
    void applied(NodeId id, long previousApplied, LogEntry entry) {
        if (entry.index() != previousApplied + 1) {
            fail(id + " applied " + entry + " after index " + previousApplied);
        }
        agreeCommitted(id + "'s applied entry", entry);
    }

    /**
     * {@code entry} was acknowledged to a client: it is committed (its durability on a quorum was
     * checked when a leader committed it).
     */
    void acknowledged(LogEntry entry) {
        agreeCommitted("acknowledged entry", entry);
        maxAckedIndex = Math.max(maxAckedIndex, entry.index());
    }

    /** A ReadIndex answered {@code index} for a read issued when {@code minIndex} was acknowledged. */
    void readServed(NodeId id, long index, long minIndex) {
        if (index < minIndex) {
            fail(id + " got read index " + index + " for a read issued after index " + minIndex
                    + " was acknowledged (stale read)");
        }
    }

    private void agreeCommitted(String where, LogEntry e) {
        long i = e.index();
        if (i <= truth.size()) {
            if (!truth.get((int) (i - 1)).equals(e)) {
                fail(where + " has " + e + " at a committed index where " + truth.get((int) (i - 1)) + " was committed");
            }
        } else if (i == truth.size() + 1) {
            truth.add(e);
            if (e.type() == EntryType.CONF_CHANGE) {
                try {
                    committedMembership = ConfChange.decode(e.data()).applyTo(committedMembership);
                } catch (IllegalArgumentException invalid) {
                    // recorded as no change by every member alike
                }
            }
        } else {
            // Gap: a member committed beyond what anyone reported; its prefix is checked as it comes.
            throw new Violation(where + " committed " + e + " beyond the known committed prefix "
                    + truth.size() + " without reporting the gap");
        }
    }

    private static void fail(String message) {
        throw new Violation(message);
    }
}

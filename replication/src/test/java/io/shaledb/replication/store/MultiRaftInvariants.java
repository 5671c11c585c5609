package io.shaledb.replication.store;

import io.shaledb.kv.storage.Engine;
import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.ConfChange;
import io.shaledb.replication.raft.EntryType;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.storage.DurableRaftView;
import io.shaledb.replication.storage.RocksRaftStorage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The safety checks of {@link MultiRaftSimulation}, run after every event on the simulation's
 * thread while every scheduler is idle. Any violation throws {@link AssertionError}.
 *
 * <ul>
 *   <li>At most one leader per (group, term), ever.</li>
 *   <li>Committed entries never change and agree across replicas: each replica's persisted log up
 *       to its commit index must match the group's reference log of committed entries (built
 *       from whichever replica committed an index first; only indexes at or above a replica's
 *       first index are compared, the rest was compacted into a snapshot).</li>
 *   <li>A replica's snapshot sits at its log start: the first stored index is the one after
 *       the snapshot (installed from a leader) or {@link MultiRaftSimulation#SNAPSHOT_KEEP_TAIL}
 *       entries below that (taken here, keeping a tail for slow followers), and the snapshot is
 *       within the applied index; without a snapshot the log starts at 1.</li>
 *   <li>A replica's commit index is within its persisted log, its applied index within its
 *       commit index, and neither goes backwards while the store runs (a restart may go back to
 *       the persisted commit index).</li>
 *   <li>An acknowledged write is the entry at the index its result names, carries the client's
 *       operation and is durable on a quorum of the voters in force at that index (the latest
 *       committed membership change below it in the reference log; a replica whose snapshot
 *       covers the index holds it). Durable means synced: a live store counts with what a power
 *       failure now would leave (its engine's state as of its last synced write, read through
 *       the {@link io.shaledb.kv.storage.UnsyncedWriteJournal}), a crashed store with what its
 *       power failure left on disk.</li>
 * </ul>
 */
final class MultiRaftInvariants {
    private record Ack(RangeId range, NodeId node, long index, int op) {
    }

    private final MultiRaftSimulation sim;
    private final Map<RangeId, Map<Long, NodeId>> leaders = new HashMap<>();
    /** The committed entries of each group seen so far, by index (gaps where all replicas compacted first). */
    private final Map<RangeId, TreeMap<Long, LogEntry>> committed = new HashMap<>();
    /** Per group: the membership in force from each committed membership change's index on. */
    private final Map<RangeId, TreeMap<Long, Membership>> configs = new HashMap<>();
    /** Per replica incarnation: the commit index up to which its persisted log was verified. */
    private final Map<Replica, Long> verified = new IdentityHashMap<>();
    /** Per replica incarnation: last seen commit and applied index. */
    private final Map<Replica, long[]> progress = new IdentityHashMap<>();
    /** Crashed nodes: per group, the term of each persisted entry (index 0 unused, 0 where compacted). */
    private final Map<NodeId, Map<RangeId, long[]>> downLogs = new HashMap<>();
    /** Crashed nodes: per group, the index of the snapshot they had on disk. */
    private final Map<NodeId, Map<RangeId, Long>> downSnapshots = new HashMap<>();
    private final List<Ack> pendingAcks = new ArrayList<>();
    private final List<Ack> acks = new ArrayList<>();
    private final Map<Ack, Long> ackTerms = new HashMap<>();
    private final Map<Replica, ReplicaStatus> lastSeen = new IdentityHashMap<>();

    MultiRaftInvariants(MultiRaftSimulation sim) {
        this.sim = sim;
    }

    /** A client learnt that its write {@code op} to {@code range}, proposed on {@code node}, applied at {@code index}. */
    void acknowledged(RangeId range, NodeId node, long index, int op) {
        pendingAcks.add(new Ack(range, node, index, op));
    }

    /** Forgets the replica incarnations of {@code store}, about to go down; call before closing it. */
    void forgetIncarnations(Store store) {
        for (RangeId range : store.rangeIds()) {
            Replica r = store.replica(range).orElseThrow();
            lastSeen.remove(r);
            progress.remove(r);
            verified.remove(r);
        }
    }

    /**
     * Records what the crashed {@code node} holds on disk (its engine after the power failure,
     * still open): the persisted terms and snapshot index of each of its replicas.
     */
    void recordDown(NodeId node, Engine engine) {
        Map<RangeId, long[]> logs = new HashMap<>();
        Map<RangeId, Long> snaps = new HashMap<>();
        for (RangeId range : ReplicaDescriptors.load(engine).keySet()) {
            RocksRaftStorage s = RocksRaftStorage.open(engine, range, 0);
            snaps.put(range, s.snapshotMeta() == null ? 0L : s.snapshotMeta().index());
            long[] terms = new long[(int) s.lastIndex() + 1];
            if (s.lastIndex() >= s.firstIndex()) {
                for (LogEntry e : s.entries(s.firstIndex(), s.lastIndex() + 1)) {
                    terms[(int) e.index()] = e.term();
                }
            }
            logs.put(range, terms);
        }
        downLogs.put(node, logs);
        downSnapshots.put(node, snaps);
    }

    void recordRestart(NodeId node) {
        downLogs.remove(node);
        downSnapshots.remove(node);
    }

    /** Distinct (group, term) pairs that had a leader. */
    int leaderTerms() {
        return leaders.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * Checks every replica whose status changed since the last check (a status is republished
     * by every processing pass, so an unchanged status object means nothing happened to it),
     * then the acknowledgements since the last check.
     */
    void check() {
        for (Map.Entry<NodeId, Store> e : sim.stores.entrySet()) {
            for (RangeId range : e.getValue().rangeIds()) {
                Replica r = e.getValue().replica(range).orElse(null);
                if (r != null && lastSeen.put(r, r.status()) != r.status()) {
                    checkReplica(e.getKey(), range, r);
                }
            }
        }
        if (lastSeen.size() > 4 * sim.ranges.size() * sim.ids.size()) {
            lastSeen.keySet().removeIf(Replica::isRemoved);
        }
        for (Ack a : pendingAcks) {
            checkAck(a);
        }
        pendingAcks.clear();
    }

    private void checkReplica(NodeId node, RangeId range, Replica r) {
        ReplicaStatus st = r.status();
        if (st.isLeader()) {
            NodeId before = leaders.computeIfAbsent(range, k -> new HashMap<>()).putIfAbsent(st.term(), node);
            if (before != null && !before.equals(node)) {
                throw new AssertionError(range + ": two leaders in term " + st.term() + ": " + before + " and " + node);
            }
        }
        long[] p = progress.computeIfAbsent(r, k -> new long[2]);
        if (st.commitIndex() < p[0] || st.appliedIndex() < p[1]) {
            throw new AssertionError(range + " on " + node + ": commit/applied went back from " + p[0] + "/" + p[1]
                    + " to " + st.commitIndex() + "/" + st.appliedIndex());
        }
        p[0] = st.commitIndex();
        p[1] = st.appliedIndex();
        if (st.appliedIndex() > st.commitIndex()) {
            throw new AssertionError(range + " on " + node + ": applied " + st.appliedIndex() + " beyond commit "
                    + st.commitIndex());
        }
        long keepTail = MultiRaftSimulation.SNAPSHOT_KEEP_TAIL;
        boolean atStart = st.snapshotIndex() == 0 ? st.firstIndex() == 1
                : (st.firstIndex() == st.snapshotIndex() + 1 || st.firstIndex() == st.snapshotIndex() - keepTail + 1)
                        && st.snapshotIndex() <= st.appliedIndex();
        if (!atStart) {
            throw new AssertionError(range + " on " + node + ": snapshot at " + st.snapshotIndex()
                    + " does not sit at the log start " + st.firstIndex() + " (applied " + st.appliedIndex()
                    + ", expected the index after it, or " + keepTail + " below that)");
        }
        RocksRaftStorage s = r.storage;
        if (st.commitIndex() > s.lastIndex()) {
            throw new AssertionError(range + " on " + node + ": commit " + st.commitIndex()
                    + " beyond its persisted log ending at " + s.lastIndex());
        }
        TreeMap<Long, LogEntry> ref = committed.computeIfAbsent(range, k -> new TreeMap<>());
        long lo = Math.max(verified.getOrDefault(r, 0L) + 1, s.firstIndex());
        long hi = st.commitIndex();
        if (hi < lo) {
            return;
        }
        for (LogEntry e : s.entries(lo, hi + 1)) {
            LogEntry before = ref.putIfAbsent(e.index(), e);
            if (before != null && !before.equals(e)) {
                throw new AssertionError(range + " on " + node + ": committed entry " + e.index()
                        + " differs: " + e + " vs the committed " + before);
            }
            if (before == null && e.type() == EntryType.CONF_CHANGE) {
                recordConfig(range, e);
            }
        }
        verified.put(r, hi);
    }

    /** Folds a newly seen committed membership change into the group's history of memberships. */
    private void recordConfig(RangeId range, LogEntry e) {
        TreeMap<Long, Membership> h = configs.computeIfAbsent(range, k -> new TreeMap<>());
        Map.Entry<Long, Membership> prev = h.lowerEntry(e.index());
        Membership base = prev == null ? sim.initialMemberships.get(range) : prev.getValue();
        h.put(e.index(), ConfChange.decode(e.data()).applyTo(base));
    }

    /**
     * The voters in force at {@code index}: the latest committed membership change at or below
     * it. A change the reference log missed (every replica compacted it before a check saw it)
     * makes this stale; then the proposer's current membership is accepted too.
     */
    Membership membershipAt(RangeId range, long index) {
        TreeMap<Long, Membership> h = configs.get(range);
        Map.Entry<Long, Membership> e = h == null ? null : h.floorEntry(index);
        return e == null ? sim.initialMemberships.get(range) : e.getValue();
    }

    private void checkAck(Ack a) {
        // The proposer may be gone already (a replica removed by hand in the same event).
        RocksRaftStorage proposer = sim.storage(a.node(), a.range()).orElse(null);
        LogEntry e = proposer != null && a.index() >= proposer.firstIndex() && a.index() <= proposer.lastIndex()
                ? proposer.entries(a.index(), a.index() + 1).get(0)
                : committed.getOrDefault(a.range(), new TreeMap<>()).get(a.index());
        acks.add(a);
        if (e == null) { // compacted on the proposer before any check saw it: the final check still covers it
            sim.count("acksCompactedAway");
            return;
        }
        if (e.type() != EntryType.COMMAND || opOf(e) != a.op()) {
            throw new AssertionError(a.range() + ": write " + a.op() + " acknowledged at index " + a.index()
                    + " which holds " + e);
        }
        ackTerms.put(a, e.term());
        Membership inForce = membershipAt(a.range(), a.index());
        Membership current = proposer == null ? inForce
                : sim.stores.get(a.node()).replica(a.range()).orElseThrow().membership();
        List<String> where = new ArrayList<>();
        if (durableOn(inForce, a, e.term(), where) || durableOn(current, a, e.term(), where)) {
            return;
        }
        throw new AssertionError(a.range() + ": write " + a.op() + " acknowledged at index " + a.index()
                + " term " + e.term() + " but durable on only a minority of " + inForce.voters()
                + " (persisted terms " + where + ")");
    }

    private boolean durableOn(Membership m, Ack a, long term, List<String> where) {
        int copies = 0;
        for (NodeId n : m.voters()) {
            long t = persistedTerm(n, a.range(), a.index());
            where.add(n + ":" + t);
            if (t == term || t == COVERED) {
                copies++;
            }
        }
        return copies >= m.quorum();
    }

    private static final long COVERED = DurableRaftView.COVERED;

    /**
     * The term of {@code node}'s durable entry at {@code index}, {@link #COVERED} if its durable
     * snapshot covers the index, or -1 if it has neither. Durable means what a power failure
     * now would keep (the state as of the store's last synced write), except under
     * {@link MultiRaftSimulation.Bug#UNSYNCED_LOG_CRASHES_ONLY}, which judges by what the
     * storage published (unsynced writes included).
     */
    private long persistedTerm(NodeId node, RangeId range, long index) {
        Map<RangeId, long[]> down = downLogs.get(node);
        if (down != null) {
            if (downSnapshots.get(node).getOrDefault(range, 0L) >= index) {
                return COVERED;
            }
            long[] terms = down.get(range);
            return terms == null || index >= terms.length ? -1 : terms[(int) index];
        }
        Optional<RocksRaftStorage> s = sim.storage(node, range);
        if (s.isEmpty()) {
            return -1;
        }
        if (sim.options.bug() != MultiRaftSimulation.Bug.UNSYNCED_LOG_CRASHES_ONLY) {
            return DurableRaftView.durableTerm(s.get().engine().unsyncedJournal(), range, index);
        }
        if (s.get().snapshotMeta() != null && s.get().snapshotMeta().index() >= index) {
            return COVERED;
        }
        if (index > s.get().lastIndex() || index < s.get().firstIndex()) {
            return -1;
        }
        return s.get().term(index);
    }

    private static int opOf(LogEntry e) {
        String text = new String(e.data(), StandardCharsets.UTF_8);
        return Integer.parseInt(text.substring(0, text.indexOf(' ')));
    }

    // ---- the end ----------------------------------------------------------------------------

    /**
     * Every store up; every group has one leader whose membership has no learners and whose log
     * every member holds, committed and applied; no replica is left on a store outside it.
     */
    boolean settled() {
        return unsettled().isEmpty();
    }

    String unsettledReport() {
        List<String> u = unsettled();
        return u.size() + " groups unsettled, e.g. " + u.subList(0, Math.min(5, u.size()));
    }

    /** The live replica of {@code range} leading in the highest term, if any. */
    Optional<Replica> leader(RangeId range) {
        Replica best = null;
        for (Store s : sim.stores.values()) {
            Replica r = s.replica(range).orElse(null);
            if (r != null && r.status().isLeader() && (best == null || r.status().term() > best.status().term())) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    private List<String> unsettled() {
        List<String> out = new ArrayList<>();
        if (sim.stores.size() < sim.ids.size()) {
            out.add("stores down");
            return out;
        }
        for (RangeId range : sim.ranges) {
            Replica leader = leader(range).orElse(null);
            if (leader == null) {
                out.add(range + ": no leader");
                continue;
            }
            Membership m = leader.membership();
            if (!m.learners().isEmpty() || m.voters().size() < 3) {
                out.add(range + ": membership " + m);
                continue;
            }
            ReplicaStatus ls = leader.status();
            List<ReplicaStatus> statuses = new ArrayList<>();
            String misplaced = null;
            for (NodeId n : sim.ids) {
                Optional<Replica> r = sim.stores.get(n).replica(range);
                if (m.isVoter(n) != r.isPresent()) {
                    misplaced = range + ": replica on " + n + " " + r.isPresent() + " but membership " + m;
                    break;
                }
                r.ifPresent(x -> statuses.add(x.status()));
            }
            if (misplaced != null) {
                out.add(misplaced);
                continue;
            }
            for (ReplicaStatus st : statuses) {
                if (st.lastIndex() != ls.lastIndex() || st.commitIndex() != ls.lastIndex()
                        || st.appliedIndex() != ls.lastIndex() || st.term() != ls.term()) {
                    out.add(range + ": not caught up " + statuses);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * After settling: every final member of a group applied the same commands; each applied
     * command is the committed entry at its index (where the reference saw it), every committed
     * command up to there was applied, and every acknowledged write is among them at its index
     * (and term, where known).
     */
    void checkFinal() {
        for (RangeId range : sim.ranges) {
            Membership m = leader(range).orElseThrow().membership();
            List<SimRegisterMachine.Applied> first = null;
            NodeId firstNode = null;
            for (NodeId n : m.voters()) {
                List<SimRegisterMachine.Applied> applied = sim.machines.get(n).get(range).applied();
                if (first == null) {
                    first = applied;
                    firstNode = n;
                } else if (!first.equals(applied)) {
                    throw new AssertionError(range + ": replicas applied different sequences: " + firstNode + " "
                            + first + " vs " + n + " " + applied);
                }
            }
            TreeMap<Long, LogEntry> ref = committed.getOrDefault(range, new TreeMap<>());
            Map<Long, SimRegisterMachine.Applied> byIndex = new HashMap<>();
            for (SimRegisterMachine.Applied a : first) {
                byIndex.put(a.index(), a);
                LogEntry e = ref.get(a.index());
                if (e != null && (e.type() != EntryType.COMMAND || opOf(e) != a.op())) {
                    throw new AssertionError(range + ": applied " + a + " but the committed entry is " + e);
                }
            }
            for (LogEntry e : ref.values()) {
                if (e.type() == EntryType.COMMAND && !byIndex.containsKey(e.index())) {
                    throw new AssertionError(range + ": committed " + e + " was never applied on " + firstNode);
                }
            }
            for (Ack a : acks) {
                if (!a.range().equals(range)) {
                    continue;
                }
                SimRegisterMachine.Applied x = byIndex.get(a.index());
                LogEntry e = ref.get(a.index());
                Long term = ackTerms.get(a);
                if (x == null || x.op() != a.op() || (e != null && term != null && e.term() != term)) {
                    throw new AssertionError(range + ": acknowledged write " + a.op() + " at " + a.index()
                            + " is not what was applied there: " + x + " / " + e);
                }
            }
        }
    }
}

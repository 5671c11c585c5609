package io.shaledb.replication.store;

import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.EntryType;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.storage.RocksRaftStorage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The safety checks of {@link MultiRaftSimulation}, run after every event on the simulation's
 * thread while every scheduler is idle. Any violation throws {@link AssertionError}.
 *
 * <ul>
 *   <li>At most one leader per (group, term), ever.</li>
 *   <li>Committed entries never change and agree across replicas: each replica's persisted log up
 *       to its commit index must match the group's reference log of committed entries (built
 *       from whichever replica committed an index first).</li>
 *   <li>A replica's commit index is within its persisted log, its applied index within its
 *       commit index, and neither goes backwards while the store runs (a restart may go back to
 *       the persisted commit index).</li>
 *   <li>An acknowledged write is the entry at the index its result names, carries the client's
 *       operation and is in the persisted logs of a majority of the group (crashed stores count
 *       with the log they had on disk when they went down).</li>
 * </ul>
 */
final class MultiRaftInvariants {
    private record Ack(RangeId range, NodeId node, long index, int op) {
    }

    private final MultiRaftSimulation sim;
    private final Map<RangeId, Map<Long, NodeId>> leaders = new HashMap<>();
    /** The committed prefix of each group: entry i at position i - 1. */
    private final Map<RangeId, List<LogEntry>> committed = new HashMap<>();
    /** Per node and group: the commit index up to which its persisted log was verified. */
    private final Map<NodeId, Map<RangeId, Long>> verified = new HashMap<>();
    /** Per node and group, since the node's last (re)start: last seen commit and applied index. */
    private final Map<NodeId, Map<RangeId, long[]>> progress = new HashMap<>();
    /** Crashed nodes: per group, the term of each persisted entry (index 0 unused). */
    private final Map<NodeId, Map<RangeId, long[]>> downLogs = new HashMap<>();
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

    void recordCrash(NodeId node, Store store) {
        Map<RangeId, long[]> logs = new HashMap<>();
        for (RangeId range : store.rangeIds()) {
            RocksRaftStorage s = store.replica(range).orElseThrow().storage;
            long[] terms = new long[(int) s.lastIndex() + 1];
            if (s.lastIndex() >= s.firstIndex()) {
                for (LogEntry e : s.entries(s.firstIndex(), s.lastIndex() + 1)) {
                    terms[(int) e.index()] = e.term();
                }
            }
            logs.put(range, terms);
        }
        downLogs.put(node, logs);
        progress.remove(node);
        lastSeen.keySet().removeIf(r -> store.replica(r.rangeId()).orElse(null) == r);
    }

    void recordRestart(NodeId node) {
        downLogs.remove(node);
        progress.remove(node);
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
        for (RangeId range : sim.ranges) {
            for (NodeId node : sim.memberships.get(range).voters()) {
                Store store = sim.stores.get(node);
                Replica r = store == null ? null : store.replica(range).orElse(null);
                if (r != null && lastSeen.put(r, r.status()) != r.status()) {
                    checkReplica(node, range, r);
                }
            }
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
        long[] p = progress.computeIfAbsent(node, k -> new HashMap<>()).computeIfAbsent(range, k -> new long[2]);
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
        RocksRaftStorage s = r.storage;
        if (st.commitIndex() > s.lastIndex()) {
            throw new AssertionError(range + " on " + node + ": commit " + st.commitIndex()
                    + " beyond its persisted log ending at " + s.lastIndex());
        }
        Map<RangeId, Long> v = verified.computeIfAbsent(node, k -> new HashMap<>());
        List<LogEntry> ref = committed.computeIfAbsent(range, k -> new ArrayList<>());
        long lo = Math.max(Math.min(v.getOrDefault(range, 0L), ref.size()) + 1, s.firstIndex());
        long hi = st.commitIndex();
        if (hi < lo) {
            return;
        }
        for (LogEntry e : s.entries(lo, hi + 1)) {
            int pos = (int) e.index() - 1;
            if (pos < ref.size()) {
                if (!ref.get(pos).equals(e)) {
                    throw new AssertionError(range + " on " + node + ": committed entry " + e.index()
                            + " differs: " + e + " vs the committed " + ref.get(pos));
                }
            } else if (pos == ref.size()) {
                ref.add(e);
            } else {
                break; // a gap below a snapshot: nothing to compare
            }
        }
        v.put(range, Math.max(v.getOrDefault(range, 0L), hi));
    }

    private void checkAck(Ack a) {
        RocksRaftStorage proposer = sim.storage(a.node(), a.range()).orElseThrow(
                () -> new AssertionError(a + ": the proposer is gone at acknowledgement"));
        LogEntry e = proposer.entries(a.index(), a.index() + 1).get(0);
        if (e.type() != EntryType.COMMAND || opOf(e) != a.op()) {
            throw new AssertionError(a.range() + ": write " + a.op() + " acknowledged at index " + a.index()
                    + " which holds " + e);
        }
        Membership m = sim.memberships.get(a.range());
        int copies = 0;
        List<String> where = new ArrayList<>();
        for (NodeId n : m.voters()) {
            long term = persistedTerm(n, a.range(), a.index());
            where.add(n + ":" + term);
            if (term == e.term()) {
                copies++;
            }
        }
        if (copies < m.quorum()) {
            throw new AssertionError(a.range() + ": write " + a.op() + " acknowledged at index " + a.index()
                    + " term " + e.term() + " but durable on only " + copies + " of " + m.voters()
                    + " (persisted terms " + where + ")");
        }
        acks.add(a);
        ackTerms.put(a, e.term());
    }

    /** The term of {@code node}'s persisted entry at {@code index}, or -1 if it has none. */
    private long persistedTerm(NodeId node, RangeId range, long index) {
        Map<RangeId, long[]> down = downLogs.get(node);
        if (down != null) {
            long[] terms = down.get(range);
            return terms == null || index >= terms.length ? -1 : terms[(int) index];
        }
        Optional<RocksRaftStorage> s = sim.storage(node, range);
        if (s.isEmpty() || index > s.get().lastIndex() || index < s.get().firstIndex()) {
            return -1;
        }
        return s.get().term(index);
    }

    private static int opOf(LogEntry e) {
        String text = new String(e.data(), StandardCharsets.UTF_8);
        return Integer.parseInt(text.substring(0, text.indexOf(' ')));
    }

    // ---- the end ----------------------------------------------------------------------------

    /** Every store up; every group has one leader whose log every replica holds, committed and applied. */
    boolean settled() {
        return unsettled().isEmpty();
    }

    String unsettledReport() {
        List<String> u = unsettled();
        return u.size() + " groups unsettled, e.g. " + u.subList(0, Math.min(5, u.size()));
    }

    private List<String> unsettled() {
        List<String> out = new ArrayList<>();
        for (RangeId range : sim.ranges) {
            List<ReplicaStatus> statuses = new ArrayList<>();
            ReplicaStatus leader = null;
            for (NodeId n : sim.memberships.get(range).voters()) {
                Store s = sim.stores.get(n);
                Optional<Replica> r = s == null ? Optional.empty() : s.replica(range);
                if (r.isEmpty()) {
                    out.add(range + ": no replica on " + n);
                    statuses = null;
                    break;
                }
                ReplicaStatus st = r.get().status();
                statuses.add(st);
                if (st.isLeader() && (leader == null || st.term() > leader.term())) {
                    leader = st;
                }
            }
            if (statuses == null) {
                continue;
            }
            if (leader == null) {
                out.add(range + ": no leader " + statuses);
                continue;
            }
            long last = leader.lastIndex();
            for (ReplicaStatus st : statuses) {
                if (st.lastIndex() != last || st.commitIndex() != last || st.appliedIndex() != last
                        || st.term() != leader.term()) {
                    out.add(range + ": not caught up " + statuses);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * After settling: every replica of a group applied the same commands, those of the committed
     * log, and every acknowledged write is among them at its index and term.
     */
    void checkFinal() {
        for (RangeId range : sim.ranges) {
            List<SimRegisterMachine.Applied> first = null;
            NodeId firstNode = null;
            for (NodeId n : sim.memberships.get(range).voters()) {
                List<SimRegisterMachine.Applied> applied = sim.machines.get(n).get(range).applied();
                if (first == null) {
                    first = applied;
                    firstNode = n;
                } else if (!first.equals(applied)) {
                    throw new AssertionError(range + ": replicas applied different sequences: " + firstNode + " "
                            + first + " vs " + n + " " + applied);
                }
            }
            List<LogEntry> ref = committed.getOrDefault(range, List.of());
            int commands = 0;
            for (LogEntry e : ref) {
                if (e.type() == EntryType.COMMAND) {
                    commands++;
                }
            }
            if (first.size() != commands) {
                throw new AssertionError(range + ": applied " + first.size() + " commands, the committed log has "
                        + commands);
            }
            for (SimRegisterMachine.Applied a : first) {
                LogEntry e = ref.get((int) a.index() - 1);
                if (e.type() != EntryType.COMMAND || opOf(e) != a.op()) {
                    throw new AssertionError(range + ": applied " + a + " but the committed entry is " + e);
                }
            }
        }
        for (Ack a : acks) {
            List<LogEntry> ref = committed.get(a.range());
            LogEntry e = a.index() <= ref.size() ? ref.get((int) a.index() - 1) : null;
            if (e == null || e.term() != ackTerms.get(a) || opOf(e) != a.op()) {
                throw new AssertionError(a.range() + ": acknowledged write " + a.op() + " at " + a.index()
                        + " is not the committed entry " + e);
            }
        }
    }
}

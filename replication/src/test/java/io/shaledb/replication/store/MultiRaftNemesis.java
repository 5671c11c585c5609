package io.shaledb.replication.store;

import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.ConfChange;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.raft.ProposalRejectedException;
import io.shaledb.replication.transport.FaultRates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The faults of {@link MultiRaftSimulation}: crashes (mostly power failures, striking between
 * the passes of the victim's store) and restarts (at most a minority of stores down), partitions of five shapes and their heals, calm and lossy link periods, leader
 * transfers, and replica moves. A move (one at a time, 4 or more stores) takes a random group
 * whose leader sees 3 voters and no learner, creates an empty replica on a store that holds none
 * ({@link Replica#initialMembership()}), then adds it as a learner, promotes it and removes one
 * old voter (sometimes the leader, which then destroys its own replica), one change at a time at
 * whichever replica leads, retrying while a change is rejected or fails. A removed replica the
 * change did not destroy is removed by hand with {@link Store#removeReplica} once its store is
 * up. Runs on the simulation's thread.
 */
final class MultiRaftNemesis {
    static final FaultRates CALM = FaultRates.NONE.withDelay(1, 4);
    private static final long CHANGE_TIMEOUT_MS = 1_500;
    private static final FaultRates LOSSY = new FaultRates(0.05, 0.05, 0.03, 1, 30);

    private final MultiRaftSimulation sim;
    private boolean partitioned;
    private Move move;
    /** Replicas left behind by moves, to be removed by hand: store to ranges. */
    private final Map<NodeId, Set<RangeId>> leftovers = new TreeMap<>();

    private static final class Move {
        final RangeId range;
        final NodeId to;
        final NodeId out;
        CompletableFuture<Membership> pending;
        long pendingSince;

        Move(RangeId range, NodeId to, NodeId out) {
            this.range = range;
            this.to = to;
            this.out = out;
        }
    }

    MultiRaftNemesis(MultiRaftSimulation sim) {
        this.sim = sim;
    }

    /** Whether no move is under way and no replica waits to be removed. */
    boolean movesDone() {
        return move == null && leftovers.isEmpty();
    }

    /** The live store whose replica of {@code range} leads in the highest term, if any. */
    private Optional<NodeId> leaderNode(RangeId range) {
        NodeId best = null;
        long bestTerm = -1;
        for (Map.Entry<NodeId, Store> e : sim.stores.entrySet()) {
            ReplicaStatus st = e.getValue().replica(range).map(Replica::status).orElse(null);
            if (st != null && st.isLeader() && st.term() > bestTerm) {
                best = e.getKey();
                bestTerm = st.term();
            }
        }
        return Optional.ofNullable(best);
    }

    void transfer() {
        sim.schedule(100 + sim.random.nextLong(400), "transfer", this::transfer);
        RangeId range = sim.ranges.get(sim.random.nextInt(sim.ranges.size()));
        leaderNode(range).ifPresent(n -> {
            Store s = sim.stores.get(n);
            List<NodeId> others = s.replica(range).orElseThrow().membership().voters().stream()
                    .filter(v -> !v.equals(n)).toList();
            if (!others.isEmpty()) {
                s.transferLeadership(range, others.get(sim.random.nextInt(others.size())));
                sim.count("transfer");
            }
        });
    }

    // ---- replica moves ----------------------------------------------------------------------

    /** Starts a move now and then (unless one is under way). */
    void startMove() {
        sim.schedule(300 + sim.random.nextLong(700), "startMove", this::startMove);
        if (move != null || sim.ids.size() <= 3) {
            return;
        }
        RangeId range = sim.ranges.get(sim.random.nextInt(sim.ranges.size()));
        NodeId leader = leaderNode(range).orElse(null);
        if (leader == null) {
            return;
        }
        Membership m = sim.stores.get(leader).replica(range).orElseThrow().membership();
        if (!m.learners().isEmpty() || m.voters().size() != 3) {
            return;
        }
        List<NodeId> candidates = new ArrayList<>();
        for (NodeId n : sim.ids) {
            Store s = sim.stores.get(n);
            if (s != null && !m.contains(n) && s.replica(range).isEmpty()
                    && !leftovers.getOrDefault(n, Set.of()).contains(range)) {
                candidates.add(n);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        List<NodeId> voters = new ArrayList<>(m.voters());
        move = new Move(range, candidates.get(sim.random.nextInt(candidates.size())),
                voters.get(sim.random.nextInt(voters.size())));
        if (move.out.equals(leader)) {
            sim.count("moveOutLeader");
        }
        sim.count("moveStarted");
        moveStep();
    }

    /** Proposes the move's next change at the current leader, or finishes it. */
    private void moveStep() {
        Move mv = move;
        if (mv == null) {
            return;
        }
        sim.schedule(20 + sim.random.nextLong(40), "moveStep", this::moveStep);
        if (mv.pending != null && !mv.pending.isDone()) {
            if (sim.now - mv.pendingSince < CHANGE_TIMEOUT_MS) {
                return;
            }
            // Like a client's timeout: a change proposed at a leader that lost its place in the
            // log may never be answered (nothing is appended at its index without load).
            sim.count("confChangeTimeout");
        }
        NodeId leader = leaderNode(mv.range).orElse(null);
        if (leader == null) {
            return;
        }
        Replica lr = sim.stores.get(leader).replica(mv.range).orElseThrow();
        Membership m = lr.node.membership();
        if (!lr.node.membershipAt(lr.node.commitIndex()).equals(m)) {
            return; // the latest change is not committed yet
        }
        ConfChange next;
        if (!m.contains(mv.to)) {
            Store ts = sim.stores.get(mv.to);
            if (ts == null) {
                return; // wait for it to come back
            }
            if (ts.replica(mv.range).isEmpty()) {
                ts.createReplica(mv.range, lr.initialMembership());
            }
            next = ConfChange.addLearner(mv.to);
        } else if (!m.isVoter(mv.to)) {
            next = ConfChange.addVoter(mv.to);
        } else if (m.contains(mv.out)) {
            next = ConfChange.remove(mv.out);
        } else {
            if (m.voters().size() < 3) {
                throw new AssertionError(mv.range + ": a move ended with " + m);
            }
            leftovers.computeIfAbsent(mv.out, k -> new TreeSet<>()).add(mv.range);
            move = null;
            sim.count("moveDone");
            return;
        }
        mv.pending = sim.stores.get(leader).changeReplicas(mv.range, next);
        mv.pendingSince = sim.now;
        mv.pending.whenComplete((r, ex) -> {
            Throwable c = ex instanceof CompletionException && ex.getCause() != null ? ex.getCause() : ex;
            if (c == null) {
                sim.count("confChangeOk");
            } else if (c instanceof ProposalRejectedException pre) {
                sim.count("confChangeRejected" + pre.reason());
            } else {
                sim.count("confChangeFailed" + c.getClass().getSimpleName());
            }
        });
    }

    /** Removes by hand the replicas moves left on stores outside their group. */
    void removeLeftovers() {
        sim.schedule(100, "leftovers", this::removeLeftovers);
        for (Map.Entry<NodeId, Set<RangeId>> e : leftovers.entrySet()) {
            Store s = sim.stores.get(e.getKey());
            if (s == null) {
                continue;
            }
            for (var it = e.getValue().iterator(); it.hasNext(); ) {
                RangeId range = it.next();
                if (s.replica(range).isEmpty()) {
                    it.remove();
                    sim.count("replicaGone");
                } else {
                    s.removeReplica(range);
                }
            }
        }
        leftovers.values().removeIf(Set::isEmpty);
    }

    // ---- links, crashes, partitions ---------------------------------------------------------

    void changeRates() {
        sim.schedule(500 + sim.random.nextLong(1_500), "rates", this::changeRates);
        boolean lossy = sim.random.nextInt(3) == 0;
        sim.faults.setRates(lossy ? LOSSY : CALM);
        if (lossy) {
            sim.count("lossyPeriods");
        }
    }

    void nemesis() {
        sim.schedule(300 + sim.random.nextLong(1_200), "nemesis", this::nemesis);
        int maxDown = (sim.options.nodes() - 1) / 2;
        List<NodeId> up = sim.ids.stream().filter(n -> sim.stores.containsKey(n) && !sim.crashPending(n)).toList();
        int choice = sim.random.nextInt(8);
        if (choice <= 1 && sim.ids.size() - up.size() < maxDown) {
            NodeId victim = up.get(sim.random.nextInt(up.size()));
            sim.crashSoon(victim, 200 + sim.random.nextLong(1_500));
        } else if (choice <= 5 && !partitioned) {
            partition(sim.random.nextInt(5));
            partitioned = true;
            sim.schedule(200 + sim.random.nextLong(1_500), "heal", () -> {
                sim.faults.healAll();
                partitioned = false;
                sim.count("heal");
            });
        }
    }

    private void partition(int kind) {
        List<NodeId> order = new ArrayList<>(sim.ids);
        sim.shuffle(order);
        int n = order.size();
        switch (kind) {
            case 0 -> {
                sim.faults.split(order.subList(0, n / 2), order.subList(n / 2, n));
                sim.count("partitionHalves");
            }
            case 1 -> { // every node reaches only its ring neighbours: each sees a majority of 3 (5 nodes)
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        int d = Math.min(j - i, n - (j - i));
                        if (d > 1) {
                            sim.faults.cutBoth(order.get(i), order.get(j));
                        }
                    }
                }
                sim.count("partitionRing");
            }
            case 2 -> {
                int left = (n - 1) / 2;
                sim.faults.bridge(order.subList(0, left), order.get(left), order.subList(left + 1, n));
                sim.count("partitionBridge");
            }
            case 3 -> {
                sim.faults.isolate(order.get(0));
                sim.count("partitionIsolate");
            }
            default -> {
                sim.faults.cut(order.get(0), order.get(1));
                if (sim.random.nextBoolean()) {
                    sim.faults.cut(order.get(2), order.get(0));
                }
                sim.count("partitionOneWay");
            }
        }
    }
}

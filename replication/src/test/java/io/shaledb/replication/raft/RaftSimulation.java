package io.shaledb.replication.raft;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A whole Raft group driven by one thread, one seed and a fake clock (in the spirit of Kafka's
 * {@code RaftEventSimulationTest}). Events — ticks, message deliveries, disk-write completions,
 * client proposals and reads, crashes, restarts, partitions — sit in one priority queue ordered
 * by (time, sequence); running the same {@link Options} twice replays exactly.
 *
 * <p>The network drops, duplicates and delays (hence reorders) messages and can partition the
 * group into halves, isolate a node or cut one direction only. A node's Ready is persisted after
 * a simulated disk latency; a crash before that loses the unpersisted entries and hard state,
 * and the ready's messages are never sent. Each member's application ({@link SimApplication})
 * periodically snapshots its state and compacts its log, so members that fell behind catch up by
 * InstallSnapshot. Safety is checked by {@link SimulationInvariants}
 * after every event; at the end all faults heal and the group must make progress again and
 * converge (liveness).
 *
 * <p>With {@code reconfigure}, two spare nodes start outside the group and the leader is asked
 * every few hundred time units for a random single-server change — add a learner, promote one,
 * add a voter directly, remove a learner or a voter (the leader included), never below one voter —
 * so the group drifts between one and all nodes as voters while faults strike.
 */
final class RaftSimulation {
    /**
     * @param nodes     group size
     * @param seed      the only source of randomness
     * @param duration  simulated time units with faults (a tick is 10 units)
     * @param nemesis   whether to crash nodes and partition the network
     * @param faults    safety bugs to switch on in every node (negative controls)
     * @param reconfigure whether to change the membership at random (with two spare nodes)
     */
    record Options(int nodes, long seed, long duration, boolean nemesis, RaftFaults faults,
                   boolean reconfigure) {
        Options(int nodes, long seed, long duration, boolean nemesis, RaftFaults faults) {
            this(nodes, seed, duration, nemesis, faults, nemesis);
        }

        static Options of(int nodes, long seed) {
            return new Options(nodes, seed, 6_000, true, RaftFaults.NONE);
        }

        Options withFaults(RaftFaults f) {
            return new Options(nodes, seed, duration, nemesis, f, reconfigure);
        }

        String replay() {
            return "replay with a plain @Test: new RaftSimulation(new RaftSimulation.Options(" + nodes + ", "
                    + seed + "L, " + duration + ", " + nemesis + ", new RaftFaults(" + faults.commitWithoutQuorum()
                    + ", " + faults.voteIgnoresLog() + ", " + faults.snapshotSkipsEntry() + ", "
                    + faults.commitCountsLearners() + ", " + faults.confChangeIgnoresPending() + "), " + reconfigure
                    + ")).run()";
        }
    }

    /** What a run did, for assertions and reports. */
    record Summary(long events, long committed, int acknowledged, int reads, int crashes, int partitions,
                   long maxTerm, int snapshotsTaken, int snapshotsSent, int snapshotsInstalled, int confChanges,
                   int leaderRemovals) {
    }

    private static final int TICK = 10;
    private static final int MAX_NET_DELAY = 25;
    private static final long SETTLE = 3_000;
    private static final long QUIET = 1_500;

    private record Event(long time, long seq, String what, Runnable action) {
    }

    private record Proposal(NodeId node, int incarnation, LogEntry entry) {
    }

    private final class SimNode {
        final NodeId id;
        final MemoryRaftStorage storage = new MemoryRaftStorage();
        RaftNode raft;
        int incarnation;
        boolean busy;
        final SimApplication app = new SimApplication();

        SimNode(NodeId id) {
            this.id = id;
        }

        void start() {
            RaftConfig cfg = RaftConfig.of(id, initial).withFaults(options.faults());
            raft = new RaftNode(cfg, storage, new SplittableRandom(random.nextLong()));
            incarnation++;
            busy = false;
            app.restore(storage.snapshot());
            invariants.restarted(id);
        }
    }

    private final Options options;
    private final SplittableRandom random;
    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private final List<NodeId> ids = new ArrayList<>();
    private final Membership initial;
    private final Map<NodeId, SimNode> nodes = new HashMap<>();
    private final Set<List<NodeId>> blocked = new HashSet<>();
    private final SimulationInvariants invariants;
    private final Map<String, Proposal> proposals = new HashMap<>();
    private final Map<String, Long> pendingReads = new HashMap<>();
    private long now;
    private long seq;
    private long events;
    private double dropRate = 0.05;
    private double duplicateRate = 0.03;
    private boolean faultsActive = true;
    private boolean clientsActive = true;
    private NodeId clientGuess;
    private int nextValue;
    private int acknowledged;
    private int ackedAfterHeal;
    private int reads;
    private int crashes;
    private int partitions;
    private long maxTerm;
    private final SplittableRandom snapshotPolicy;
    private int snapshotsTaken;
    private int snapshotsSent;
    private int snapshotsInstalled;
    private int confChanges;
    private int leaderRemovals;

    RaftSimulation(Options options) {
        this.options = options;
        this.random = new SplittableRandom(options.seed());
        this.snapshotPolicy = new SplittableRandom(~options.seed());
        for (int i = 1; i <= options.nodes(); i++) {
            ids.add(NodeId.of(i));
        }
        this.initial = Membership.ofVoters(ids);
        for (int i = 1; options.reconfigure() && i <= 2; i++) {
            ids.add(NodeId.of(options.nodes() + i)); // spares, outside the initial membership
        }
        this.invariants = new SimulationInvariants(initial, id -> nodes.get(id).storage);
        for (NodeId id : ids) {
            SimNode n = new SimNode(id);
            nodes.put(id, n);
            n.start();
            scheduleTick(n, 1 + random.nextInt(TICK), TICK - 2 + random.nextInt(5));
        }
        clientGuess = ids.get(0);
        schedule(5, "client", this::clientAction);
        if (options.nemesis()) {
            schedule(200 + random.nextInt(400), "nemesis", this::nemesis);
        }
        if (options.reconfigure()) {
            schedule(100 + random.nextInt(400), "reconfigure", this::reconfigure);
        }
        schedule(options.duration(), "heal-all", this::healAll);
    }

    /**
     * Runs to completion.
     *
     * @throws AssertionError naming the seed and how to replay it if an invariant breaks or the
     *                        group fails to recover after healing
     */
    Summary run() {
        try {
            long end = options.duration() + SETTLE;
            while (!queue.isEmpty() && queue.peek().time <= end) {
                Event e = queue.poll();
                now = e.time;
                events++;
                e.action.run();
                pumpReadies();
                boolean sweep = events % 64 == 0;
                for (SimNode n : nodes.values()) {
                    if (n.raft != null) {
                        invariants.checkNode(n.raft, sweep);
                        maxTerm = Math.max(maxTerm, n.raft.term());
                    }
                }
                if (sweep) {
                    checkLogMatching();
                }
            }
            checkConverged();
            return new Summary(events, invariants.committedCount(), acknowledged, reads, crashes, partitions, maxTerm,
                    snapshotsTaken, snapshotsSent, snapshotsInstalled, confChanges, leaderRemovals);
        } catch (AssertionError | RuntimeException v) {
            throw new AssertionError("seed " + options.seed() + ", " + options.nodes() + " nodes, event " + events
                    + " at t=" + now + ": " + v.getMessage() + "\n  " + options.replay(), v);
        }
    }

    private void checkLogMatching() {
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                RaftNode a = nodes.get(ids.get(i)).raft;
                RaftNode b = nodes.get(ids.get(j)).raft;
                if (a != null && b != null) {
                    invariants.checkLogMatching(a, b);
                }
            }
        }
    }

    private void schedule(long delay, String what, Runnable action) {
        queue.add(new Event(now + delay, seq++, what, action));
    }

    /** Each node ticks with its own period: clocks run at slightly different rates. */
    private void scheduleTick(SimNode n, long delay, int period) {
        schedule(delay, "tick " + n.id, () -> {
            if (n.raft != null) {
                n.raft.tick();
            }
            scheduleTick(n, period, period);
        });
    }

    // ---- ready processing ------------------------------------------------------------------

    private void pumpReadies() {
        for (NodeId id : ids) {
            SimNode n = nodes.get(id);
            if (n.raft == null || n.busy || !n.raft.hasReady()) {
                continue;
            }
            Ready r = n.raft.ready();
            n.busy = true;
            int incarnation = n.incarnation;
            schedule(1 + random.nextInt(4), "persist " + id, () -> persisted(n, incarnation, r));
        }
    }

    private void persisted(SimNode n, int incarnation, Ready r) {
        if (n.incarnation != incarnation || n.raft == null) {
            return; // crashed before the write was durable: lost
        }
        if (r.snapshot() != null) {
            n.storage.applySnapshot(r.snapshot());
        }
        n.storage.append(r.entries());
        if (r.hardState() != null) {
            n.storage.setHardState(r.hardState());
        }
        invariants.checkPersisted(n.id, n.storage, events % 64 == 0);
        for (RaftMessage m : r.messages()) {
            send(m);
        }
        if (r.snapshot() != null) {
            invariants.snapshotInstalled(n.id, n.app.applied(), r.snapshot());
            n.app.restore(r.snapshot());
            snapshotsInstalled++;
        }
        for (LogEntry e : r.committedEntries()) {
            invariants.applied(n.id, n.app.applied(), e);
            n.app.apply(e, n.raft.membershipAt(e.index()));
            if (e.type() == EntryType.COMMAND) {
                Proposal p = proposals.get(new String(e.data(), StandardCharsets.UTF_8));
                if (p != null && p.node.equals(n.id) && p.incarnation == incarnation && p.entry.equals(e)) {
                    proposals.remove(new String(e.data(), StandardCharsets.UTF_8));
                    invariants.acknowledged(e);
                    acknowledged++;
                    if (!faultsActive) {
                        ackedAfterHeal++;
                    }
                }
            }
        }
        invariants.checkState(n.id + "'s application", n.app.applied(), n.app.state());
        Snapshot taken = n.app.maybeSnapshot(n.storage, snapshotPolicy);
        if (taken != null) {
            invariants.snapshotTaken(n.id, taken);
            invariants.checkStoredSnapshot(n.id, n.storage);
            snapshotsTaken++;
        }
        for (ReadState rs : r.readStates()) {
            Long minIndex = pendingReads.remove(new String(rs.context(), StandardCharsets.UTF_8));
            if (minIndex != null) {
                invariants.readServed(n.id, rs.index(), minIndex);
                reads++;
            }
        }
        n.raft.advance(r);
        n.busy = false;
    }

    private void send(RaftMessage m) {
        if (m instanceof RaftMessage.InstallSnapshot) {
            snapshotsSent++;
        }
        if (random.nextDouble() < dropRate) {
            return;
        }
        int copies = random.nextDouble() < duplicateRate ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            schedule(1 + random.nextInt(MAX_NET_DELAY), "deliver", () -> deliver(m));
        }
    }

    private void deliver(RaftMessage m) {
        SimNode to = nodes.get(m.to());
        if (to.raft == null || blocked.contains(List.of(m.from(), m.to()))) {
            return;
        }
        to.raft.step(m);
    }

    // ---- clients ---------------------------------------------------------------------------

    private void clientAction() {
        if (clientsActive) {
            SimNode target = nodes.get(clientGuess);
            if (target.raft == null) {
                clientGuess = ids.get(random.nextInt(ids.size()));
            } else if (random.nextInt(5) == 0) {
                String ctx = "r" + options.seed() + "-" + nextValue++;
                try {
                    target.raft.readIndex(ctx.getBytes(StandardCharsets.UTF_8));
                    pendingReads.put(ctx, invariants.maxAckedIndex());
                } catch (ProposalRejectedException e) {
                    redirect(e);
                }
            } else {
                String value = "v" + options.seed() + "-" + nextValue++;
                try {
                    LogEntry e = target.raft.propose(value.getBytes(StandardCharsets.UTF_8));
                    proposals.put(value, new Proposal(target.id, target.incarnation, e));
                } catch (ProposalRejectedException e) {
                    redirect(e);
                }
            }
        }
        schedule(3 + random.nextInt(25), "client", this::clientAction);
    }

    private void redirect(ProposalRejectedException e) {
        clientGuess = e.leaderHint().orElseGet(() -> ids.get(random.nextInt(ids.size())));
    }

    // ---- nemesis ---------------------------------------------------------------------------

    private void nemesis() {
        if (!faultsActive) {
            return;
        }
        int choice = random.nextInt(10);
        switch (choice) {
            case 0, 1 -> partitionHalves();
            case 2 -> isolate(victim(), true);
            case 3 -> isolate(victim(), false);
            case 4 -> bridge();
            case 5 -> blocked.clear();
            case 6, 7 -> crashAndLaterRestart(victim());
            case 8 -> crashMinority();
            default -> transferLeadership();
        }
        schedule(150 + random.nextInt(600), "nemesis", this::nemesis);
    }

    /** A fault's target: the current leader half of the time, else any node. */
    private NodeId victim() {
        if (random.nextBoolean()) {
            for (SimNode n : nodes.values()) {
                if (n.raft != null && n.raft.role() == Role.LEADER) {
                    return n.id;
                }
            }
        }
        return ids.get(random.nextInt(ids.size()));
    }

    private void partitionHalves() {
        blocked.clear();
        List<NodeId> shuffled = new ArrayList<>(ids);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            java.util.Collections.swap(shuffled, i, random.nextInt(i + 1));
        }
        int cut = 1 + random.nextInt(Math.max(1, ids.size() - 1));
        for (int i = 0; i < shuffled.size(); i++) {
            for (int j = 0; j < shuffled.size(); j++) {
                if ((i < cut) != (j < cut)) {
                    blocked.add(List.of(shuffled.get(i), shuffled.get(j)));
                }
            }
        }
        partitions++;
    }

    /** Cuts {@code id} off: both directions, or only its outbound messages (asymmetric). */
    private void isolate(NodeId id, boolean bothWays) {
        for (NodeId other : ids) {
            if (!other.equals(id)) {
                blocked.add(List.of(id, other));
                if (bothWays) {
                    blocked.add(List.of(other, id));
                }
            }
        }
        partitions++;
    }

    /**
     * Two halves that cannot talk to each other, joined by one node that talks to both (the
     * "bridge": a classic trap for leader election liveness).
     */
    private void bridge() {
        if (ids.size() < 3) {
            return;
        }
        blocked.clear();
        NodeId bridge = victim();
        List<NodeId> rest = new ArrayList<>(ids);
        rest.remove(bridge);
        for (int i = 0; i < rest.size(); i++) {
            for (int j = 0; j < rest.size(); j++) {
                if ((i % 2) != (j % 2)) {
                    blocked.add(List.of(rest.get(i), rest.get(j)));
                }
            }
        }
        partitions++;
    }

    /** Crashes a minority of the group at once (all unsynced writes of each are lost). */
    private void crashMinority() {
        List<NodeId> shuffled = new ArrayList<>(ids);
        java.util.Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
        for (int i = 0; i < (ids.size() - 1) / 2; i++) {
            crashAndLaterRestart(shuffled.get(i));
        }
    }

    private void crashAndLaterRestart(NodeId id) {
        SimNode victim = nodes.get(id);
        if (victim.raft == null) {
            return;
        }
        victim.raft = null;
        victim.busy = false;
        crashes++;
        schedule(50 + random.nextInt(500), "restart " + victim.id, () -> {
            if (victim.raft == null) {
                victim.start();
            }
        });
    }

    private void transferLeadership() {
        for (SimNode n : nodes.values()) {
            if (n.raft != null && n.raft.role() == Role.LEADER) {
                List<NodeId> voters = List.copyOf(n.raft.membership().voters());
                n.raft.transferLeadership(voters.get(random.nextInt(voters.size())));
                return;
            }
        }
    }

    /** Asks a leader for one random single-server change (it may refuse: one pending at a time). */
    private void reconfigure() {
        if (!faultsActive) {
            return;
        }
        for (NodeId id : ids) {
            RaftNode leader = nodes.get(id).raft;
            if (leader == null || leader.role() != Role.LEADER) {
                continue;
            }
            Membership m = leader.membership();
            List<NodeId> voters = List.copyOf(m.voters());
            List<NodeId> learners = List.copyOf(m.learners());
            List<NodeId> outsiders = ids.stream().filter(n -> !m.contains(n)).toList();
            List<ConfChange> choices = new ArrayList<>();
            if (!outsiders.isEmpty()) {
                NodeId o = outsiders.get(random.nextInt(outsiders.size()));
                choices.add(ConfChange.addLearner(o));
                choices.add(random.nextInt(4) == 0 ? ConfChange.addVoter(o) : ConfChange.addLearner(o));
            }
            if (!learners.isEmpty()) {
                NodeId l = learners.get(random.nextInt(learners.size()));
                choices.add(ConfChange.addVoter(l));
                choices.add(random.nextInt(4) == 0 ? ConfChange.remove(l) : ConfChange.addVoter(l));
            }
            if (voters.size() > 1) {
                choices.add(ConfChange.remove(voters.get(random.nextInt(voters.size()))));
                if (voters.size() > options.nodes()) {
                    choices.add(ConfChange.remove(voters.get(random.nextInt(voters.size()))));
                }
            }
            if (!choices.isEmpty()) {
                try {
                    ConfChange cc = choices.get(random.nextInt(choices.size()));
                    leader.proposeConfChange(cc);
                    confChanges++;
                    if (cc.type() == ConfChange.Type.REMOVE && cc.node().equals(id)) {
                        leaderRemovals++;
                    }
                } catch (ProposalRejectedException e) {
                    // one change at a time, or the leader is not ready yet: try again later
                }
            }
            break;
        }
        schedule(100 + random.nextInt(400), "reconfigure", this::reconfigure);
    }

    private void healAll() {
        faultsActive = false;
        blocked.clear();
        dropRate = 0;
        duplicateRate = 0;
        for (SimNode n : nodes.values()) {
            if (n.raft == null) {
                n.start();
            }
        }
        schedule(SETTLE - QUIET, "clients stop", () -> clientsActive = false);
    }

    // ---- liveness --------------------------------------------------------------------------

    private void checkConverged() {
        if (ackedAfterHeal == 0) {
            StringBuilder states = new StringBuilder();
            for (NodeId id : ids) {
                RaftNode r = nodes.get(id).raft;
                states.append("\n    ").append(r).append(' ').append(r.membership());
            }
            throw new SimulationInvariants.Violation("no proposal was acknowledged in the " + SETTLE
                    + " time units after healing; committed membership " + invariants.committedMembership() + states);
        }
        List<LogEntry> truth = invariants.truth();
        Membership members = invariants.committedMembership();
        for (SimNode n : nodes.values()) {
            invariants.checkNode(n.raft, true);
            invariants.checkPersisted(n.id, n.storage, true);
            if (!members.contains(n.id)) {
                continue; // removed (or never added): nobody replicates to it any more
            }
            if (n.raft.commitIndex() != truth.size() || n.raft.appliedIndex() != truth.size()) {
                throw new SimulationInvariants.Violation(n.id + " did not converge after healing: commit "
                        + n.raft.commitIndex() + ", applied " + n.raft.appliedIndex() + ", committed " + truth.size()
                        + " (" + n.raft + ")");
            }
        }
    }
}

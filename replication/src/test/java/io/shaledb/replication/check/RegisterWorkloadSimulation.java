package io.shaledb.replication.check;

import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.MemoryRaftStorage;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.raft.ProposalRejectedException;
import io.shaledb.replication.raft.RaftConfig;
import io.shaledb.replication.raft.RaftMessage;
import io.shaledb.replication.raft.RaftNode;
import io.shaledb.replication.raft.ReadState;
import io.shaledb.replication.raft.Ready;
import io.shaledb.replication.raft.Role;
import io.shaledb.replication.raft.Snapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Clients using a Raft group as a set of replicated registers, under a hostile network and
 * crashes, with every operation recorded in a {@link History} for the
 * {@link LinearizabilityChecker}.
 *
 * <p>One thread, one seed, a fake clock: events (ticks, deliveries, disk-write completions,
 * client actions, faults) sit in one queue ordered by (time, sequence), so a run replays exactly
 * from its {@link Options}. Each member is a {@link RaftNode} on a {@link MemoryRaftStorage};
 * its Ready is handled by the contract (after a simulated disk latency: persist, then send, then
 * install a received snapshot, apply committed entries and serve reads, then advance). Members
 * now and then snapshot their state machine and compact their logs, so members that fell behind
 * catch up by InstallSnapshot. A crash drops the member with whatever it had not yet persisted,
 * and its state machine (rebuilt on restart from its stored snapshot and log). The network
 * drops, duplicates, delays (hence reorders) and partitions messages.
 *
 * <p>The state machine maps keys to {@code Long} registers. Commands carry the operation's id.
 * A client's write or CAS completes when the member it asked applies the entry at the index its
 * proposal got (or installs a snapshot covering it): OK if that entry is its command (with the
 * CAS result computed by that member's {@link RegisterStateMachine}), FAILED if another entry
 * was committed there (the proposal was lost in a leader change: it can never be committed).
 * Reads go through ReadIndex and are served from the asked member's state machine once it has
 * applied up to the read index. A client that waits too long records UNKNOWN. The {@link Bug}
 * option plants a deliberate mistake the checker must catch (negative controls).
 */
final class RegisterWorkloadSimulation {
    /** A deliberate mistake in the application, for negative controls. */
    enum Bug {
        /** Reads use ReadIndex and wait for the apply; snapshots are faithful. */
        NONE,
        /** Reads skip ReadIndex: the asked member answers at once from its state machine. */
        LOCAL_READS,
        /** Restoring a snapshot forgets register {@code k1}. */
        SNAPSHOT_LOSES_KEY
    }

    /**
     * @param nodes    group size
     * @param seed     the only source of randomness
     * @param clients  concurrent sequential clients
     * @param keys     registers
     * @param duration simulated time with faults (a tick is 10 units); then faults heal and
     *                 clients run a while longer
     * @param snapshots whether members snapshot their state machine and compact their logs (so
     *                  lagging members catch up by InstallSnapshot)
     * @param bug      a planted mistake, {@link Bug#NONE} for the real thing
     */
    record Options(int nodes, long seed, int clients, int keys, long duration, boolean snapshots, Bug bug) {
        static Options of(int nodes, long seed) {
            return new Options(nodes, seed, 6, 2, 4_000, true, Bug.NONE);
        }

        Options withBug(Bug newBug) {
            return new Options(nodes, seed, clients, keys, duration, snapshots, newBug);
        }

        /** A line that reruns exactly this simulation. */
        String replay() {
            return "replay: new RegisterWorkloadSimulation(new RegisterWorkloadSimulation.Options(" + nodes + ", "
                    + seed + "L, " + clients + ", " + keys + ", " + duration + ", " + snapshots
                    + ", RegisterWorkloadSimulation.Bug." + bug + ")).run()"
                    + "  (e.g. in RegisterWorkloadTest.replayOneSeed)";
        }
    }

    /** What a run produced. */
    record Result(Options options, History history, CheckResult check, int okWrites, int okReads, int crashes,
                  int partitions, long maxTerm, int snapshotsTaken, int snapshotsInstalled) {
        /** One line: what the run did and the verdict. */
        String summary() {
            return "seed " + options.seed() + ", " + options.nodes() + " nodes, bug " + options.bug() + ": "
                    + history.summary() + ", ok writes " + okWrites + ", ok reads " + okReads + ", crashes " + crashes
                    + ", partitions " + partitions + ", max term " + maxTerm + ", snapshots taken " + snapshotsTaken
                    + ", installed " + snapshotsInstalled + " -> " + check.verdict();
        }

        /** For a failing assertion: the summary, the checker's explanation, the replay line. */
        String report() {
            return summary() + " (history times are simulated time x 1000)\n" + check.explain() + "\n"
                    + options.replay();
        }
    }

    private static final int TICK = 10;
    private static final int MAX_NET_DELAY = 25;
    private static final long CLIENT_TIMEOUT = 1_500;
    private static final long HEALED_CLIENT_TIME = 1_500;
    private static final long DRAIN_TIME = 2_000;
    private static final double DROP_RATE = 0.05;
    private static final double DUPLICATE_RATE = 0.02;

    private record Event(long time, long seq, Runnable action) {
    }

    /** A write or CAS waiting for its member to apply the index its proposal got. */
    private record PendingUpdate(int op, Client client, long index) {
    }

    /** A read waiting for its ReadState, then for its member to apply up to the read index. */
    private record PendingRead(int op, Client client, NodeId node, String key) {
    }

    private final class Member {
        final NodeId id;
        final MemoryRaftStorage storage = new MemoryRaftStorage();
        final RegisterStateMachine machine =
                new RegisterStateMachine(options.bug() == Bug.SNAPSHOT_LOSES_KEY ? "k1" : null);
        final Map<Long, List<PendingUpdate>> updatesByIndex = new HashMap<>(); // survives crashes
        final List<Map.Entry<Long, PendingRead>> readsWaitingForApply = new ArrayList<>();
        RaftNode raft;
        int incarnation;
        boolean busy;

        Member(NodeId id) {
            this.id = id;
        }

        void start() {
            raft = new RaftNode(RaftConfig.of(id, ids), storage, new SplittableRandom(random.nextLong()));
            incarnation++;
            busy = false;
            machine.restore(storage.snapshot());
            readsWaitingForApply.clear();
            resolveCoveredUpdates(this);
        }
    }

    private final class Client {
        final int id;
        NodeId guess;
        int pendingOp = -1;
        final Map<String, Long> lastSeen = new HashMap<>();

        Client(int id) {
            this.id = id;
            this.guess = ids.get(random.nextInt(ids.size()));
        }
    }

    private final Options options;
    private final SplittableRandom random;
    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private final List<NodeId> ids = new ArrayList<>();
    private final Map<NodeId, Member> members = new HashMap<>();
    private final Set<List<NodeId>> blocked = new HashSet<>();
    private final Map<String, PendingRead> readsByContext = new HashMap<>();
    private final History history = new History();
    private long now;
    private long seq;
    private long lastStamp;
    private long nextValue = 1;
    private boolean faultsActive = true;
    private boolean clientsActive = true;
    private int okWrites;
    private int snapshotsTaken;
    private int snapshotsInstalled;
    private int okReads;
    private int crashes;
    private int partitions;
    private long maxTerm;

    RegisterWorkloadSimulation(Options options) {
        if (options.nodes() < 1 || options.clients() < 1 || options.keys() < 1) {
            throw new IllegalArgumentException("need nodes, clients and keys >= 1: " + options);
        }
        this.options = options;
        this.random = new SplittableRandom(options.seed());
        for (int i = 1; i <= options.nodes(); i++) {
            ids.add(NodeId.of(i));
        }
        for (NodeId id : ids) {
            Member m = new Member(id);
            members.put(id, m);
            m.start();
            scheduleTick(m, 1 + random.nextInt(TICK), TICK - 2 + random.nextInt(5));
        }
        for (int c = 0; c < options.clients(); c++) {
            Client client = new Client(c);
            schedule(20 + random.nextInt(50), () -> nextOperation(client));
        }
        schedule(200 + random.nextInt(400), this::nemesis);
        schedule(options.duration(), this::healAll);
        schedule(options.duration() + HEALED_CLIENT_TIME, () -> clientsActive = false);
    }

    /** Runs the workload to the end and checks its history. */
    Result run() {
        long end = options.duration() + HEALED_CLIENT_TIME + DRAIN_TIME;
        while (!queue.isEmpty() && queue.peek().time <= end) {
            Event e = queue.poll();
            now = e.time;
            e.action.run();
            pumpReadies();
            for (Member m : members.values()) {
                if (m.raft != null) {
                    maxTerm = Math.max(maxTerm, m.raft.term());
                }
            }
        }
        CheckResult check = LinearizabilityChecker.forRegisters().check(history);
        return new Result(options, history, check, okWrites, okReads, crashes, partitions, maxTerm, snapshotsTaken,
                snapshotsInstalled);
    }

    /** History time: sim time in thousandths, strictly increasing so real-time order is exact. */
    private long stamp() {
        lastStamp = Math.max(lastStamp + 1, now * 1_000);
        return lastStamp;
    }

    private void schedule(long delay, Runnable action) {
        queue.add(new Event(now + delay, seq++, action));
    }

    private void scheduleTick(Member m, long delay, int period) {
        schedule(delay, () -> {
            if (m.raft != null) {
                m.raft.tick();
            }
            scheduleTick(m, period, period);
        });
    }

    // ---- the Ready contract ------------------------------------------------------------------

    private void pumpReadies() {
        for (NodeId id : ids) {
            Member m = members.get(id);
            if (m.raft == null || m.busy || !m.raft.hasReady()) {
                continue;
            }
            Ready r = m.raft.ready();
            m.busy = true;
            int incarnation = m.incarnation;
            schedule(1 + random.nextInt(4), () -> persisted(m, incarnation, r));
        }
    }

    private void persisted(Member m, int incarnation, Ready r) {
        if (m.incarnation != incarnation || m.raft == null) {
            return; // crashed before the write was durable: lost, and nothing was sent
        }
        if (r.snapshot() != null) {
            m.storage.applySnapshot(r.snapshot());
        }
        m.storage.append(r.entries());
        if (r.hardState() != null) {
            m.storage.setHardState(r.hardState());
        }
        for (RaftMessage msg : r.messages()) {
            send(msg);
        }
        if (r.snapshot() != null) {
            m.machine.restore(r.snapshot());
            snapshotsInstalled++;
            resolveCoveredUpdates(m);
        }
        for (LogEntry e : r.committedEntries()) {
            apply(m, e);
        }
        maybeSnapshot(m);
        for (ReadState rs : r.readStates()) {
            PendingRead read = readsByContext.remove(new String(rs.context(), StandardCharsets.UTF_8));
            if (read != null && read.node().equals(m.id) && history.isOpen(read.op())) {
                m.readsWaitingForApply.add(Map.entry(rs.index(), read));
            }
        }
        serveReads(m);
        m.raft.advance(r);
        m.busy = false;
    }

    private void apply(Member m, LogEntry e) {
        int op = m.machine.apply(e);
        List<PendingUpdate> waiting = m.updatesByIndex.remove(e.index());
        if (waiting != null) {
            for (PendingUpdate u : waiting) {
                resolve(u, u.op() == op, m.machine);
            }
        }
    }

    /**
     * Resolves the updates waiting on indexes a restored snapshot covers: the snapshot's results
     * table says whether each was the entry committed there.
     */
    private void resolveCoveredUpdates(Member m) {
        for (var it = m.updatesByIndex.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, List<PendingUpdate>> w = it.next();
            if (w.getKey() <= m.machine.applied()) {
                it.remove();
                for (PendingUpdate u : w.getValue()) {
                    resolve(u, m.machine.hasApplied(u.op()), m.machine);
                }
            }
        }
    }

    private void resolve(PendingUpdate u, boolean applied, RegisterStateMachine machine) {
        if (!history.isOpen(u.op())) {
            return; // timed out already
        }
        if (applied) {
            history.ok(u.op(), machine.result(u.op()), stamp());
            okWrites++;
        } else {
            history.fail(u.op(), stamp()); // another entry holds the index for good
        }
        finish(u.client(), u.op());
    }

    /** Now and then snapshots the state machine at its applied index and compacts the log. */
    private void maybeSnapshot(Member m) {
        if (!options.snapshots()) {
            return;
        }
        long applied = m.machine.applied();
        Snapshot current = m.storage.snapshot();
        int threshold = 8 + random.nextInt(24);
        if (applied - m.storage.firstIndex() + 1 < threshold || (current != null && applied <= current.index())
                || applied > m.storage.lastIndex()) {
            return;
        }
        m.storage.createSnapshot(applied, m.raft.membershipForSnapshot(), m.machine.snapshotData());
        m.storage.compact(applied - random.nextInt(6));
        snapshotsTaken++;
    }

    private void serveReads(Member m) {
        for (var it = m.readsWaitingForApply.iterator(); it.hasNext(); ) {
            Map.Entry<Long, PendingRead> w = it.next();
            if (m.machine.applied() >= w.getKey()) {
                it.remove();
                PendingRead read = w.getValue();
                if (history.isOpen(read.op())) {
                    completeRead(read.client(), read.op(), read.key(), m.machine.get(read.key()));
                }
            }
        }
    }

    private void completeRead(Client c, int op, String key, Long value) {
        history.ok(op, value, stamp());
        okReads++;
        c.lastSeen.put(key, value);
        finish(c, op);
    }

    private void send(RaftMessage msg) {
        if (random.nextDouble() < DROP_RATE) {
            return;
        }
        int copies = random.nextDouble() < DUPLICATE_RATE ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            schedule(1 + random.nextInt(MAX_NET_DELAY), () -> deliver(msg));
        }
    }

    private void deliver(RaftMessage msg) {
        Member to = members.get(msg.to());
        if (to.raft != null && !blocked.contains(List.of(msg.from(), msg.to()))) {
            to.raft.step(msg);
        }
    }

    // ---- clients ---------------------------------------------------------------------------

    private void finish(Client c, int op) {
        if (c.pendingOp == op) {
            c.pendingOp = -1;
            // Back off after a rejection so that clients do not spin while there is no leader.
            boolean rejected = history.operation(op).outcome() == Outcome.FAILED;
            int pause = rejected ? 10 + random.nextInt(40) : 1 + random.nextInt(20);
            schedule(pause, () -> nextOperation(c));
        }
    }

    private void nextOperation(Client c) {
        if (!clientsActive) {
            return;
        }
        String key = "k" + random.nextInt(options.keys());
        int dice = random.nextInt(100);
        if (dice < 45) {
            read(c, key);
        } else {
            boolean cas = dice >= 80;
            update(c, key, cas);
        }
    }

    private void read(Client c, String key) {
        NodeId target = random.nextBoolean() ? c.guess : ids.get(random.nextInt(ids.size()));
        Member m = members.get(target);
        if (m.raft == null) {
            retryLater(c); // cannot connect: nothing was sent
            return;
        }
        int op = history.invoke(c.id, key, OpKind.READ, null, null, stamp());
        c.pendingOp = op;
        if (options.bug() == Bug.LOCAL_READS) {
            completeRead(c, op, key, m.machine.get(key));
            return;
        }
        String context = "read " + op;
        try {
            m.raft.readIndex(context.getBytes(StandardCharsets.UTF_8));
        } catch (ProposalRejectedException e) {
            history.fail(op, stamp());
            c.guess = e.leaderHint().orElseGet(() -> ids.get(random.nextInt(ids.size())));
            finish(c, op);
            return;
        }
        readsByContext.put(context, new PendingRead(op, c, target, key));
        timeoutLater(c, op);
    }

    private void update(Client c, String key, boolean cas) {
        Member m = members.get(c.guess);
        if (m.raft == null) {
            c.guess = ids.get(random.nextInt(ids.size()));
            retryLater(c);
            return;
        }
        long value = nextValue++;
        Long expected = cas ? c.lastSeen.get(key) : null;
        int op = history.invoke(c.id, key, cas ? OpKind.CAS : OpKind.WRITE, value, expected, stamp());
        c.pendingOp = op;
        LogEntry entry;
        try {
            entry = m.raft.propose(RegisterStateMachine.command(op, cas, key, value, expected));
        } catch (ProposalRejectedException e) {
            history.fail(op, stamp());
            c.guess = e.leaderHint().orElseGet(() -> ids.get(random.nextInt(ids.size())));
            finish(c, op);
            return;
        }
        m.updatesByIndex.computeIfAbsent(entry.index(), i -> new ArrayList<>())
                .add(new PendingUpdate(op, c, entry.index()));
        timeoutLater(c, op);
    }

    private void retryLater(Client c) {
        schedule(5 + random.nextInt(20), () -> nextOperation(c));
    }

    private void timeoutLater(Client c, int op) {
        schedule(CLIENT_TIMEOUT, () -> {
            if (history.isOpen(op)) {
                history.timeout(op);
                c.guess = ids.get(random.nextInt(ids.size()));
                finish(c, op);
            }
        });
    }

    // ---- faults ----------------------------------------------------------------------------

    private void nemesis() {
        if (!faultsActive) {
            return;
        }
        switch (random.nextInt(8)) {
            case 0, 1 -> partitionHalves();
            case 2 -> isolate(victim());
            case 3 -> blocked.clear();
            case 4, 5 -> crashAndLaterRestart(victim());
            case 6 -> transferLeadership();
            default -> {
                blocked.clear();
                crashAndLaterRestart(victim());
            }
        }
        schedule(150 + random.nextInt(600), this::nemesis);
    }

    /** The current leader half of the time, else any member. */
    private NodeId victim() {
        if (random.nextBoolean()) {
            for (NodeId id : ids) {
                Member m = members.get(id);
                if (m.raft != null && m.raft.role() == Role.LEADER) {
                    return id;
                }
            }
        }
        return ids.get(random.nextInt(ids.size()));
    }

    private void partitionHalves() {
        blocked.clear();
        List<NodeId> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
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

    private void isolate(NodeId id) {
        for (NodeId other : ids) {
            if (!other.equals(id)) {
                blocked.add(List.of(id, other));
                blocked.add(List.of(other, id));
            }
        }
        partitions++;
    }

    private void crashAndLaterRestart(NodeId id) {
        Member m = members.get(id);
        if (m.raft == null) {
            return;
        }
        m.raft = null;
        m.busy = false;
        crashes++;
        schedule(50 + random.nextInt(500), () -> {
            if (m.raft == null) {
                m.start();
            }
        });
    }

    private void transferLeadership() {
        for (NodeId id : ids) {
            Member m = members.get(id);
            if (m.raft != null && m.raft.role() == Role.LEADER) {
                m.raft.transferLeadership(ids.get(random.nextInt(ids.size())));
                return;
            }
        }
    }

    private void healAll() {
        faultsActive = false;
        blocked.clear();
        for (Member m : members.values()) {
            if (m.raft == null) {
                m.start();
            }
        }
    }
}

package io.shaledb.replication.check;

import io.shaledb.replication.raft.EntryType;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * apply committed entries and serve reads, then advance). A crash drops the member with whatever
 * it had not yet persisted, and its state machine (rebuilt on restart by re-applying the log).
 * The network drops, duplicates, delays (hence reorders) and partitions messages.
 *
 * <p>The state machine maps keys to {@code Long} registers. Commands carry the operation's id.
 * A client's write or CAS completes when the member it asked applies the entry at the index its
 * proposal got: OK if that entry is its command (with the CAS result computed by that member's
 * state machine), FAILED if another entry was committed there (the proposal was lost in a leader
 * change: it can never be committed). Reads go through ReadIndex and are served from the asked
 * member's state machine once it has applied up to the read index. A client that waits too long
 * records UNKNOWN. {@link ReadPath#LOCAL_UNSAFE} instead answers reads at once from whatever
 * member the client asked: the negative control the checker must catch.
 */
final class RegisterWorkloadSimulation {
    /** How clients read. */
    enum ReadPath {
        /** ReadIndex, then read once applied up to the read index (linearizable). */
        READ_INDEX,
        /** Read the asked member's state machine immediately (stale reads possible). */
        LOCAL_UNSAFE
    }

    /**
     * @param nodes    group size
     * @param seed     the only source of randomness
     * @param clients  concurrent sequential clients
     * @param keys     registers
     * @param duration simulated time with faults (a tick is 10 units); then faults heal and
     *                 clients run a while longer
     * @param readPath how reads are served
     */
    record Options(int nodes, long seed, int clients, int keys, long duration, ReadPath readPath) {
        static Options of(int nodes, long seed) {
            return new Options(nodes, seed, 6, 2, 4_000, ReadPath.READ_INDEX);
        }

        Options withReadPath(ReadPath path) {
            return new Options(nodes, seed, clients, keys, duration, path);
        }

        /** A line that reruns exactly this simulation. */
        String replay() {
            return "replay: new RegisterWorkloadSimulation(new RegisterWorkloadSimulation.Options(" + nodes + ", " + seed
                    + "L, " + clients + ", " + keys + ", " + duration + ", RegisterWorkloadSimulation.ReadPath." + readPath
                    + ")).run()  (e.g. in RegisterWorkloadTest.replayOneSeed)";
        }
    }

    /** What a run produced. */
    record Result(Options options, History history, CheckResult check, int okWrites, int okReads, int crashes,
                  int partitions, long maxTerm) {
        /** One line: what the run did and the verdict. */
        String summary() {
            return "seed " + options.seed() + ", " + options.nodes() + " nodes, reads " + options.readPath() + ": "
                    + history.summary() + ", ok writes " + okWrites + ", ok reads " + okReads + ", crashes " + crashes
                    + ", partitions " + partitions + ", max term " + maxTerm + " -> " + check.verdict();
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
        final Map<String, Long> registers = new HashMap<>();
        final Map<Long, List<PendingUpdate>> updatesByIndex = new HashMap<>(); // survives crashes
        final List<Map.Entry<Long, PendingRead>> readsWaitingForApply = new ArrayList<>();
        RaftNode raft;
        int incarnation;
        boolean busy;
        long applied;

        Member(NodeId id) {
            this.id = id;
        }

        void start() {
            raft = new RaftNode(RaftConfig.of(id, ids), storage, new SplittableRandom(random.nextLong()));
            incarnation++;
            busy = false;
            applied = 0;
            registers.clear();
            readsWaitingForApply.clear();
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
        return new Result(options, history, check, okWrites, okReads, crashes, partitions, maxTerm);
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
        m.storage.append(r.entries());
        if (r.hardState() != null) {
            m.storage.setHardState(r.hardState());
        }
        for (RaftMessage msg : r.messages()) {
            send(msg);
        }
        for (LogEntry e : r.committedEntries()) {
            apply(m, e);
        }
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
        m.applied = e.index();
        Long result = null;
        int op = -1;
        if (e.type() == EntryType.COMMAND) {
            String[] f = new String(e.data(), StandardCharsets.UTF_8).split(" ");
            op = Integer.parseInt(f[0]);
            String key = f[2];
            long value = Long.parseLong(f[3]);
            if (f[1].equals("W")) {
                m.registers.put(key, value);
            } else {
                Long expected = f[4].equals("-") ? null : Long.valueOf(f[4]);
                boolean swaps = Objects.equals(m.registers.get(key), expected);
                if (swaps) {
                    m.registers.put(key, value);
                }
                result = swaps ? 1L : 0L;
            }
        }
        List<PendingUpdate> waiting = m.updatesByIndex.remove(e.index());
        if (waiting == null) {
            return;
        }
        for (PendingUpdate u : waiting) {
            if (!history.isOpen(u.op())) {
                continue; // timed out already
            }
            if (u.op() == op) {
                history.ok(u.op(), result, stamp());
                okWrites++;
            } else {
                history.fail(u.op(), stamp()); // another entry holds the index for good
            }
            finish(u.client(), u.op());
        }
    }

    private void serveReads(Member m) {
        for (var it = m.readsWaitingForApply.iterator(); it.hasNext(); ) {
            Map.Entry<Long, PendingRead> w = it.next();
            if (m.applied >= w.getKey()) {
                it.remove();
                PendingRead read = w.getValue();
                if (history.isOpen(read.op())) {
                    completeRead(read.client(), read.op(), read.key(), m.registers.get(read.key()));
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
        if (options.readPath() == ReadPath.LOCAL_UNSAFE) {
            completeRead(c, op, key, m.registers.get(key));
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
        String command = op + " " + (cas ? "C" : "W") + " " + key + " " + value + " " + (expected == null ? "-" : expected);
        LogEntry entry;
        try {
            entry = m.raft.propose(command.getBytes(StandardCharsets.UTF_8));
        } catch (ProposalRejectedException e) {
            history.fail(op, stamp());
            c.guess = e.leaderHint().orElseGet(() -> ids.get(random.nextInt(ids.size())));
            finish(c, op);
            return;
        }
        m.updatesByIndex.computeIfAbsent(entry.index(), i -> new ArrayList<>()).add(new PendingUpdate(op, c, entry.index()));
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

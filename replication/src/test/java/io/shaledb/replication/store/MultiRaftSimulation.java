package io.shaledb.replication.store;

import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineOptions;
import io.shaledb.replication.RangeId;
import io.shaledb.replication.check.CheckResult;
import io.shaledb.replication.check.History;
import io.shaledb.replication.check.LinearizabilityChecker;
import io.shaledb.replication.check.OpKind;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.storage.RocksRaftStorage;
import io.shaledb.replication.transport.FaultRates;
import io.shaledb.replication.transport.InMemoryTransport;
import io.shaledb.replication.transport.NetworkFaults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A deterministic simulation of many Raft groups on several real {@link Store}s: one thread, one
 * seed, a fake millisecond clock. Each node is a Store with a {@link DeterministicScheduler} and a
 * RocksDB engine in its own directory; all talk over one deterministic {@link InMemoryTransport}.
 * Events (store ticks, client writes and ReadIndex reads, leader transfers, crashes and restarts,
 * partitions, loss/duplication/delay rates) sit in one priority queue ordered by (time, sequence);
 * network deliveries interleave by due time. The same {@link Options} replay exactly.
 *
 * <p>After <b>every</b> event, with every scheduler run until idle, {@link MultiRaftInvariants}
 * checks per group: at most one leader per term; committed entries never change and agree across
 * replicas; commit and applied never go backwards within a store incarnation; every acknowledged
 * write is in the persisted logs of a majority of the group. At the end all faults heal, the run
 * settles, every replica of every group must have applied the same sequence, and each group's
 * register history must be linearizable.
 *
 * <p>Per-event checking costs about a fifth of a run's time (only replicas whose status changed
 * are looked at). Counters in the {@link Summary} say which faults a seed hit. Long sweeps:
 * {@link MultiRaftSimulationStats}.
 *
 * <p>A crash closes the store and its engine and reopens both from disk later. Engines run with
 * unsynced writes (a clean process-level close keeps them); loss of unsynced writes on power
 * failure is the single-group simulation's business.
 */
final class MultiRaftSimulation {
    static final long TICK_MS = 10;
    private static final long OP_TIMEOUT_MS = 1_500;
    private static final long SETTLE_LIMIT_MS = 60_000;
    private static final EngineOptions ENGINE = new EngineOptions(false, 4L << 20);
    private static final FaultRates CALM = FaultRates.NONE.withDelay(1, 4);
    private static final FaultRates LOSSY = new FaultRates(0.05, 0.05, 0.03, 1, 30);

    /**
     * @param nodes       stores (3 or more)
     * @param groups      Raft groups, each on 3 stores
     * @param seed        the only source of randomness
     * @param durationMs  simulated time with faults and load, before the final settle
     * @param quiesce     let idle groups quiesce ({@link StoreConfig#quiesce()})
     * @param bug         a planted client-side bug for negative controls, {@link Bug#NONE} normally
     */
    /** Planted bugs in the simulation's clients; each must make a run fail. */
    enum Bug {
        NONE,
        /** Reads are served from a random replica's state machine without ReadIndex (not linearizable). */
        STALE_READS,
        /**
         * A write is acknowledged as soon as its entry is in the proposer's persisted log, before
         * it commits (caught by the quorum-durability check).
         */
        EARLY_ACKS
    }

    record Options(int nodes, int groups, long seed, long durationMs, boolean quiesce, Bug bug) {
        Options {
            if (nodes < 3 || groups < 1 || durationMs < 0) {
                throw new IllegalArgumentException("need nodes >= 3, groups >= 1: " + nodes + ", " + groups);
            }
        }

        static Options of(int nodes, long seed) {
            return new Options(nodes, nodes == 3 ? 20 : 30, seed, 5_000, true, Bug.NONE);
        }

        String replay() {
            return "replay: mvn -o -q -B -pl replication -am test -Dtest='MultiRaftSimulationTest#replay' "
                    + "-Dsurefire.failIfNoSpecifiedTests=false -Dmsim.replay=" + nodes + "," + groups + "," + seed
                    + "," + durationMs + "," + quiesce + "," + bug
                    + "   (or: java ... io.shaledb.replication.store.MultiRaftSimulationStats " + nodes + " " + seed
                    + " " + seed + " " + durationMs + " " + groups + " " + quiesce + ")";
        }
    }

    /** What a run did. */
    record Summary(Options options, long events, long simulatedMs, long wallMs, long storeMs, long checkMs,
                   Map<String, Long> counts, String linearizability) {
        @Override
        public String toString() {
            return "nodes=" + options.nodes() + " groups=" + options.groups() + " seed=" + options.seed()
                    + " quiesce=" + options.quiesce() + " events=" + events + " simMs=" + simulatedMs
                    + " wallMs=" + wallMs + " (stores " + storeMs + ", checks " + checkMs + ") " + counts
                    + " lin=" + linearizability;
        }
    }

    private record Event(long time, long seq, String kind, Runnable action) {
    }

    private final Options options;
    private final Path root;
    private final SplittableRandom random;
    private final NetworkFaults faults = new NetworkFaults(CALM);
    private final InMemoryTransport network;
    private final StoreConfig config;
    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private long seq;
    private long now;
    private long events;
    private long storeNanos;
    private long checkNanos;
    private final Map<String, Long> counts = new TreeMap<>();

    final List<NodeId> ids = new ArrayList<>();
    final List<RangeId> ranges = new ArrayList<>();
    final Map<RangeId, Membership> memberships = new HashMap<>();
    final Map<NodeId, Store> stores = new TreeMap<>();
    private final Map<NodeId, Engine> engines = new TreeMap<>();
    private final Map<NodeId, DeterministicScheduler> schedulers = new TreeMap<>();
    final Map<NodeId, Map<RangeId, SimRegisterMachine>> machines = new HashMap<>();
    /** Incarnation per node, bumped by every restart (drops stale tick events). */
    private final Map<NodeId, Integer> incarnation = new HashMap<>();
    private final MultiRaftInvariants invariants;

    final History history = new History();
    private int nextClient;
    private long nextValue = 1;
    private final Map<RangeId, Integer> outstanding = new HashMap<>();
    private final List<EarlyAck> earlyAcks = new ArrayList<>();
    private boolean loadOn = true;
    private boolean partitioned;

    MultiRaftSimulation(Options options, Path root) {
        this.options = options;
        this.root = root;
        this.random = new SplittableRandom(options.seed());
        this.network = InMemoryTransport.deterministic(new SplittableRandom(options.seed() ^ 0x5DEECE66DL), faults);
        this.config = StoreConfig.defaults().withRandomSeed(options.seed()).withQuiesce(options.quiesce());
        this.invariants = new MultiRaftInvariants(this);
    }

    /**
     * Runs the whole simulation.
     *
     * @throws AssertionError naming the seed and how to replay it if an invariant breaks, the
     *                        cluster does not settle, or a history is not linearizable
     */
    Summary run() {
        long start = System.nanoTime();
        try {
            setUp();
            loop(options.durationMs());
            String lin = finish();
            return new Summary(options, events, now, (System.nanoTime() - start) / 1_000_000,
                    storeNanos / 1_000_000, checkNanos / 1_000_000, Collections.unmodifiableMap(new TreeMap<>(counts)), lin);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("multi-raft simulation failed: nodes=" + options.nodes() + " groups="
                    + options.groups() + " seed=" + options.seed() + " at t=" + now + "ms after " + events
                    + " events: " + e.getMessage() + "\n  " + options.replay(), e);
        } finally {
            closeAll();
        }
    }

    // ---- setup ------------------------------------------------------------------------------

    private void setUp() {
        for (int i = 1; i <= options.nodes(); i++) {
            NodeId id = NodeId.of(i);
            ids.add(id);
            incarnation.put(id, 0);
            start(id);
        }
        for (int g = 1; g <= options.groups(); g++) {
            RangeId range = RangeId.of(g);
            List<NodeId> shuffled = new ArrayList<>(ids);
            shuffle(shuffled);
            Membership m = Membership.ofVoters(shuffled.subList(0, 3));
            ranges.add(range);
            memberships.put(range, m);
            outstanding.put(range, 0);
            for (NodeId n : m.voters()) {
                stores.get(n).createReplica(range, m);
            }
        }
        for (NodeId id : ids) {
            schedule(random.nextLong(TICK_MS), "tick", tickAction(id, incarnation.get(id)));
        }
        schedule(50, "client", this::clientOp);
        schedule(200 + random.nextLong(300), "transfer", this::transfer);
        schedule(500 + random.nextLong(1_000), "nemesis", this::nemesis);
        schedule(300 + random.nextLong(1_000), "rates", this::changeRates);
    }

    private void start(NodeId id) {
        Engine engine = Engine.open(root.resolve("n" + id.value()), ENGINE);
        DeterministicScheduler scheduler = new DeterministicScheduler();
        Map<RangeId, SimRegisterMachine> sms = new HashMap<>();
        machines.put(id, sms);
        ReplicaStateMachine.Factory factory = range -> {
            SimRegisterMachine sm = new SimRegisterMachine();
            sms.put(range, sm);
            return sm;
        };
        engines.put(id, engine);
        schedulers.put(id, scheduler);
        stores.put(id, Store.open(id, engine, network.endpoint(id), scheduler, factory, config));
    }

    private void crash(NodeId id) {
        invariants.recordCrash(id, stores.get(id));
        stores.remove(id).close();
        schedulers.remove(id);
        machines.remove(id);
        engines.remove(id).close();
        incarnation.merge(id, 1, Integer::sum);
        count("crash");
    }

    private void restart(NodeId id) {
        if (stores.containsKey(id)) {
            return;
        }
        incarnation.merge(id, 1, Integer::sum);
        start(id);
        invariants.recordRestart(id);
        schedule(random.nextLong(TICK_MS) + 1, "tick", tickAction(id, incarnation.get(id)));
        count("restart");
    }

    // ---- the event loop ---------------------------------------------------------------------

    private void schedule(long delay, String kind, Runnable action) {
        queue.add(new Event(now + delay, seq++, kind, action));
    }

    private void loop(long until) {
        while (true) {
            Event next = queue.peek();
            OptionalLong due = network.nextDueTime();
            long t = next == null ? Long.MAX_VALUE : next.time;
            boolean deliver = due.isPresent() && due.getAsLong() <= t;
            if (deliver) {
                t = due.getAsLong();
            }
            if (t > until) {
                now = Math.max(now, until);
                return;
            }
            now = Math.max(now, t);
            if (deliver) {
                network.advanceTo(now);
                count("deliveries");
            } else {
                queue.poll();
                network.advanceTo(now);
                next.action.run();
            }
            events++;
            long t0 = System.nanoTime();
            runSchedulers();
            if (!earlyAcks.isEmpty()) {
                ackEarly();
            }
            long t1 = System.nanoTime();
            invariants.check();
            storeNanos += t1 - t0;
            checkNanos += System.nanoTime() - t1;
        }
    }

    private void runSchedulers() {
        boolean progress = true;
        for (int round = 0; progress; round++) {
            if (round > 10_000) {
                throw new AssertionError("the schedulers do not go idle");
            }
            progress = false;
            for (DeterministicScheduler d : List.copyOf(schedulers.values())) {
                progress |= d.runUntilIdle() > 0;
            }
        }
    }

    private Runnable tickAction(NodeId id, int inc) {
        return () -> {
            if (!incarnation.get(id).equals(inc) || !stores.containsKey(id)) {
                return; // crashed meanwhile; a restart schedules new ticks
            }
            stores.get(id).tick();
            schedule(TICK_MS, "tick", tickAction(id, inc));
        };
    }

    // ---- clients ----------------------------------------------------------------------------

    private void clientOp() {
        if (!loadOn) {
            return;
        }
        schedule(1 + random.nextLong(4), "client", this::clientOp);
        RangeId range = ranges.get(random.nextInt(ranges.size()));
        if (outstanding.get(range) >= 2) {
            return;
        }
        if (random.nextBoolean()) {
            write(range);
        } else {
            read(range);
        }
    }

    private String key(RangeId range) {
        return "g" + range.value();
    }

    /** The store a client sends to: the live replica leading in the highest term, else a random live member. */
    private Optional<NodeId> target(RangeId range) {
        NodeId best = null;
        long bestTerm = -1;
        List<NodeId> live = new ArrayList<>();
        for (NodeId n : memberships.get(range).voters()) {
            Store s = stores.get(n);
            if (s == null) {
                continue;
            }
            live.add(n);
            Optional<Replica> r = s.replica(range);
            if (r.isPresent() && r.get().status().isLeader() && r.get().status().term() > bestTerm) {
                best = n;
                bestTerm = r.get().status().term();
            }
        }
        if (best == null && !live.isEmpty()) {
            best = live.get(random.nextInt(live.size()));
        }
        return Optional.ofNullable(best);
    }

    private void write(RangeId range) {
        long value = nextValue++;
        int client = nextClient++;
        int id = history.invoke(client, key(range), OpKind.WRITE, value, null, now);
        Optional<NodeId> target = target(range);
        if (target.isEmpty()) {
            history.fail(id, now);
            count("writeNoTarget");
            return;
        }
        NodeId node = target.get();
        begin(range);
        if (options.bug() == Bug.EARLY_ACKS) {
            earlyAcks.add(new EarlyAck(range, node, id, storage(node, range).orElseThrow().lastIndex() + 1));
        }
        CompletableFuture<byte[]> f = stores.get(node).propose(range, SimRegisterMachine.command(id, value));
        f.whenComplete((result, ex) -> {
            if (!history.isOpen(id)) {
                return;
            }
            end(range);
            Throwable cause = ex instanceof CompletionException && ex.getCause() != null ? ex.getCause() : ex;
            if (cause == null) {
                history.ok(id, null, now);
                invariants.acknowledged(range, node, SimRegisterMachine.indexOf(result), id);
                count("writeOk");
            } else if (cause instanceof NotLeaderException || cause instanceof ProposalSupersededException) {
                history.fail(id, now);
                count("writeFailed");
            } else {
                history.timeout(id);
                count("writeUnknown");
            }
        });
        timeout(range, id);
    }

    private void read(RangeId range) {
        int client = nextClient++;
        int id = history.invoke(client, key(range), OpKind.READ, null, null, now);
        if (options.bug() == Bug.STALE_READS) { // the planted bug: a local read without ReadIndex
            List<NodeId> live = memberships.get(range).voters().stream().filter(stores::containsKey).toList();
            if (live.isEmpty()) {
                history.fail(id, now);
                return;
            }
            NodeId n = live.get(random.nextInt(live.size()));
            history.ok(id, machines.get(n).get(range).value(), now);
            count("readOk");
            return;
        }
        Optional<NodeId> target = target(range);
        if (target.isEmpty()) {
            history.fail(id, now);
            count("readNoTarget");
            return;
        }
        NodeId node = target.get();
        Map<RangeId, SimRegisterMachine> sms = machines.get(node);
        begin(range);
        stores.get(node).readIndex(range).whenComplete((index, ex) -> {
            if (!history.isOpen(id)) {
                return;
            }
            end(range);
            if (ex == null) {
                history.ok(id, sms.get(range).value(), now);
                count("readOk");
            } else {
                history.fail(id, now);
                count("readFailed");
            }
        });
        timeout(range, id);
    }

    private record EarlyAck(RangeId range, NodeId node, int op, long from) {
    }

    /** {@link Bug#EARLY_ACKS}: acknowledges writes whose entry the proposer has persisted. */
    private void ackEarly() {
        for (var it = earlyAcks.iterator(); it.hasNext(); ) {
            EarlyAck a = it.next();
            Optional<RocksRaftStorage> s = storage(a.node(), a.range());
            if (!history.isOpen(a.op()) || s.isEmpty()) {
                it.remove();
                continue;
            }
            long last = s.get().lastIndex();
            if (last < a.from()) {
                continue;
            }
            for (LogEntry e : s.get().entries(a.from(), last + 1)) {
                String text = new String(e.data(), java.nio.charset.StandardCharsets.UTF_8);
                if (text.startsWith(a.op() + " ")) {
                    end(a.range());
                    history.ok(a.op(), null, now);
                    invariants.acknowledged(a.range(), a.node(), e.index(), a.op());
                    it.remove();
                    break;
                }
            }
        }
    }

    private void begin(RangeId range) {
        outstanding.merge(range, 1, Integer::sum);
    }

    private void end(RangeId range) {
        outstanding.merge(range, -1, Integer::sum);
    }

    private void timeout(RangeId range, int id) {
        schedule(OP_TIMEOUT_MS, "timeout", () -> {
            if (history.isOpen(id)) {
                history.timeout(id);
                end(range);
                count("timeouts");
            }
        });
    }

    // ---- nemesis ----------------------------------------------------------------------------

    private void transfer() {
        schedule(100 + random.nextLong(400), "transfer", this::transfer);
        RangeId range = ranges.get(random.nextInt(ranges.size()));
        for (NodeId n : memberships.get(range).voters()) {
            Store s = stores.get(n);
            if (s != null && s.replica(range).map(r -> r.status().isLeader()).orElse(false)) {
                List<NodeId> others = memberships.get(range).voters().stream().filter(v -> !v.equals(n)).toList();
                s.transferLeadership(range, others.get(random.nextInt(others.size())));
                count("transfer");
                return;
            }
        }
    }

    private void changeRates() {
        schedule(500 + random.nextLong(1_500), "rates", this::changeRates);
        boolean lossy = random.nextInt(3) == 0;
        faults.setRates(lossy ? LOSSY : CALM);
        if (lossy) {
            count("lossyPeriods");
        }
    }

    private void nemesis() {
        schedule(300 + random.nextLong(1_200), "nemesis", this::nemesis);
        int maxDown = (options.nodes() - 1) / 2;
        List<NodeId> up = ids.stream().filter(stores::containsKey).toList();
        int choice = random.nextInt(8);
        if (choice <= 1 && ids.size() - up.size() < maxDown) {
            NodeId victim = up.get(random.nextInt(up.size()));
            crash(victim);
            schedule(200 + random.nextLong(1_500), "restart", () -> restart(victim));
        } else if (choice <= 5 && !partitioned) {
            partition(random.nextInt(5));
            partitioned = true;
            schedule(200 + random.nextLong(1_500), "heal", () -> {
                faults.healAll();
                partitioned = false;
                count("heal");
            });
        }
    }

    private void partition(int kind) {
        List<NodeId> order = new ArrayList<>(ids);
        shuffle(order);
        int n = order.size();
        switch (kind) {
            case 0 -> {
                faults.split(order.subList(0, n / 2), order.subList(n / 2, n));
                count("partitionHalves");
            }
            case 1 -> { // every node reaches only its ring neighbours: each sees a majority of 3 (5 nodes)
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        int d = Math.min(j - i, n - (j - i));
                        if (d > 1) {
                            faults.cutBoth(order.get(i), order.get(j));
                        }
                    }
                }
                count("partitionRing");
            }
            case 2 -> {
                int left = (n - 1) / 2;
                faults.bridge(order.subList(0, left), order.get(left), order.subList(left + 1, n));
                count("partitionBridge");
            }
            case 3 -> {
                faults.isolate(order.get(0));
                count("partitionIsolate");
            }
            default -> {
                faults.cut(order.get(0), order.get(1));
                if (random.nextBoolean()) {
                    faults.cut(order.get(2), order.get(0));
                }
                count("partitionOneWay");
            }
        }
    }

    // ---- the end ----------------------------------------------------------------------------

    private String finish() {
        loadOn = false;
        faults.healAll();
        faults.setRates(CALM);
        for (NodeId id : ids) {
            restart(id);
        }
        queue.removeIf(e -> e.kind.equals("nemesis") || e.kind.equals("rates") || e.kind.equals("transfer")
                || e.kind.equals("restart") || e.kind.equals("heal"));
        long deadline = now + SETTLE_LIMIT_MS;
        while (!invariants.settled()) {
            if (now >= deadline) {
                throw new AssertionError("no convergence " + SETTLE_LIMIT_MS + "ms after healing: "
                        + invariants.unsettledReport());
            }
            loop(now + 100);
        }
        invariants.checkFinal();
        CheckResult result = LinearizabilityChecker.forRegisters().check(history);
        if (!result.isLinearizable()) {
            throw new AssertionError("history of " + history.size() + " operations (" + history.summary() + "): "
                    + result.explain());
        }
        counts.put("elections", (long) invariants.leaderTerms());
        InMemoryTransport.Stats ns = network.stats();
        counts.put("netDropped", ns.dropped());
        counts.put("netDuplicated", ns.duplicated());
        counts.put("netBlocked", ns.blocked());
        counts.put("netMessagesDropped", ns.messagesDropped());
        return result.verdict() + " " + history.summary();
    }

    private void closeAll() {
        for (NodeId id : List.copyOf(stores.keySet())) {
            try {
                stores.remove(id).close();
            } finally {
                Engine e = engines.remove(id);
                if (e != null) {
                    e.close();
                }
            }
        }
        network.close();
    }

    // ---- small things -----------------------------------------------------------------------

    private void count(String what) {
        counts.merge(what, 1L, Long::sum);
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    /** The persisted storage of {@code range}'s replica on live store {@code node}, if any. */
    Optional<RocksRaftStorage> storage(NodeId node, RangeId range) {
        Store s = stores.get(node);
        return s == null ? Optional.empty() : s.replica(range).map(r -> r.storage);
    }
}

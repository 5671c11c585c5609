package io.shaledb.replication.store;

import io.shaledb.kv.storage.ColumnFamily;
import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineOptions;
import io.shaledb.kv.storage.UnsyncedWriteJournal;
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
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A deterministic simulation of many Raft groups on several real {@link Store}s: one thread, one
 * seed, a fake millisecond clock. Each node is a Store with a {@link DeterministicScheduler} and a
 * RocksDB engine in its own directory; all talk over one deterministic {@link InMemoryTransport}.
 * Events (store ticks, client writes and ReadIndex reads from {@link MultiRaftClients}; leader
 * transfers, crashes and restarts, partitions, loss/duplication/delay rates and replica moves
 * from {@link MultiRaftNemesis}) sit in one priority queue ordered by (time, sequence); network
 * deliveries interleave by due time. The same {@link Options} replay exactly.
 *
 * <p>Stores snapshot every {@link #SNAPSHOT_ENTRIES} applied entries and keep
 * {@link #SNAPSHOT_KEEP_TAIL} below, so replicas that were down, cut off or just added catch up
 * by InstallSnapshot. Groups start on 3 random stores; with more than 3 stores the nemesis moves
 * replicas between stores (learner, voter, removal of an old member) while the load runs.
 *
 * <p>After <b>every</b> event, with every scheduler run until idle, {@link MultiRaftInvariants}
 * checks per group: at most one leader per term; committed entries never change and agree across
 * replicas (over the uncompacted part of each log); snapshots sit at the log start; commit and
 * applied never go backwards within a replica incarnation; every acknowledged write is durable
 * on a quorum of the membership in force. At the end all faults heal, moves finish, the run
 * settles, every final member of every group must have applied the same sequence, and each
 * group's register history must be linearizable.
 *
 * <p>Per-event checking costs about a fifth of a run's time (only replicas whose status changed
 * are looked at). Counters in the {@link Summary} say which faults a seed hit (snapshots taken
 * and installed, moves done, ...). Long sweeps: {@link MultiRaftSimulationStats}.
 *
 * <p>A crash is usually a power failure: every engine is opened with an {@link
 * UnsyncedWriteJournal}, and a crash keeps a random prefix (from the seed) of the batches written
 * since the store's last synced write, loses the rest, then closes the store and engine; a
 * restart reopens both from disk. A crash strikes between two processing passes of its store,
 * up to {@link #MAX_PASSES_BEFORE_CRASH} passes after the nemesis decided it. One crash in
 * {@link #CLEAN_CLOSE_ONE_IN} is a clean process exit that keeps everything. Engines run with
 * unsynced RocksDB writes for speed; the journal still counts the requested sync flag as the
 * durability point, so the quorum-durability check judges acknowledged writes by synced state
 * ({@link MultiRaftInvariants}). The summary counts power failures, the unsynced batches pending
 * at them and those they lost. (The store syncs every pass that appends entries or changes a
 * term or vote, so little is pending at a crash: commit indexes, snapshots and compactions.)
 */
final class MultiRaftSimulation {
    static final long TICK_MS = 10;
    /** Small snapshot thresholds so that lagging replicas catch up by InstallSnapshot. */
    static final long SNAPSHOT_ENTRIES = 20;
    static final long SNAPSHOT_KEEP_TAIL = 5;
    private static final long SETTLE_LIMIT_MS = 60_000;
    private static final EngineOptions ENGINE = new EngineOptions(false, 4L << 20);
    /** One crash in this many is a clean close (no write lost) instead of a power failure. */
    static final int CLEAN_CLOSE_ONE_IN = 5;
    /** A crash strikes after 0 to this many more processing passes of its store. */
    static final int MAX_PASSES_BEFORE_CRASH = 30;
    /** A crash waiting for passes strikes anyway this long after it was decided. */
    private static final long CRASH_WAIT_LIMIT_MS = 100;

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
        EARLY_ACKS,
        /**
         * Not a client bug but a storage fault: writes touching the Raft column family are never
         * synced (as if the store's log writer did not sync), so members acknowledge entries a
         * power failure loses (caught by the quorum-durability check).
         */
        UNSYNCED_LOG,
        /**
         * {@link #UNSYNCED_LOG}, with acknowledgements judged by the logs the storage published
         * (unsynced writes included), so that only the power failures themselves can reveal it.
         */
        UNSYNCED_LOG_CRASHES_ONLY;

        boolean unsyncedLog() {
            return this == UNSYNCED_LOG || this == UNSYNCED_LOG_CRASHES_ONLY;
        }
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
                    + " " + seed + " " + durationMs + " " + groups + " " + quiesce
                    + (bug == Bug.NONE ? "" : " " + bug) + ")";
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

    private static final class PendingCrash {
        int passesLeft;
        final long restartDelay;

        PendingCrash(int passesLeft, long restartDelay) {
            this.passesLeft = passesLeft;
            this.restartDelay = restartDelay;
        }
    }

    final Options options;
    private final Path root;
    final SplittableRandom random;
    /** Chooses clean closes and how many unsynced batches power failures keep (apart from {@link #random}). */
    private final SplittableRandom powerRandom;
    final NetworkFaults faults = new NetworkFaults(MultiRaftNemesis.CALM);
    private final InMemoryTransport network;
    private final StoreConfig config;
    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private long seq;
    long now;
    private long events;
    private long storeNanos;
    private long checkNanos;
    private final Map<String, Long> counts = new TreeMap<>();

    final List<NodeId> ids = new ArrayList<>();
    final List<RangeId> ranges = new ArrayList<>();
    /** Each group's membership at creation. */
    final Map<RangeId, Membership> initialMemberships = new HashMap<>();
    final Map<NodeId, Store> stores = new TreeMap<>();
    private final Map<NodeId, Engine> engines = new TreeMap<>();
    private final Map<NodeId, DeterministicScheduler> schedulers = new TreeMap<>();
    final Map<NodeId, Map<RangeId, SimRegisterMachine>> machines = new HashMap<>();
    /** Crashes decided but waiting for more passes of their store. */
    private final Map<NodeId, PendingCrash> pendingCrashes = new TreeMap<>();
    /** Incarnation per node, bumped by every restart (drops stale tick events). */
    private final Map<NodeId, Integer> incarnation = new HashMap<>();
    final MultiRaftInvariants invariants;
    private final MultiRaftClients clients;
    private final MultiRaftNemesis nemesis;
    /** Snapshot counters of stores that were closed (crashed). */
    private long snapshotsTaken;
    private long snapshotsInstalled;

    final History history = new History();

    MultiRaftSimulation(Options options, Path root) {
        this.options = options;
        this.root = root;
        this.random = new SplittableRandom(options.seed());
        this.powerRandom = new SplittableRandom(options.seed() ^ 0x9E3779B97F4A7C15L);
        this.network = InMemoryTransport.deterministic(new SplittableRandom(options.seed() ^ 0x5DEECE66DL), faults);
        this.config = StoreConfig.defaults().withRandomSeed(options.seed()).withQuiesce(options.quiesce())
                .withSnapshots(SNAPSHOT_ENTRIES, SNAPSHOT_KEEP_TAIL);
        this.invariants = new MultiRaftInvariants(this);
        this.clients = new MultiRaftClients(this);
        this.nemesis = new MultiRaftNemesis(this);
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
                    + " events: " + e.getMessage() + "\n  counts " + counts + "\n  " + options.replay(), e);
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
            initialMemberships.put(range, m);
            for (NodeId n : m.voters()) {
                stores.get(n).createReplica(range, m);
            }
        }
        for (NodeId id : ids) {
            schedule(random.nextLong(TICK_MS), "tick", tickAction(id, incarnation.get(id)));
        }
        schedule(50, "client", clients::clientOp);
        schedule(200 + random.nextLong(300), "transfer", nemesis::transfer);
        schedule(500 + random.nextLong(1_000), "nemesis", nemesis::nemesis);
        schedule(300 + random.nextLong(1_000), "rates", nemesis::changeRates);
        schedule(400 + random.nextLong(600), "startMove", nemesis::startMove);
        schedule(100, "leftovers", nemesis::removeLeftovers);
    }

    private void start(NodeId id) {
        Path dir = root.resolve("n" + id.value());
        Engine engine = options.bug().unsyncedLog()
                ? Engine.openJournaled(dir, ENGINE, Set.of(ColumnFamily.RAFT))
                : Engine.openJournaled(dir, ENGINE);
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

    /**
     * Crashes store {@code id} in the middle of its work: after 0 to
     * {@link #MAX_PASSES_BEFORE_CRASH} more of its processing passes (chosen apart from
     * {@link #random}), so that power failures also strike between the passes of a busy store,
     * at the latest {@link #CRASH_WAIT_LIMIT_MS} from now. After each pass that leaves unsynced
     * batches it strikes at once with probability 1/2 (those moments are rare and the
     * interesting ones). Restarts it {@code restartDelay} ms after
     * the crash.
     */
    void crashSoon(NodeId id, long restartDelay) {
        int passes = powerRandom.nextInt(MAX_PASSES_BEFORE_CRASH + 1);
        if (passes == 0) {
            crashAndRestartLater(id, restartDelay);
            return;
        }
        PendingCrash pc = new PendingCrash(passes, restartDelay);
        pendingCrashes.put(id, pc);
        schedule(CRASH_WAIT_LIMIT_MS, "crashDue", () -> {
            if (pendingCrashes.remove(id, pc)) {
                crashAndRestartLater(id, pc.restartDelay);
            }
        });
    }

    /** Whether a crash of {@code id} was decided and has not struck yet. */
    boolean crashPending(NodeId id) {
        return pendingCrashes.containsKey(id);
    }

    private void crashAndRestartLater(NodeId id, long restartDelay) {
        crash(id);
        schedule(restartDelay, "restart", () -> restart(id));
    }

    /**
     * Stops store {@code id}: usually a power failure that loses a random suffix of its engine's
     * unsynced batches, one time in {@link #CLEAN_CLOSE_ONE_IN} a clean close.
     */
    void crash(NodeId id) {
        Store store = stores.remove(id);
        invariants.forgetIncarnations(store);
        StoreStats st = store.stats();
        snapshotsTaken += st.snapshotsTaken();
        snapshotsInstalled += st.snapshotsInstalled();
        store.close();
        schedulers.remove(id);
        machines.remove(id);
        Engine engine = engines.remove(id);
        try {
            if (powerRandom.nextInt(CLEAN_CLOSE_ONE_IN) == 0) {
                count("cleanClose");
            } else {
                UnsyncedWriteJournal journal = engine.unsyncedJournal();
                int unsynced = journal.unsyncedBatches();
                int lost = journal.loseUnsyncedWrites(powerRandom.nextInt(unsynced + 1));
                count("powerFailure");
                counts.merge("unsyncedBatchesAtPowerFailure", (long) unsynced, Long::sum);
                counts.merge("unsyncedBatchesLost", (long) lost, Long::sum);
            }
            invariants.recordDown(id, engine);
        } finally {
            engine.close();
        }
        incarnation.merge(id, 1, Integer::sum);
        count("crash");
    }

    void restart(NodeId id) {
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

    void schedule(long delay, String kind, Runnable action) {
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
            if (clients.hasEarlyAcks()) {
                clients.ackEarly();
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
            for (NodeId id : List.copyOf(schedulers.keySet())) {
                DeterministicScheduler d = schedulers.get(id);
                PendingCrash pc = pendingCrashes.get(id);
                if (pc == null) {
                    progress |= d.runUntilIdle() > 0;
                    continue;
                }
                while (pc.passesLeft > 0 && d.runOnce()) {
                    pc.passesLeft--;
                    progress = true;
                    if (engines.get(id).unsyncedJournal().unsyncedBatches() > 0 && powerRandom.nextBoolean()) {
                        pc.passesLeft = 0; // strike while something can be lost
                    }
                }
                if (pc.passesLeft == 0) {
                    pendingCrashes.remove(id);
                    count("crashBetweenPasses");
                    crashAndRestartLater(id, pc.restartDelay);
                }
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

    // ---- the end ----------------------------------------------------------------------------

    private String finish() {
        clients.loadOn = false;
        pendingCrashes.clear();
        faults.healAll();
        faults.setRates(MultiRaftNemesis.CALM);
        for (NodeId id : ids) {
            restart(id);
        }
        queue.removeIf(e -> e.kind.equals("nemesis") || e.kind.equals("rates") || e.kind.equals("transfer")
                || e.kind.equals("restart") || e.kind.equals("heal") || e.kind.equals("startMove")
                || e.kind.equals("crashDue"));
        long deadline = now + SETTLE_LIMIT_MS;
        while (!nemesis.movesDone() || !invariants.settled()) {
            if (now >= deadline) {
                throw new AssertionError("no convergence " + SETTLE_LIMIT_MS + "ms after healing: "
                        + (nemesis.movesDone() ? "" : "a move is unfinished; ") + invariants.unsettledReport());
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
        for (Store s : stores.values()) {
            snapshotsTaken += s.stats().snapshotsTaken();
            snapshotsInstalled += s.stats().snapshotsInstalled();
        }
        counts.put("snapshotsTaken", snapshotsTaken);
        counts.put("snapshotsInstalled", snapshotsInstalled);
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

    void count(String what) {
        counts.merge(what, 1L, Long::sum);
    }

    <T> void shuffle(List<T> list) {
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

package io.shaledb.replication.store;

import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineOptions;
import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.NodeId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Test fixture: {@code size} stores in one JVM over a {@link DirectNetwork}, each with its own
 * RocksDB engine under {@code root}. With {@code workers == 0} every store runs a
 * {@link DeterministicScheduler} and the test drives time with {@link #tick}/{@link #settle};
 * otherwise each store has a {@link WorkerPoolScheduler} of that many workers (tick it with
 * {@link Store#startTicker} or {@link #tick}).
 */
final class StoreCluster implements AutoCloseable {
    static final EngineOptions OPTIONS = new EngineOptions(false, 8L << 20);

    private final Path root;
    private final StoreConfig config;
    private final int workers;
    private final EngineOptions engineOptions;
    final DirectNetwork network = new DirectNetwork();
    private final List<NodeId> ids = new ArrayList<>();
    private final Map<NodeId, Engine> engines = new TreeMap<>();
    private final Map<NodeId, Store> stores = new TreeMap<>();
    private final Map<NodeId, DeterministicScheduler> schedulers = new TreeMap<>();
    /** The state machine each store's replica of each range currently uses. */
    private final Map<NodeId, Map<RangeId, CounterStateMachine>> machines = new ConcurrentHashMap<>();

    StoreCluster(Path root, int size, StoreConfig config, int workers, EngineOptions engineOptions) {
        this.root = root;
        this.config = config;
        this.workers = workers;
        this.engineOptions = engineOptions;
        for (int i = 1; i <= size; i++) {
            ids.add(NodeId.of(i));
        }
        ids.forEach(this::start);
    }

    StoreCluster(Path root, int size, StoreConfig config, int workers) {
        this(root, size, config, workers, OPTIONS);
    }

    List<NodeId> ids() {
        return ids;
    }

    Membership membership() {
        return Membership.ofVoters(ids);
    }

    synchronized void start(NodeId id) {
        Engine engine = Engine.open(root.resolve("s" + id.value()), engineOptions);
        Map<RangeId, CounterStateMachine> sms = new ConcurrentHashMap<>();
        machines.put(id, sms);
        RaftScheduler scheduler;
        if (workers == 0) {
            DeterministicScheduler d = new DeterministicScheduler();
            schedulers.put(id, d);
            scheduler = d;
        } else {
            scheduler = new WorkerPoolScheduler("shale-raft-" + id, workers, WorkerPoolScheduler.DEFAULT_MAX_BATCH);
        }
        ReplicaStateMachine.Factory factory = range -> sms.computeIfAbsent(range, r -> new CounterStateMachine());
        engines.put(id, engine);
        stores.put(id, Store.open(id, engine, network.endpoint(), scheduler, factory, config));
    }

    synchronized void stop(NodeId id) {
        Store s = stores.remove(id);
        schedulers.remove(id);
        if (s != null) {
            s.close();
        }
        Engine e = engines.remove(id);
        if (e != null) {
            e.close();
        }
    }

    synchronized Store store(NodeId id) {
        Store s = stores.get(id);
        if (s == null) {
            throw new IllegalStateException(id + " is not running");
        }
        return s;
    }

    synchronized List<Store> running() {
        return List.copyOf(stores.values());
    }

    /** The engine of a running store. */
    synchronized Engine engine(NodeId id) {
        Engine e = engines.get(id);
        if (e == null) {
            throw new IllegalStateException(id + " is not running");
        }
        return e;
    }

    CounterStateMachine machine(NodeId id, RangeId range) {
        return machines.get(id).get(range);
    }

    /** Creates a replica of {@code range} on every running store. */
    void createGroup(RangeId range) {
        for (Store s : running()) {
            s.createReplica(range, membership());
        }
    }

    /** Deterministic mode: runs every store's scheduler until no store has work. */
    void settle() {
        boolean progress = true;
        for (int round = 0; progress; round++) {
            if (round > 100_000) {
                throw new AssertionError("the cluster does not settle");
            }
            progress = false;
            for (DeterministicScheduler d : List.copyOf(schedulers.values())) {
                progress |= d.runUntilIdle() > 0;
            }
        }
    }

    /** Deterministic mode: {@code n} rounds of one tick on every store, settling after each. */
    void tick(int n) {
        for (int i = 0; i < n; i++) {
            running().forEach(Store::tick);
            settle();
        }
    }

    /** The running replica that leads {@code range} in the highest term, if any. */
    Optional<NodeId> leaderOf(RangeId range) {
        NodeId best = null;
        long bestTerm = -1;
        for (Store s : running()) {
            Optional<Replica> r = s.replica(range);
            if (r.isPresent() && r.get().status().isLeader() && r.get().status().term() > bestTerm) {
                best = s.nodeId();
                bestTerm = r.get().status().term();
            }
        }
        return Optional.ofNullable(best);
    }

    /** Deterministic mode: ticks until every range in {@code ranges} has a leader. */
    void tickUntilLeaders(List<RangeId> ranges, int maxTicks) {
        for (int t = 0; t < maxTicks; t++) {
            if (ranges.stream().allMatch(r -> leaderOf(r).isPresent())) {
                return;
            }
            tick(1);
        }
        throw new AssertionError("no leader after " + maxTicks + " ticks for "
                + ranges.stream().filter(r -> leaderOf(r).isEmpty()).toList());
    }

    /**
     * Live mode: proposes {@code command} to {@code range} at its leader and returns the result,
     * retrying on NotLeader and superseded proposals (never applied, so safe to retry) and polling
     * for a leader while there is none. Fails after {@code timeout}.
     */
    byte[] proposeAtLeader(RangeId range, byte[] command, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            await(() -> leaderOf(range).isPresent(), Duration.ofNanos(Math.max(1, deadline - System.nanoTime())),
                    "a leader of " + range);
            Optional<NodeId> target = leaderOf(range);
            if (target.isEmpty()) {
                continue; // lost it between the poll and now
            }
            try {
                return store(target.get()).propose(range, command)
                        .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof NotLeaderException || e.getCause() instanceof ProposalSupersededException)) {
                    throw new AssertionError(e);
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no leader accepted a proposal to " + range + " within " + timeout, e);
                }
            } catch (TimeoutException e) {
                throw new AssertionError("proposal to " + range + " timed out", e);
            }
        }
    }

    /** Polls {@code condition} until it holds or {@code timeout} passes. */
    static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(1_000_000); // poll every millisecond
        }
    }

    @Override
    public synchronized void close() {
        for (NodeId id : List.copyOf(stores.keySet())) {
            stop(id);
        }
    }
}

package io.shaledb.replication.bench;

import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineOptions;
import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.store.DirectNetwork;
import io.shaledb.replication.store.NotLeaderException;
import io.shaledb.replication.store.Replica;
import io.shaledb.replication.store.ReplicaStateMachine;
import io.shaledb.replication.store.Store;
import io.shaledb.replication.store.StoreConfig;
import io.shaledb.replication.store.StoreStats;
import io.shaledb.replication.store.WorkerPoolScheduler;
import io.shaledb.replication.transport.GrpcRaftTransport;
import io.shaledb.replication.transport.GrpcTransportConfig;
import io.shaledb.replication.transport.PeerAddress;
import io.shaledb.replication.transport.RaftBatch;
import io.shaledb.replication.transport.RaftTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The multi-raft store under load and at rest: three {@link Store}s in one JVM over a direct
 * in-memory network (or gRPC on loopback, see {@code transport=} below), each with its own synced RocksDB engine, a worker pool of 2 and a ticker.
 * Prints (a) the raw synced RocksDB batch rate of the disk, (b) committed proposals/s and p50/p99
 * commit latency (propose to applied on the leader) over {@code groups} groups with 1 and with 64
 * concurrent proposers spread across the groups, and (c) the process CPU used by
 * {@code idleGroups} idle (quiesced) groups per store, as % of one core.
 *
 * <p>Arguments: {@code [groups=1000] [seconds=5] [idleGroups=10000] [idleSeconds=20]
 * [tickMs=100] [dir=<new temp dir>] [transport=direct|grpc|both]}. Run with
 * {@code bench/raft.sh store ...}. The {@code transport=} argument may stand anywhere (it is
 * taken out before the positional ones are read): {@code direct} (the default) connects the
 * stores directly in memory; {@code grpc} gives each store a {@link GrpcRaftTransport} on a
 * loopback port; {@code both} measures (b) and (c) once per transport in the same run, direct
 * first.
 */
public final class StoreBenchmark {
    private static final EngineOptions SYNCED = new EngineOptions(true, 16L << 20);
    private static final List<NodeId> NODES = List.of(NodeId.of(1), NodeId.of(2), NodeId.of(3));
    private static final byte[] PAYLOAD = new byte[64];

    private StoreBenchmark() {
    }

    /** A state machine that only counts: the benchmark measures replication, not application. */
    private static final class NullStateMachine implements ReplicaStateMachine {
        private static final byte[] OK = new byte[0];
        private volatile long applied;

        @Override
        public byte[] apply(long index, byte[] command) {
            applied = index;
            return OK;
        }

        @Override
        public long appliedIndex() {
            return applied;
        }

        @Override
        public byte[] snapshot() {
            return new byte[0];
        }

        @Override
        public void restore(byte[] snapshot) {
        }
    }

    /** How the three stores reach each other. */
    private enum Wire {
        /** {@link DirectNetwork}: the receiver's handler runs on the sender's thread. */
        DIRECT,
        /** One {@link GrpcRaftTransport} per store on 127.0.0.1, a free port each. */
        GRPC;

        static List<Wire> parse(String value) {
            return switch (value) {
                case "direct" -> List.of(DIRECT);
                case "grpc" -> List.of(GRPC);
                case "both" -> List.of(DIRECT, GRPC);
                default -> throw new IllegalArgumentException("transport must be direct, grpc or both: " + value);
            };
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Three stores on their own engines under {@code dir}; closing closes stores then engines. */
    private static final class Cluster implements AutoCloseable {
        final List<Engine> engines = new ArrayList<>();
        final List<Store> stores = new ArrayList<>();
        final List<RangeId> ranges = new ArrayList<>();
        final Map<RangeId, NodeId> leaders = new ConcurrentHashMap<>();
        final List<GrpcRaftTransport> transports = new ArrayList<>();

        Cluster(Path dir, int groups, Duration tick, Wire wire) {
            DirectNetwork network = new DirectNetwork();
            Map<NodeId, PeerAddress> directory = new ConcurrentHashMap<>();
            for (NodeId id : NODES) {
                Engine e = Engine.open(dir.resolve("s" + id.value()), SYNCED);
                engines.add(e);
                RaftTransport transport = wire == Wire.DIRECT ? network.endpoint()
                        : new GrpcRaftTransport(GrpcTransportConfig.defaults(), n -> Optional.ofNullable(directory.get(n)));
                Store s = Store.open(id, e, transport, new WorkerPoolScheduler("shale-raft-" + id),
                        r -> new NullStateMachine(), StoreConfig.defaults());
                stores.add(s);
                if (transport instanceof GrpcRaftTransport grpc) {
                    directory.put(id, grpc.address());
                    transports.add(grpc);
                }
            }
            connectTransports(Duration.ofSeconds(60));
            Membership m = Membership.ofVoters(NODES);
            for (int g = 1; g <= groups; g++) {
                ranges.add(RangeId.of(g));
            }
            stores.forEach(s -> s.createReplicas(ranges, m));
            // Elect before ticking starts: one designated store per group campaigns, spreading leaders.
            for (RangeId r : ranges) {
                store(NODES.get((int) (r.value() % NODES.size()))).campaign(r);
            }
            stores.forEach(s -> s.startTicker(tick));
        }

        /**
         * gRPC only: opens every peer stream (with empty batches, which stores take as liveness)
         * and waits until all are connected, so the first connections of a cold JVM (seconds on a
         * busy machine, long enough for every group to time out and split votes) are not counted
         * as election time.
         */
        private void connectTransports(Duration timeout) {
            if (transports.isEmpty()) {
                return;
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < transports.size(); i++) {
                for (NodeId peer : NODES) {
                    if (!peer.equals(NODES.get(i))) {
                        transports.get(i).send(new RaftBatch(NODES.get(i), peer, List.of()));
                    }
                }
            }
            long deadline = t0 + timeout.toNanos();
            while (transports.stream().anyMatch(t -> t.stats().connects() < NODES.size() - 1)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("gRPC transports not connected: "
                            + transports.stream().map(GrpcRaftTransport::stats).toList());
                }
                LockSupport.parkNanos(10_000_000);
            }
            System.out.printf(Locale.ROOT, "    gRPC peer streams connected in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }

        Store store(NodeId id) {
            return stores.get((int) id.value() - 1);
        }

        void awaitLeaders(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                leaders.clear();
                for (Store s : stores) {
                    for (RangeId r : ranges) {
                        Replica rep = s.replica(r).orElseThrow();
                        if (rep.status().isLeader()) {
                            leaders.put(r, s.nodeId());
                        }
                    }
                }
                if (leaders.size() == ranges.size()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + leaders.size() + " of " + ranges.size() + " groups elected");
                }
                Thread.sleep(50);
            }
        }

        void awaitQuiesced(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (stores.stream().anyMatch(s -> s.stats().activeReplicas() > 0)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("groups still active: "
                            + stores.stream().map(s -> s.stats().activeReplicas()).toList());
                }
                Thread.sleep(50);
            }
        }

        long syncedWrites() {
            return stores.stream().mapToLong(s -> s.stats().syncedWrites()).sum();
        }

        @Override
        public void close() {
            stores.forEach(Store::close);
            engines.forEach(Engine::close);
        }
    }

    /** Closed-loop load: {@code proposers} chains, each proposing to a random group once its previous one applied. */
    private record LoadResult(int committed, double seconds, long[] latencies, long syncs, long retries) {
    }

    private static LoadResult load(Cluster c, int proposers, double seconds) throws InterruptedException {
        List<Long> latencies = new ArrayList<>();
        long[] retries = {0};
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(proposers);
        long syncsBefore = c.syncedWrites();
        long start = System.nanoTime();
        for (int p = 0; p < proposers; p++) {
            SplittableRandom random = new SplittableRandom(p);
            Runnable[] next = new Runnable[1];
            next[0] = () -> {
                if (stop.get()) {
                    finished.countDown();
                    return;
                }
                RangeId r = c.ranges.get(random.nextInt(c.ranges.size()));
                long t0 = System.nanoTime();
                c.store(c.leaders.get(r)).propose(r, PAYLOAD).whenComplete((v, e) -> {
                    long t1 = System.nanoTime();
                    synchronized (latencies) {
                        if (e == null) {
                            latencies.add(t1 - t0);
                        } else {
                            retries[0]++;
                            if (e instanceof NotLeaderException nl && nl.leaderHint().isPresent()) {
                                c.leaders.put(r, nl.leaderHint().get());
                            }
                        }
                    }
                    next[0].run();
                });
            };
            next[0].run();
        }
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        if (!finished.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("proposals did not finish");
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted;
        synchronized (latencies) {
            sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        return new LoadResult(sorted.length, elapsed, sorted, c.syncedWrites() - syncsBefore, retries[0]);
    }

    private static void report(String label, LoadResult r, double raw) {
        long[] s = r.latencies();
        double rate = r.committed() / r.seconds();
        System.out.printf(Locale.ROOT, "%s committed %.0f/s, p50 %.2f ms, p99 %.2f ms, %.3f syncs/commit (3 stores),"
                        + " ratio to raw %.2f, %d retries%n", label, rate, s[s.length / 2] / 1e6,
                s[(int) (s.length * 0.99)] / 1e6, (double) r.syncs() / r.committed(), rate / raw, r.retries());
    }

    public static void main(String[] allArgs) throws Exception {
        List<Wire> wires = List.of(Wire.DIRECT);
        List<String> positional = new ArrayList<>();
        for (String a : allArgs) {
            if (a.startsWith("transport=")) {
                wires = Wire.parse(a.substring("transport=".length()));
            } else {
                positional.add(a);
            }
        }
        String[] args = positional.toArray(String[]::new);
        int groups = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        int idleGroups = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        double idleSeconds = args.length > 3 ? Double.parseDouble(args[3]) : 20;
        Duration tick = Duration.ofMillis(args.length > 4 ? Long.parseLong(args[4]) : 100);
        Path root = args.length > 5 ? Files.createDirectories(Path.of(args[5]))
                : Files.createTempDirectory("store-bench");
        System.out.printf(Locale.ROOT, "dir %s; 3 stores in one JVM, synced RocksDB each, 2 workers each,"
                + " tick %d ms; %d CPUs; transport %s%n", root, tick.toMillis(), Runtime.getRuntime().availableProcessors(),
                wires.stream().map(Wire::label).toList());
        try {
            double raw = RaftCommitBenchmark.rawSyncedBatchesPerSecond(root.resolve("raw"), 2000, PAYLOAD.length);
            System.out.printf(Locale.ROOT, "(a) raw synced batch writes: %.0f/s%n", raw);
            for (Wire wire : wires) {
                String tag = wires.size() > 1 ? " [" + wire.label() + "]" : "";
                try (Cluster c = new Cluster(root.resolve("load-" + wire.label()), groups, tick, wire)) {
                    long t0 = System.nanoTime();
                    c.awaitLeaders(Duration.ofSeconds(60));
                    System.out.printf(Locale.ROOT, "    %d groups elected in %.1f s over %s%n", groups,
                            (System.nanoTime() - t0) / 1e9, wire.label());
                    load(c, 8, 1); // warm-up
                    report("(b1) 1 proposer    " + tag, load(c, 1, seconds), raw);
                    report("(b2) 64 proposers  " + tag, load(c, 64, seconds), raw);
                }
            }
            System.out.printf(Locale.ROOT, "(a') raw synced batch writes again: %.0f/s (the disk is shared: compare)%n",
                    RaftCommitBenchmark.rawSyncedBatchesPerSecond(root.resolve("raw2"), 2000, PAYLOAD.length));
            for (Wire wire : wires) {
                idle(root.resolve("idle-" + wire.label()), idleGroups, idleSeconds, tick, wire, wires.size() > 1);
            }
        } finally {
            deleteTree(root);
        }
    }

    private static void idle(Path dir, int groups, double seconds, Duration tick, Wire wire, boolean tagged)
            throws InterruptedException {
        String tag = tagged ? " [" + wire.label() + "]" : "";
        long t0 = System.nanoTime();
        try (Cluster c = new Cluster(dir, groups, tick, wire)) {
            double created = (System.nanoTime() - t0) / 1e9;
            c.awaitLeaders(Duration.ofSeconds(120));
            c.awaitQuiesced(Duration.ofSeconds(120));
            System.out.printf(Locale.ROOT, "    %d groups x 3 stores created in %.1f s, elected and quiesced after %.1f s%n",
                    groups, created, (System.nanoTime() - t0) / 1e9);
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            Thread.sleep(5000); // let JIT compilation, GC and RocksDB flushes of the set-up finish
            List<StoreStats> before = c.stores.stream().map(Store::stats).toList();
            Map<Long, Long> threadCpu0 = threadCpu();
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            Thread.sleep((long) (seconds * 1000));
            long cpu = os.getProcessCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;
            Map<Long, Long> threadCpu1 = threadCpu();
            List<StoreStats> after = c.stores.stream().map(Store::stats).toList();
            long ticks = 0;
            long messages = 0;
            long liveness = 0;
            long wakes = 0;
            for (int i = 0; i < after.size(); i++) {
                wakes += after.get(i).wakes() - before.get(i).wakes();
                ticks += after.get(i).raftTicks() - before.get(i).raftTicks();
                messages += after.get(i).messagesSent() - before.get(i).messagesSent();
                liveness += after.get(i).emptyBatchesSent() - before.get(i).emptyBatchesSent();
            }
            System.out.printf(Locale.ROOT, "(c)%s %d idle groups per store (3 stores): process CPU %.2f%% of one core over %.0f s;"
                            + " Raft ticks %d, Raft messages %d, wakes %d, liveness batches %d in that window%n",
                    tag, groups, 100.0 * cpu / wall, wall / 1e9, ticks, messages, wakes, liveness);
            System.out.printf(Locale.ROOT, "    of which the stores' threads (tickers, workers%s) %s; the rest is JVM, GC and"
                    + " RocksDB native threads%n", wire == Wire.GRPC ? ", gRPC transports" : "",
                    threadShares(threadCpu0, threadCpu1, wall));
        }
    }

    private static Map<Long, Long> threadCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> out = new java.util.HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            long t = mx.getThreadCpuTime(id);
            if (t >= 0) {
                out.put(id, t);
            }
        }
        return out;
    }

    /** CPU % of one core used by the stores' thread families (names with digits stripped). */
    private static String threadShares(Map<Long, Long> before, Map<Long, Long> after, long wallNanos) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> byFamily = new java.util.TreeMap<>();
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            ThreadInfo info = mx.getThreadInfo(e.getKey());
            if (info != null) {
                String family = info.getThreadName().replaceAll("[0-9]+", "#");
                byFamily.merge(family, e.getValue() - before.getOrDefault(e.getKey(), 0L), Long::sum);
            }
        }
        return byFamily.entrySet().stream().filter(e -> e.getKey().startsWith("shale-raft") || e.getKey().startsWith("raft-grpc"))
                .map(e -> String.format(Locale.ROOT, "%s %.2f%%", e.getKey(), 100.0 * e.getValue() / wallNanos))
                .toList().toString();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

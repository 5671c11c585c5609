package io.shaledb.replication.store;

import static io.shaledb.replication.store.CounterStateMachine.add;
import static io.shaledb.replication.store.CounterStateMachine.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.kv.storage.Engine;
import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.transport.GrpcRaftTransport;
import io.shaledb.replication.transport.GrpcTransportConfig;
import io.shaledb.replication.transport.PeerAddress;
import io.shaledb.replication.transport.PeerResolver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multi-raft {@link Store} over the real {@link GrpcRaftTransport}: three stores in one JVM,
 * each with its own transport on a loopback port picked by the OS, a worker pool of 2, a 10 ms
 * ticker and a RocksDB engine. Peers find each other through a directory that a restarted store
 * re-registers in under its new port (the transports re-read it on every reconnect).
 *
 * <p>Node ids 41..43 keep this test's thread names ({@code shale-raft-n41-0},
 * {@code shale-raft-ticker-n41}, {@code raft-grpc-n41-send}, ...) apart from other tests'.
 */
class GrpcStoreClusterTest {
    private static final List<NodeId> IDS = List.of(NodeId.of(41), NodeId.of(42), NodeId.of(43));
    private static final List<RangeId> RANGES = LongStream.rangeClosed(1, 50).mapToObj(RangeId::of).toList();
    private static final Duration TICK = Duration.ofMillis(10);
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final GrpcTransportConfig TRANSPORT = GrpcTransportConfig.defaults()
            .withBackoff(Duration.ofMillis(10), Duration.ofMillis(100));
    /** Threads a store (scheduler, ticker) or its transport names after its node id. */
    private static final Pattern OWN_THREAD = Pattern.compile("(shale-raft-(ticker-)?|raft-grpc-)n4[123]\\b.*");

    @TempDir
    Path root;

    private final Map<NodeId, PeerAddress> directory = new ConcurrentHashMap<>();
    private final PeerResolver resolver = n -> Optional.ofNullable(directory.get(n));
    private final Map<NodeId, Engine> engines = new TreeMap<>();
    private final Map<NodeId, Store> stores = new TreeMap<>();
    private final Map<NodeId, Map<RangeId, CounterStateMachine>> machines = new ConcurrentHashMap<>();
    /** What clients successfully added to each range (the expected total). */
    private final Map<RangeId, AtomicLong> sums = new ConcurrentHashMap<>();
    /** Every total a proposal to each range returned: all distinct, since amounts are positive. */
    private final Map<RangeId, Set<Long>> results = new ConcurrentHashMap<>();

    // ---- the cluster ---------------------------------------------------------------------------

    /** Opens {@code id}'s store on its engine directory, on a fresh port, and starts its ticker. */
    private synchronized PeerAddress start(NodeId id) {
        Engine engine = Engine.open(root.resolve("s" + id.value()), StoreCluster.OPTIONS);
        Map<RangeId, CounterStateMachine> sms = new ConcurrentHashMap<>();
        machines.put(id, sms);
        GrpcRaftTransport transport = new GrpcRaftTransport(TRANSPORT, resolver);
        Store store;
        try {
            store = Store.open(id, engine, transport, new WorkerPoolScheduler("shale-raft-" + id, 2,
                            WorkerPoolScheduler.DEFAULT_MAX_BATCH),
                    range -> sms.computeIfAbsent(range, r -> new CounterStateMachine()), StoreConfig.defaults());
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        engines.put(id, engine);
        stores.put(id, store);
        PeerAddress address = transport.address(); // listening since Store.open
        directory.put(id, address);
        store.startTicker(TICK);
        return address;
    }

    private synchronized void stop(NodeId id) {
        directory.remove(id);
        Store s = stores.remove(id);
        if (s != null) {
            s.close();
        }
        Engine e = engines.remove(id);
        if (e != null) {
            e.close();
        }
    }

    private synchronized List<Store> running() {
        return List.copyOf(stores.values());
    }

    private synchronized boolean isRunning(NodeId id) {
        return stores.containsKey(id);
    }

    private synchronized Store store(NodeId id) {
        Store s = stores.get(id);
        if (s == null) {
            throw new IllegalStateException(id + " is not running");
        }
        return s;
    }

    @AfterEach
    void closeAll() {
        for (NodeId id : IDS) {
            stop(id);
        }
    }

    /** The running replica leading {@code range} in the highest term, if any. */
    private Optional<NodeId> leaderOf(RangeId range) {
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

    /** A socket bound to {@code address}, or null if it cannot be bound right now. */
    private static ServerSocket holdPort(PeerAddress address) {
        try {
            ServerSocket s = new ServerSocket();
            try {
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(address.host(), address.port()));
                return s;
            } catch (IOException e) {
                s.close();
                return null;
            }
        } catch (IOException e) {
            return null;
        }
    }

    private static long ownThreads(String node) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(n -> OWN_THREAD.matcher(n).matches() && n.contains(node)).count();
    }

    // ---- clients -------------------------------------------------------------------------------

    /**
     * Adds {@code amount} to {@code range} at its leader, following NotLeader hints, waiting
     * (polled, bounded) for an election when no leader is known and retrying superseded
     * proposals (never applied). Records the amount and the returned total.
     */
    private void propose(RangeId range, long amount) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        NodeId target = null;
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no leader accepted a proposal to " + range);
            }
            if (target == null || !isRunning(target)) {
                StoreCluster.await(() -> leaderOf(range).isPresent(), WAIT, "a leader of " + range);
                target = leaderOf(range).orElse(null);
                continue;
            }
            try {
                byte[] result = store(target).propose(range, add(amount)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                sums.computeIfAbsent(range, r -> new AtomicLong()).addAndGet(amount);
                assertTrue(results.computeIfAbsent(range, r -> ConcurrentHashMap.newKeySet()).add(decode(result)),
                        "two proposals to " + range + " returned the same total");
                return;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof NotLeaderException nl) {
                    NodeId hint = nl.leaderHint().orElse(null);
                    target = hint != null && !hint.equals(target) ? hint : null;
                } else if (!(e.getCause() instanceof ProposalSupersededException)) {
                    throw new AssertionError("proposal to " + range + " at " + target + " failed", e);
                }
            } catch (TimeoutException e) {
                throw new AssertionError("proposal to " + range + " at " + target + " timed out", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** {@code clients} threads each adding {@code perClient} random amounts to random ranges. */
    private void runClients(int clients, int perClient, long seed) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(seed * 1000 + c);
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < perClient; i++) {
                        propose(RANGES.get(random.nextInt(RANGES.size())), 1 + random.nextInt(100));
                    }
                } catch (Throwable e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
            }, "grpc-store-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(2 * WAIT.toMillis());
            assertTrue(!t.isAlive(), t.getName() + " did not finish");
        }
        synchronized (errors) {
            if (!errors.isEmpty()) {
                AssertionError failure = new AssertionError(errors.size() + " clients failed");
                errors.forEach(failure::addSuppressed);
                throw failure;
            }
        }
    }

    private long expected(RangeId r) {
        AtomicLong s = sums.get(r);
        return s == null ? 0 : s.get();
    }

    /** Waits until every running store's replica of every range applied exactly the clients' sum. */
    private void awaitAllApplied(String what) {
        StoreCluster.await(() -> running().stream().allMatch(s -> RANGES.stream().allMatch(r -> {
            CounterStateMachine m = machines.get(s.nodeId()).get(r);
            return m != null && m.total() == expected(r);
        })), WAIT, what);
        for (RangeId r : RANGES) {
            Set<Long> totals = results.getOrDefault(r, Set.of());
            long max = totals.stream().mapToLong(Long::longValue).max().orElse(0);
            assertEquals(expected(r), max, "the last total returned for " + r + " is the sum of its amounts");
        }
    }

    // ---- the test ------------------------------------------------------------------------------

    @Test
    void groupsCommitFailOverAndCatchUpOverGrpc() throws Exception {
        CounterStateMachine.CONCURRENT_APPLIES.set(0);
        for (NodeId id : IDS) {
            start(id);
        }
        Membership membership = Membership.ofVoters(IDS);
        for (Store s : running()) {
            s.createReplicas(RANGES, membership);
        }
        for (RangeId r : RANGES) {
            store(IDS.get((int) (r.value() % IDS.size()))).campaign(r); // spread the leaders
        }
        StoreCluster.await(() -> RANGES.stream().allMatch(r -> leaderOf(r).isPresent()), WAIT, "50 leaders");

        // 1. Concurrent clients commit on every group; results are the state machines' totals.
        runClients(4, 100, 1);
        awaitAllApplied("all three stores applied every command");
        assertTrue(RANGES.stream().filter(r -> expected(r) > 0).count() >= 45, "most groups took proposals");

        // 2. Close the store leading the most groups: they re-elect on the other two and commit.
        Map<NodeId, Long> led = new TreeMap<>();
        RANGES.forEach(r -> leaderOf(r).ifPresent(l -> led.merge(l, 1L, Long::sum)));
        NodeId victim = led.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<RangeId> ledByVictim = RANGES.stream().filter(r -> leaderOf(r).orElseThrow().equals(victim)).toList();
        assertTrue(ledByVictim.size() >= 10, victim + " leads only " + ledByVictim.size() + " groups");
        assertTrue(ownThreads(victim.toString()) > 0);
        PeerAddress firstAddress = directory.get(victim);
        stop(victim);
        assertEquals(0, ownThreads(victim.toString()), "closing " + victim + " left scheduler, ticker or transport threads");
        StoreCluster.await(() -> ledByVictim.stream().allMatch(r -> leaderOf(r).filter(l -> !l.equals(victim)).isPresent()),
                WAIT, "new leaders for " + victim + "'s groups");
        Map<RangeId, Long> before = new TreeMap<>();
        ledByVictim.forEach(r -> before.put(r, expected(r)));
        for (RangeId r : ledByVictim) {
            propose(r, 7);
        }
        runClients(4, 50, 2);
        awaitAllApplied("the two remaining stores applied every command");
        for (RangeId r : ledByVictim) {
            assertTrue(expected(r) >= before.get(r) + 7, r + " committed after failover");
        }

        // 3. Restart it on a new port over the same engine directory: it catches up on every group.
        // Holding the old port (when the OS lets us) makes sure the peers must re-resolve it.
        try (ServerSocket oldPort = holdPort(firstAddress)) {
            PeerAddress again = start(victim);
            assertEquals(again, directory.get(victim));
            if (oldPort != null) {
                assertNotEquals(firstAddress, again);
            }
        }
        runClients(2, 30, 3);
        awaitAllApplied(victim + " caught up with every group after restart");
        for (RangeId r : RANGES) {
            long index = machines.get(IDS.get(0)).get(r).appliedIndex();
            for (NodeId id : IDS) {
                assertEquals(index, machines.get(id).get(r).appliedIndex(), id + "'s applied index of " + r);
                assertEquals(expected(r), machines.get(id).get(r).total(), id + "'s total of " + r);
            }
        }
        assertEquals(0, CounterStateMachine.CONCURRENT_APPLIES.get(), "a range was applied on two threads at once");
        for (Store s : running()) {
            assertTrue(s.failure().isEmpty(), s + " failed: " + s.failure());
        }

        // 4. Closing everything leaves no store or transport thread behind.
        assertTrue(ownThreads("n4") > 0);
        for (NodeId id : IDS) {
            stop(id);
        }
        assertEquals(0, ownThreads("n4"), "close left scheduler, ticker or transport threads");
    }
}

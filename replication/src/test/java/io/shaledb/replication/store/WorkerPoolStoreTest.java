package io.shaledb.replication.store;

import static io.shaledb.replication.store.CounterStateMachine.add;
import static io.shaledb.replication.store.CounterStateMachine.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.NodeId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three stores with real worker pools and tickers, concurrent clients. */
class WorkerPoolStoreTest {
    private static final List<RangeId> RANGES = LongStream.rangeClosed(1, 24).mapToObj(RangeId::of).toList();

    @TempDir
    Path root;

    private StoreCluster cluster;

    @AfterEach
    void tearDown() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Proposes at the leader (see {@link StoreCluster#proposeAtLeader}); the counter's new value. */
    private long proposeAtLeader(RangeId r, long amount) throws InterruptedException {
        return decode(cluster.proposeAtLeader(r, add(amount), Duration.ofSeconds(10)));
    }

    @Test
    void quiescedGroupsOfADeadLeaderStoreElectAgainUnderTickers() throws Exception {
        cluster = new StoreCluster(root, 3, StoreConfig.defaults(), 2);
        List<RangeId> ranges = RANGES.subList(0, 12);
        ranges.forEach(cluster::createGroup);
        for (RangeId r : ranges) {
            cluster.store(NodeId.of(1 + r.value() % 3)).campaign(r);
        }
        cluster.running().forEach(s -> s.startTicker(Duration.ofMillis(5)));
        StoreCluster.await(() -> ranges.stream().allMatch(r -> cluster.leaderOf(r).isPresent())
                        && cluster.running().stream().allMatch(s -> s.stats().activeReplicas() == 0),
                Duration.ofSeconds(20), "leaders elected and every group quiesced");
        NodeId dead = NodeId.of(1);
        List<RangeId> ledByDead = ranges.stream().filter(r -> cluster.leaderOf(r).orElseThrow().equals(dead)).toList();
        assertTrue(!ledByDead.isEmpty());
        cluster.stop(dead);
        StoreCluster.await(() -> ledByDead.stream().allMatch(r -> cluster.leaderOf(r).isPresent()),
                Duration.ofSeconds(20), "new leaders for the dead store's groups");
        for (RangeId r : ledByDead) {
            assertEquals(1, proposeAtLeader(r, 1));
        }
    }

    @Test
    void concurrentClientsCommitOnWorkerPoolsAndCloseLeavesNoThreads() throws Exception {
        CounterStateMachine.CONCURRENT_APPLIES.set(0);
        cluster = new StoreCluster(root, 3, StoreConfig.defaults(), 3);
        RANGES.forEach(cluster::createGroup);
        for (RangeId r : RANGES) {
            cluster.store(NodeId.of(1 + r.value() % 3)).campaign(r); // spread leaders
        }
        cluster.running().forEach(s -> s.startTicker(Duration.ofMillis(5)));
        StoreCluster.await(() -> RANGES.stream().allMatch(r -> cluster.leaderOf(r).isPresent()),
                Duration.ofSeconds(20), "leaders");

        ConcurrentHashMap<RangeId, AtomicLong> sums = new ConcurrentHashMap<>();
        List<Thread> clients = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            SplittableRandom random = new SplittableRandom(c);
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < 60; i++) {
                        RangeId r = RANGES.get(random.nextInt(RANGES.size()));
                        long amount = 1 + random.nextInt(100);
                        sums.computeIfAbsent(r, k -> new AtomicLong()).addAndGet(amount);
                        proposeAtLeader(r, amount);
                    }
                } catch (Throwable e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
            }, "client-" + c);
            clients.add(t);
            t.start();
        }
        for (Thread t : clients) {
            t.join();
        }
        assertEquals(List.of(), errors);

        // Pipelined proposals from one thread, completing on workers.
        RangeId piped = RANGES.get(0);
        NodeId leader = cluster.leaderOf(piped).orElseThrow();
        List<CompletableFuture<byte[]>> fs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fs.add(cluster.store(leader).propose(piped, add(1)));
        }
        long last = 0;
        for (CompletableFuture<byte[]> f : fs) {
            long total = decode(f.get(10, TimeUnit.SECONDS));
            assertTrue(total > last, "results follow log order");
            last = total;
        }
        sums.computeIfAbsent(piped, k -> new AtomicLong()).addAndGet(50);

        StoreCluster.await(() -> cluster.ids().stream().allMatch(id -> RANGES.stream().allMatch(r ->
                        cluster.machine(id, r).total() == sums.getOrDefault(r, new AtomicLong()).get())),
                Duration.ofSeconds(20), "every replica applied every command");
        assertEquals(0, CounterStateMachine.CONCURRENT_APPLIES.get(), "a range was applied on two threads at once");
        for (Store s : cluster.running()) {
            assertTrue(s.failure().isEmpty(), s + " failed: " + s.failure());
        }
        assertTrue(SchedulerTest.threadsNamed("shale-raft-") > 0);
        cluster.close();
        assertEquals(0, SchedulerTest.threadsNamed("shale-raft-"), "close left worker or ticker threads");
    }
}

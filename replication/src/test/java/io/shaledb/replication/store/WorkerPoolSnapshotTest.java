package io.shaledb.replication.store;

import static io.shaledb.replication.store.CounterStateMachine.add;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.NodeId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots and log truncation with real worker pools, tickers and concurrent clients. */
class WorkerPoolSnapshotTest {
    private static final List<RangeId> RANGES = LongStream.rangeClosed(1, 8).mapToObj(RangeId::of).toList();

    @TempDir
    Path root;

    private StoreCluster cluster;

    @AfterEach
    void tearDown() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Proposes at the leader among the running stores (see {@link StoreCluster#proposeAtLeader}). */
    private void proposeAtLeader(RangeId r, long amount) throws InterruptedException {
        cluster.proposeAtLeader(r, add(amount), Duration.ofSeconds(10));
    }

    @Test
    void storeDownUnderLoadCatchesUpBySnapshotOnWorkerPools() throws Exception {
        cluster = new StoreCluster(root, 3, StoreConfig.defaults().withSnapshots(10, 3), 2);
        RANGES.forEach(cluster::createGroup);
        for (RangeId r : RANGES) {
            cluster.store(NodeId.of(1 + r.value() % 2)).campaign(r); // leaders on stores 1 and 2
        }
        cluster.running().forEach(s -> s.startTicker(Duration.ofMillis(5)));
        StoreCluster.await(() -> RANGES.stream().allMatch(r -> cluster.leaderOf(r).isPresent()),
                Duration.ofSeconds(20), "leaders");
        NodeId down = NodeId.of(3);
        cluster.stop(down);
        StoreCluster.await(() -> RANGES.stream().allMatch(r -> cluster.leaderOf(r).isPresent()),
                Duration.ofSeconds(20), "leaders without " + down);

        ConcurrentHashMap<RangeId, AtomicLong> sums = new ConcurrentHashMap<>();
        RANGES.forEach(r -> sums.put(r, new AtomicLong()));
        List<Throwable> errors = runClients(sums, 3, 60);
        assertEquals(List.of(), errors);

        cluster.start(down);
        cluster.store(down).startTicker(Duration.ofMillis(5));
        List<Throwable> more = runClients(sums, 2, 20); // load continues while it catches up
        assertEquals(List.of(), more);
        StoreCluster.await(() -> cluster.ids().stream().allMatch(id -> RANGES.stream().allMatch(r ->
                        cluster.machine(id, r).total() == sums.get(r).get())),
                Duration.ofSeconds(30), "every replica applied every command once");
        Store back = cluster.store(down);
        assertTrue(back.stats().snapshotsInstalled() > 0, back.stats().toString());
        for (Store s : cluster.running()) {
            assertTrue(s.failure().isEmpty(), s + " failed: " + s.failure());
            if (!s.nodeId().equals(down)) { // the others applied enough to truncate their logs
                assertTrue(s.stats().snapshotsTaken() > 0, s.stats().toString());
            }
        }
        StoreCluster.await(() -> cluster.running().stream().allMatch(s -> s.stats().activeReplicas() == 0),
                Duration.ofSeconds(20), "every group quiesced again");
    }

    private List<Throwable> runClients(ConcurrentHashMap<RangeId, AtomicLong> sums, int clients, int each)
            throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(c * 31L + each);
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < each; i++) {
                        RangeId r = RANGES.get(random.nextInt(RANGES.size()));
                        long amount = 1 + random.nextInt(100);
                        proposeAtLeader(r, amount);
                        sums.get(r).addAndGet(amount);
                    }
                } catch (Throwable e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
            }, "client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return errors;
    }
}

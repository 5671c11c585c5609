package io.shaledb.replication.store;

import static io.shaledb.replication.store.CounterStateMachine.add;
import static io.shaledb.replication.store.CounterStateMachine.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.NodeId;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Idle groups stop ticking; activity and dead leaders wake them. Deterministic. */
class QuiescenceTest {
    private static final List<RangeId> RANGES = LongStream.rangeClosed(1, 30).mapToObj(RangeId::of).toList();

    @TempDir
    Path root;

    private StoreCluster cluster;

    @BeforeEach
    void setUp() {
        cluster = new StoreCluster(root, 3, StoreConfig.defaults().withRandomSeed(7), 0);
        RANGES.forEach(cluster::createGroup);
        cluster.tickUntilLeaders(RANGES, 200);
        for (RangeId r : RANGES) {
            CompletableFuture<byte[]> f = cluster.store(cluster.leaderOf(r).orElseThrow()).propose(r, add(1));
            cluster.settle();
            assertEquals(1, decode(f.join()));
        }
        cluster.tick(3);
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    private void assertAllQuiesced() {
        for (Store s : cluster.running()) {
            assertEquals(0, s.stats().activeReplicas(), s + " has ticking replicas");
            for (RangeId r : s.rangeIds()) {
                assertTrue(s.replica(r).orElseThrow().isQuiesced(), s.nodeId() + " " + r);
            }
        }
    }

    @Test
    void idleGroupsStopTickingAndSendOnlyStoreHeartbeats() {
        assertAllQuiesced();
        Map<NodeId, StoreStats> before = new HashMap<>();
        cluster.running().forEach(s -> before.put(s.nodeId(), s.stats()));
        cluster.tick(100);
        for (Store s : cluster.running()) {
            StoreStats b = before.get(s.nodeId());
            StoreStats a = s.stats();
            assertEquals(b.raftTicks(), a.raftTicks(), "no Raft ticks while quiesced");
            assertEquals(b.messagesSent(), a.messagesSent(), "no Raft messages while quiesced");
            assertEquals(b.passes(), a.passes(), "no processing while quiesced");
            assertEquals(b.emptyBatchesSent() + 200, a.emptyBatchesSent(), "one liveness batch per peer per tick");
        }
    }

    @Test
    void proposalWakesOnlyItsGroupWhichQuiescesAgain() {
        RangeId r = RANGES.get(5);
        NodeId leader = cluster.leaderOf(r).orElseThrow();
        long ticksBefore = cluster.running().stream().mapToLong(s -> s.stats().raftTicks()).sum();
        CompletableFuture<byte[]> f = cluster.store(leader).propose(r, add(41));
        cluster.settle();
        assertEquals(42, decode(f.join()));
        for (Store s : cluster.running()) {
            assertTrue(s.stats().activeReplicas() <= 1, "only the proposal's group woke on " + s);
        }
        cluster.tick(3);
        assertAllQuiesced();
        long ticksAfter = cluster.running().stream().mapToLong(s -> s.stats().raftTicks()).sum();
        assertTrue(ticksAfter - ticksBefore <= 3, "at most the leader's ticks before it quiesced: " + (ticksAfter - ticksBefore));
        for (NodeId id : cluster.ids()) {
            assertEquals(42, cluster.machine(id, r).total(), "the quiesce heartbeat carried the commit to " + id);
        }
    }

    @Test
    void deadLeaderStoreWakesFollowersWhichElectAndQuiesceAgain() {
        NodeId dead = NodeId.of(1);
        List<RangeId> ledByDead = RANGES.stream().filter(r -> cluster.leaderOf(r).orElseThrow().equals(dead)).toList();
        assertTrue(!ledByDead.isEmpty() && ledByDead.size() < RANGES.size(), "leaders spread: " + ledByDead);
        Map<NodeId, Long> wakesBefore = new HashMap<>();
        cluster.running().forEach(s -> wakesBefore.put(s.nodeId(), s.stats().wakes()));
        cluster.stop(dead);

        cluster.tickUntilLeaders(RANGES, 100);
        for (RangeId r : ledByDead) {
            assertNotEquals(dead, cluster.leaderOf(r).orElseThrow());
        }
        for (Store s : cluster.running()) {
            assertEquals(ledByDead.size(), s.stats().wakes() - wakesBefore.get(s.nodeId()), "woke exactly the groups led by the dead store on " + s);
        }
        for (RangeId r : ledByDead) {
            NodeId leader = cluster.leaderOf(r).orElseThrow();
            CompletableFuture<byte[]> f = cluster.store(leader).propose(r, add(2));
            cluster.settle();
            assertEquals(3, decode(f.join()), "new leader of " + r + " commits with one store down");
        }
        cluster.tick(3);
        assertAllQuiesced(); // the dead follower does not hold quiescence back

        cluster.start(dead); // its fresh replicas campaign, which wakes their groups; they catch it up
        for (int t = 0; t < 200 && !(cluster.store(dead).stats().activeReplicas() == 0
                && RANGES.stream().allMatch(r -> cluster.machine(dead, r).total() == (ledByDead.contains(r) ? 3 : 1))); t++) {
            cluster.tick(1);
        }
        for (RangeId r : RANGES) {
            assertEquals(ledByDead.contains(r) ? 3 : 1, cluster.machine(dead, r).total(), "restarted store caught up on " + r);
        }
        cluster.tick(3);
        assertAllQuiesced();
    }
}

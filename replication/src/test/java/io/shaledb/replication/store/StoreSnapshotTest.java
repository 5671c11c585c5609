package io.shaledb.replication.store;

import static io.shaledb.replication.store.CounterStateMachine.add;
import static io.shaledb.replication.store.CounterStateMachine.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.NodeId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots and log truncation in the store, driven deterministically: the truncation policy
 * compacts logs, a store that missed compacted entries catches up by snapshot, a restarted store
 * starts from its snapshot, and quiescence still works afterwards.
 */
class StoreSnapshotTest {
    private static final List<RangeId> RANGES = LongStream.rangeClosed(1, 4).mapToObj(RangeId::of).toList();
    /** Snapshot every 20 entries, keep 5 below each snapshot. */
    private static final StoreConfig CONFIG = StoreConfig.defaults().withRandomSeed(11).withSnapshots(20, 5);

    @TempDir
    Path root;

    private StoreCluster cluster;

    @AfterEach
    void tearDown() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private void startCluster(StoreConfig config) {
        cluster = new StoreCluster(root, 3, config, 0);
        RANGES.forEach(cluster::createGroup);
        cluster.tickUntilLeaders(RANGES, 200);
    }

    /** Proposes amounts {@code from..to} one at a time to every range's leader; returns the sum. */
    private long proposeEach(long from, long to) {
        long sum = 0;
        for (long amount = from; amount <= to; amount++) {
            List<CompletableFuture<byte[]>> fs = new ArrayList<>();
            for (RangeId r : RANGES) {
                fs.add(cluster.store(cluster.leaderOf(r).orElseThrow()).propose(r, add(amount)));
            }
            cluster.settle();
            for (CompletableFuture<byte[]> f : fs) {
                assertTrue(f.isDone(), "proposal of " + amount + " completed");
                f.join();
            }
            sum += amount;
        }
        return sum;
    }

    /** Ticks until every running replica of every range applied its leader's last index. */
    private void tickUntilCaughtUp(int maxTicks) {
        for (int t = 0; t < maxTicks; t++) {
            if (caughtUp()) {
                return;
            }
            cluster.tick(1);
        }
        assertTrue(caughtUp(), "replicas caught up within " + maxTicks + " ticks");
    }

    private boolean caughtUp() {
        for (RangeId r : RANGES) {
            NodeId leader = cluster.leaderOf(r).orElse(null);
            if (leader == null) {
                return false;
            }
            long last = cluster.store(leader).replica(r).orElseThrow().status().lastIndex();
            for (Store s : cluster.running()) {
                if (s.replica(r).orElseThrow().status().appliedIndex() != last) {
                    return false;
                }
            }
        }
        return true;
    }

    private void assertTotals(long expected) {
        for (Store s : cluster.running()) {
            for (RangeId r : RANGES) {
                assertEquals(expected, cluster.machine(s.nodeId(), r).total(), s.nodeId() + " " + r);
            }
        }
    }

    @Test
    void truncationPolicyCompactsEveryLogKeepingTheTail() {
        startCluster(CONFIG.withQuiesce(false));
        long total = proposeEach(1, 60);
        cluster.tick(3);
        assertTotals(total);
        for (Store s : cluster.running()) {
            assertTrue(s.stats().snapshotsTaken() >= 2L * RANGES.size(), s + " " + s.stats());
            assertEquals(0, s.stats().snapshotsInstalled(), s + " " + s.stats());
            for (RangeId r : RANGES) {
                ReplicaStatus st = s.replica(r).orElseThrow().status();
                assertTrue(st.snapshotIndex() > 20 && st.appliedIndex() - st.snapshotIndex() <= 20, st.toString());
                assertEquals(st.snapshotIndex() - 5 + 1, st.firstIndex(), st.toString());
            }
        }
    }

    @Test
    void storeThatWasDownCatchesUpBySnapshot() {
        startCluster(CONFIG);
        long total = proposeEach(1, 3);
        NodeId down = followerOfAll();
        cluster.stop(down);
        total += proposeEach(4, 80);
        for (RangeId r : RANGES) {
            ReplicaStatus st = cluster.store(cluster.leaderOf(r).orElseThrow()).replica(r).orElseThrow().status();
            assertTrue(st.firstIndex() > 20, "leader log compacted: " + st);
        }
        cluster.start(down);
        tickUntilCaughtUp(300);
        assertTotals(total);
        Store back = cluster.store(down);
        assertTrue(back.stats().snapshotsInstalled() >= RANGES.size(), back.stats().toString());
        for (RangeId r : RANGES) {
            assertTrue(cluster.machine(down, r).restores() >= 1, r + " restored from a snapshot");
        }
        // The caught-up store keeps applying new commands one by one.
        total += proposeEach(81, 85);
        tickUntilCaughtUp(50);
        assertTotals(total);
        for (RangeId r : RANGES) {
            List<Long> tail = cluster.machine(down, r).amounts();
            assertEquals(List.of(81L, 82L, 83L, 84L, 85L), tail.subList(tail.size() - 5, tail.size()), r.toString());
        }
        assertNoFailures();
    }

    @Test
    void restartedStoresStartFromTheirSnapshots() {
        startCluster(CONFIG);
        long total = proposeEach(1, 50);
        cluster.tick(3);
        List<NodeId> ids = cluster.ids();
        ids.forEach(cluster::stop);
        ids.forEach(cluster::start);
        cluster.settle(); // the first pass replays the committed entries after each snapshot
        for (NodeId id : ids) {
            for (RangeId r : RANGES) {
                CounterStateMachine sm = cluster.machine(id, r);
                assertEquals(1, sm.restores(), id + " " + r + " restored at open");
                assertTrue(sm.amounts().size() < 20, "only entries after the snapshot replayed: " + sm.amounts());
                assertEquals(total, sm.total(), id + " " + r);
            }
        }
        cluster.tickUntilLeaders(RANGES, 300);
        total += proposeEach(51, 60);
        tickUntilCaughtUp(50);
        assertTotals(total);
        assertNoFailures();
    }

    @Test
    void groupsQuiesceAfterSnapshotCatchUp() {
        startCluster(CONFIG);
        long total = proposeEach(1, 2);
        NodeId down = followerOfAll();
        cluster.stop(down);
        total += proposeEach(3, 60);
        cluster.start(down);
        tickUntilCaughtUp(300);
        assertTotals(total);
        for (int t = 0; t < 100 && !allQuiesced(); t++) {
            cluster.tick(1);
        }
        assertTrue(allQuiesced(), "every replica quiesced after the snapshot catch-up");
        long ticksBefore = cluster.running().stream().mapToLong(s -> s.stats().raftTicks()).sum();
        cluster.tick(20);
        assertEquals(ticksBefore, cluster.running().stream().mapToLong(s -> s.stats().raftTicks()).sum(),
                "quiesced groups do not tick");
        assertNoFailures();
    }

    @Test
    void proposalCoveredByAnInstalledSnapshotHasUnknownOutcome() {
        startCluster(CONFIG);
        long total = proposeEach(1, 2);
        RangeId range = RANGES.get(0);
        NodeId oldLeader = cluster.leaderOf(range).orElseThrow();
        cluster.network.isolate(oldLeader);
        CompletableFuture<byte[]> lost = cluster.store(oldLeader).propose(range, add(1000));
        cluster.settle();
        assertTrue(!lost.isDone(), "an isolated leader cannot commit");
        // The others elect a new leader of the range and move far ahead, compacting their logs.
        for (int t = 0; t < 300 && !hasOtherLeader(range, oldLeader); t++) {
            cluster.tick(1);
        }
        assertTrue(hasOtherLeader(range, oldLeader), "a new leader without " + oldLeader);
        NodeId newLeader = otherLeader(range, oldLeader);
        long sum = 0;
        for (long amount = 3; amount <= 60; amount++) {
            CompletableFuture<byte[]> f = cluster.store(newLeader).propose(range, add(amount));
            cluster.settle();
            f.join();
            sum += amount;
        }
        cluster.network.heal(oldLeader);
        for (int t = 0; t < 200 && !lost.isDone(); t++) {
            cluster.tick(1);
        }
        ExecutionException e = assertThrows(ExecutionException.class, lost::get);
        ProposalOutcomeUnknownException unknown = assertInstanceOf(ProposalOutcomeUnknownException.class, e.getCause());
        assertEquals(range, unknown.range());
        assertTrue(unknown.snapshotIndex() >= unknown.index(), unknown.getMessage());
        for (int t = 0; t < 100; t++) {
            cluster.tick(1);
        }
        for (Store s : cluster.running()) {
            assertEquals(total + sum, cluster.machine(s.nodeId(), range).total(), s.nodeId().toString());
        }
        assertNoFailures();
    }

    private boolean hasOtherLeader(RangeId range, NodeId excluded) {
        return otherLeader(range, excluded) != null;
    }

    private NodeId otherLeader(RangeId range, NodeId excluded) {
        for (Store s : cluster.running()) {
            if (!s.nodeId().equals(excluded) && s.replica(range).orElseThrow().status().isLeader()) {
                return s.nodeId();
            }
        }
        return null;
    }

    private boolean allQuiesced() {
        for (Store s : cluster.running()) {
            if (s.stats().activeReplicas() != 0) {
                return false;
            }
        }
        return true;
    }

    /** A store that leads none of the ranges (so stopping it keeps every group's leader). */
    private NodeId followerOfAll() {
        for (NodeId id : cluster.ids()) {
            if (RANGES.stream().noneMatch(r -> id.equals(cluster.leaderOf(r).orElseThrow()))) {
                return id;
            }
        }
        // Move leadership away from the last store.
        NodeId target = cluster.ids().get(cluster.ids().size() - 1);
        for (RangeId r : RANGES) {
            NodeId leader = cluster.leaderOf(r).orElseThrow();
            if (leader.equals(target)) {
                cluster.store(leader).transferLeadership(r, cluster.ids().get(0));
            }
        }
        for (int t = 0; t < 100 && RANGES.stream().anyMatch(r -> cluster.leaderOf(r).map(target::equals).orElse(true)); t++) {
            cluster.tick(1);
        }
        assertTrue(RANGES.stream().noneMatch(r -> cluster.leaderOf(r).map(target::equals).orElse(true)),
                "leadership moved off " + target);
        return target;
    }

    private void assertNoFailures() {
        for (Store s : cluster.running()) {
            assertTrue(s.failure().isEmpty(), s + " failed: " + s.failure());
        }
    }
}

package io.shaledb.replication.store;

import static io.shaledb.replication.store.CounterStateMachine.add;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.ConfChange;
import io.shaledb.replication.raft.HardState;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.raft.ProposalRejectedException;
import io.shaledb.replication.storage.RocksRaftStorage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Membership changes through the store, driven deterministically: a group moves from stores
 * {1,2,3} to {2,3,4} under load with every command applied exactly once, and a leader removes
 * its own replica.
 */
class MembershipChangeStoreTest {
    private static final RangeId RANGE = RangeId.of(7);
    private static final NodeId N1 = NodeId.of(1);
    private static final NodeId N2 = NodeId.of(2);
    private static final NodeId N3 = NodeId.of(3);
    private static final NodeId N4 = NodeId.of(4);
    private static final Membership INITIAL = Membership.ofVoters(List.of(N1, N2, N3));
    /** Small snapshots so a joining replica may catch up by snapshot. */
    private static final StoreConfig CONFIG = StoreConfig.defaults().withRandomSeed(5).withSnapshots(15, 3);

    @TempDir
    Path root;

    private StoreCluster cluster;
    /** Every command proposed, by its (unique) amount. */
    private final Map<Long, CompletableFuture<byte[]>> proposed = new TreeMap<>();
    private long nextAmount = 1;

    @AfterEach
    void tearDown() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private void startGroup(int stores) {
        cluster = new StoreCluster(root, stores, CONFIG, 0);
        for (NodeId id : List.of(N1, N2, N3)) {
            cluster.store(id).createReplica(RANGE, INITIAL);
        }
        cluster.store(N1).campaign(RANGE);
        cluster.tickUntilLeaders(List.of(RANGE), 200);
    }

    /** Proposes one new command at the current leader, if there is one; its amount is unique. */
    private void proposeOne() {
        cluster.leaderOf(RANGE).ifPresent(leader -> {
            long amount = nextAmount++;
            proposed.put(amount, cluster.store(leader).propose(RANGE, add(amount)));
        });
    }

    /** Proposes {@code change} at the leader under load, retrying until it is applied there. */
    private Membership change(ConfChange change) {
        for (int attempt = 0; attempt < 50; attempt++) {
            NodeId leader = cluster.leaderOf(RANGE).orElse(null);
            if (leader == null) {
                cluster.tick(1);
                continue;
            }
            CompletableFuture<Membership> f = cluster.store(leader).changeReplicas(RANGE, change);
            proposeOne(); // load: commands around the change
            for (int t = 0; t < 60 && !f.isDone(); t++) {
                proposeOne();
                cluster.tick(1);
            }
            try {
                return f.join();
            } catch (CompletionException e) {
                Throwable c = e.getCause();
                if (!(c instanceof NotLeaderException || c instanceof ProposalRejectedException
                        || c instanceof ProposalSupersededException)) {
                    throw e;
                }
            }
            cluster.tick(1);
        }
        throw new AssertionError(change + " was never applied");
    }

    /** Ticks (with load) until the running replicas of the range applied the leader's last index. */
    private void tickUntilCaughtUp(List<NodeId> members, int maxTicks) {
        for (int t = 0; t < maxTicks; t++) {
            NodeId leader = cluster.leaderOf(RANGE).orElse(null);
            if (leader != null) {
                long last = cluster.store(leader).replica(RANGE).orElseThrow().status().lastIndex();
                if (members.stream().allMatch(id -> cluster.store(id).replica(RANGE).orElseThrow()
                        .status().appliedIndex() == last)) {
                    return;
                }
            }
            cluster.tick(1);
        }
        throw new AssertionError(members + " did not catch up in " + maxTicks + " ticks");
    }

    /**
     * Exactly once: {@code witness} applied every command one by one (it was never restored from
     * a snapshot); each amount appears at most once, every acknowledged one appears, and nothing
     * appears that was not proposed. The others reach the same total.
     */
    private void assertExactlyOnce(NodeId witness, List<NodeId> others, int minAcknowledged) {
        CounterStateMachine sm = cluster.machine(witness, RANGE);
        assertEquals(0, sm.restores(), witness + " applied every entry itself");
        List<Long> applied = sm.amounts();
        Set<Long> seen = new HashSet<>();
        for (long amount : applied) {
            assertTrue(seen.add(amount), "applied twice: " + amount);
            assertTrue(proposed.containsKey(amount), "never proposed: " + amount);
        }
        int acknowledged = 0;
        for (Map.Entry<Long, CompletableFuture<byte[]>> e : proposed.entrySet()) {
            CompletableFuture<byte[]> f = e.getValue();
            if (f.isDone() && !f.isCompletedExceptionally()) {
                acknowledged++;
                assertTrue(seen.contains(e.getKey()), "acknowledged but not applied: " + e.getKey());
            } else if (f.isCompletedExceptionally()) {
                Throwable c = f.handle((v, ex) -> ex).join();
                if (c instanceof NotLeaderException || c instanceof ProposalSupersededException) {
                    assertFalse(seen.contains(e.getKey()), "failed as never applied, yet applied: " + e.getKey());
                }
            }
        }
        assertTrue(acknowledged >= minAcknowledged, "load was applied: " + acknowledged);
        for (NodeId other : others) {
            assertEquals(sm.total(), cluster.machine(other, RANGE).total(), other + " vs " + witness);
        }
    }

    private void assertRaftStateDeleted(NodeId id) {
        RocksRaftStorage s = RocksRaftStorage.open(cluster.engine(id), RANGE);
        assertEquals(0, s.lastIndex(), "log deleted on " + id);
        assertNull(s.snapshotMeta(), "snapshot deleted on " + id);
        assertEquals(HardState.INITIAL, s.hardState(), "hard state deleted on " + id);
    }

    @Test
    void groupMovesFromStores123To234UnderLoad() {
        startGroup(4);
        for (int i = 0; i < 20; i++) {
            proposeOne();
            cluster.settle();
        }
        // Store 4 joins: created empty with the group's initial membership, then added.
        Membership initial = cluster.store(N2).replica(RANGE).orElseThrow().initialMembership();
        assertEquals(INITIAL, initial);
        cluster.store(N4).createReplica(RANGE, initial);
        Membership m = change(ConfChange.addLearner(N4));
        assertEquals(Set.of(N4), m.learners());
        tickUntilCaughtUp(List.of(N2, N3, N4), 200);
        m = change(ConfChange.addVoter(N4));
        assertEquals(Set.of(N1, N2, N3, N4), m.voters());
        m = change(ConfChange.remove(N1));
        assertEquals(Membership.ofVoters(List.of(N2, N3, N4)), m);
        // Store 1's replica: destroyed by itself if it applied its removal (it led), else by hand.
        for (int t = 0; t < 3 * CONFIG.electionTicks() && cluster.store(N1).replica(RANGE).isPresent(); t++) {
            proposeOne();
            cluster.tick(1);
        }
        if (cluster.store(N1).replica(RANGE).isPresent()) {
            CompletableFuture<Void> removed = cluster.store(N1).removeReplica(RANGE);
            cluster.settle();
            removed.join();
        }
        assertFalse(cluster.store(N1).replica(RANGE).isPresent());
        assertRaftStateDeleted(N1);
        for (int i = 0; i < 10; i++) {
            proposeOne();
            cluster.tick(1);
        }
        for (int t = 0; t < 100 && proposed.values().stream().anyMatch(f -> !f.isDone()
                && cluster.leaderOf(RANGE).isPresent()); t++) {
            cluster.tick(1);
        }
        tickUntilCaughtUp(List.of(N2, N3, N4), 200);
        assertNoFailures();
        assertExactlyOnce(N2, List.of(N3, N4), 40);
        for (NodeId id : List.of(N2, N3, N4)) {
            assertEquals(Membership.ofVoters(List.of(N2, N3, N4)), cluster.store(id).replica(RANGE).orElseThrow().membership());
        }
        // Store 4 restarts into the new membership (from its log or snapshot), and the group goes on.
        cluster.stop(N4);
        cluster.start(N4);
        cluster.settle();
        assertEquals(Membership.ofVoters(List.of(N2, N3, N4)), cluster.store(N4).replica(RANGE).orElseThrow().membership());
        long before = proposed.size();
        for (int i = 0; i < 5; i++) {
            proposeOne();
            cluster.tick(1);
        }
        assertTrue(proposed.size() > before);
        tickUntilCaughtUp(List.of(N2, N3, N4), 200);
        assertEquals(cluster.machine(N2, RANGE).total(), cluster.machine(N4, RANGE).total());
    }

    @Test
    void leaderRemovesItsOwnReplica() {
        startGroup(3);
        assertEquals(N1, cluster.leaderOf(RANGE).orElseThrow());
        for (int i = 0; i < 10; i++) {
            proposeOne();
            cluster.settle();
        }
        CompletableFuture<Membership> f = cluster.store(N1).changeReplicas(RANGE, ConfChange.remove(N1));
        for (int t = 0; t < 50 && !f.isDone(); t++) {
            cluster.tick(1);
        }
        assertEquals(Membership.ofVoters(List.of(N2, N3)), f.join());
        for (int t = 0; t < 100 && (cluster.store(N1).replica(RANGE).isPresent()
                || cluster.leaderOf(RANGE).isEmpty()); t++) {
            cluster.tick(1);
        }
        assertFalse(cluster.store(N1).replica(RANGE).isPresent(), "the removed leader destroyed its replica");
        assertRaftStateDeleted(N1);
        NodeId newLeader = cluster.leaderOf(RANGE).orElseThrow();
        assertTrue(newLeader.equals(N2) || newLeader.equals(N3), newLeader.toString());
        for (int i = 0; i < 10; i++) {
            proposeOne();
            cluster.settle();
        }
        tickUntilCaughtUp(List.of(N2, N3), 100);
        assertNoFailures();
        assertExactlyOnce(N2, List.of(N3), 20);
        List<CompletableFuture<byte[]>> all = new ArrayList<>(proposed.values());
        assertTrue(all.stream().allMatch(x -> x.isDone() && !x.isCompletedExceptionally()),
                "every proposal at a live leader applied");
    }

    private void assertNoFailures() {
        for (Store s : cluster.running()) {
            assertTrue(s.failure().isEmpty(), s + " failed: " + s.failure());
        }
    }
}

package io.shaledb.replication.store;

import static io.shaledb.replication.store.CounterStateMachine.add;
import static io.shaledb.replication.store.CounterStateMachine.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.NodeId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three stores driven deterministically (one thread, manual ticks) over a direct network. */
class StoreTest {
    private static final List<RangeId> RANGES = LongStream.rangeClosed(1, 40).mapToObj(RangeId::of).toList();

    @TempDir
    Path root;

    private StoreCluster cluster;

    @AfterEach
    void tearDown() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private StoreCluster startCluster(StoreConfig config) {
        cluster = new StoreCluster(root, 3, config, 0);
        RANGES.forEach(cluster::createGroup);
        cluster.tickUntilLeaders(RANGES, 200);
        return cluster;
    }

    private static <T> T done(CompletableFuture<T> f) {
        assertTrue(f.isDone(), "future completed");
        return f.join();
    }

    private static Throwable failure(CompletableFuture<?> f) {
        assertTrue(f.isCompletedExceptionally(), "future failed");
        ExecutionException e = assertThrows(ExecutionException.class, f::get);
        return e.getCause();
    }

    /** Proposes {@code amount} to each range at its leader; returns the futures. */
    private Map<RangeId, CompletableFuture<byte[]>> proposeEverywhere(long amount) {
        Map<RangeId, CompletableFuture<byte[]>> out = new TreeMap<>();
        for (RangeId r : RANGES) {
            NodeId leader = cluster.leaderOf(r).orElseThrow();
            out.put(r, cluster.store(leader).propose(r, add(amount)));
        }
        return out;
    }

    @Test
    void manyGroupsElectAndCommitWithResults() {
        startCluster(StoreConfig.defaults().withQuiesce(false));
        for (long round = 1; round <= 5; round++) {
            Map<RangeId, CompletableFuture<byte[]>> fs = proposeEverywhere(round);
            cluster.settle();
            long expectedTotal = round * (round + 1) / 2;
            fs.values().forEach(f -> assertEquals(expectedTotal, decode(done(f))));
        }
        for (NodeId id : cluster.ids()) {
            for (RangeId r : RANGES) {
                assertEquals(List.of(1L, 2L, 3L, 4L, 5L), cluster.machine(id, r).amounts(), id + " " + r);
            }
        }
        // One tick: every group's heartbeats and their answers travel in one batch per peer and pass.
        Map<NodeId, StoreStats> before = new TreeMap<>();
        cluster.running().forEach(s -> before.put(s.nodeId(), s.stats()));
        cluster.tick(1);
        for (Store s : cluster.running()) {
            long messages = s.stats().messagesSent() - before.get(s.nodeId()).messagesSent();
            long batches = s.stats().batchesSent() - before.get(s.nodeId()).batchesSent();
            assertTrue(messages >= RANGES.size() && batches <= 2 * (s.stats().passes() - before.get(s.nodeId()).passes()),
                    s + ": " + messages + " messages in " + batches + " batches");
            assertTrue(batches * 4 <= messages, s + ": " + messages + " messages in " + batches + " batches");
        }
        // Group commit shares syncs across groups.
        for (Store s : cluster.running()) {
            StoreStats st = s.stats();
            assertTrue(st.syncedWrites() < st.readiesPersisted(), st.toString());
        }
    }

    @Test
    void sameSeedReplaysTheSameRun() {
        List<String> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            StoreCluster c = new StoreCluster(root.resolve("run" + run), 3, StoreConfig.defaults().withRandomSeed(99), 0);
            try {
                RANGES.forEach(c::createGroup);
                c.tick(30);
                StringBuilder trace = new StringBuilder();
                for (RangeId r : RANGES) {
                    trace.append(r).append('=').append(c.leaderOf(r).orElse(null)).append(' ');
                }
                for (Store s : c.running()) {
                    StoreStats st = s.stats();
                    trace.append(st.passes()).append('/').append(st.messagesSent()).append('/').append(st.raftTicks()).append(' ');
                }
                runs.add(trace.toString());
            } finally {
                c.close();
            }
        }
        assertEquals(runs.get(0), runs.get(1));
    }

    @Test
    void followerRefusesProposalsWithLeaderHint() {
        startCluster(StoreConfig.defaults());
        RangeId r = RANGES.get(0);
        NodeId leader = cluster.leaderOf(r).orElseThrow();
        NodeId follower = cluster.ids().stream().filter(n -> !n.equals(leader)).findFirst().orElseThrow();
        CompletableFuture<byte[]> f = cluster.store(follower).propose(r, add(1));
        cluster.settle();
        NotLeaderException e = assertInstanceOf(NotLeaderException.class, failure(f));
        assertEquals(leader, e.leaderHint().orElseThrow());
        assertEquals(r, e.range());

        ReplicaUnavailableException missing = assertInstanceOf(ReplicaUnavailableException.class,
                failure(cluster.store(leader).propose(RangeId.of(999), add(1))));
        assertEquals(ReplicaUnavailableException.Reason.NOT_FOUND, missing.reason());
    }

    @Test
    void resultsSurviveAStoreRestart() {
        startCluster(StoreConfig.defaults());
        for (long amount : new long[] {10, 20, 30}) {
            proposeEverywhere(amount).values().forEach(f -> {
                cluster.settle();
                done(f);
            });
        }
        NodeId victim = NodeId.of(3);
        cluster.stop(victim);
        cluster.tickUntilLeaders(RANGES, 300); // groups led by n3 elect elsewhere
        Map<RangeId, CompletableFuture<byte[]>> late = proposeEverywhere(40);
        cluster.settle();
        late.values().forEach(f -> assertEquals(100, decode(done(f))));

        cluster.start(victim); // replicas recreated from the engine; state machines replay the log
        Store restarted = cluster.store(victim);
        assertEquals(new java.util.TreeSet<>(RANGES), restarted.rangeIds());
        cluster.tick(40);
        for (RangeId r : RANGES) {
            CounterStateMachine sm = cluster.machine(victim, r);
            assertEquals(List.of(10L, 20L, 30L, 40L), sm.amounts(), r.toString());
            assertEquals(100, sm.total());
        }
    }

    @Test
    void readIndexOnLeaderAndFollowerCoversEarlierWrites() {
        startCluster(StoreConfig.defaults());
        RangeId r = RANGES.get(1);
        NodeId leader = cluster.leaderOf(r).orElseThrow();
        CompletableFuture<byte[]> w = cluster.store(leader).propose(r, add(7));
        cluster.settle();
        done(w);
        for (NodeId id : cluster.ids()) {
            CompletableFuture<Long> read = cluster.store(id).readIndex(r);
            cluster.tick(3); // a follower's request travels to the leader and back
            long index = done(read);
            Replica rep = cluster.store(id).replica(r).orElseThrow();
            assertTrue(rep.status().appliedIndex() >= index, id + " applied up to the read index");
            assertEquals(7, cluster.machine(id, r).total(), id + " sees the write");
        }
    }

    @Test
    void proposalOverwrittenByANewLeaderFailsAsSuperseded() {
        startCluster(StoreConfig.defaults());
        RangeId r = RANGES.get(6);
        NodeId old = cluster.leaderOf(r).orElseThrow();
        cluster.network.isolate(old);
        CompletableFuture<byte[]> lost = cluster.store(old).propose(r, add(1000)); // appended, never replicated
        cluster.settle();
        long index = cluster.store(old).replica(r).orElseThrow().status().lastIndex();
        NodeId fresh = null;
        for (int t = 0; t < 200 && fresh == null; t++) {
            cluster.tick(1);
            fresh = cluster.ids().stream().filter(n -> !n.equals(old))
                    .filter(n -> cluster.store(n).replica(r).orElseThrow().status().isLeader()).findFirst().orElse(null);
        }
        assertTrue(fresh != null, "the majority side elected a leader");
        CompletableFuture<byte[]> kept = cluster.store(fresh).propose(r, add(1));
        cluster.settle();
        assertEquals(1, decode(done(kept)));
        assertFalse(lost.isDone(), "the old leader cannot know yet");

        cluster.network.heal(old);
        for (int t = 0; t < 100 && !lost.isDone(); t++) {
            cluster.tick(1);
        }
        ProposalSupersededException e = assertInstanceOf(ProposalSupersededException.class, failure(lost));
        assertEquals(index, e.index());
        assertEquals(1, cluster.machine(old, r).total(), "the old leader applied the new leader's log, not its own entry");
    }

    @Test
    void transferLeadershipMovesTheLeader() {
        startCluster(StoreConfig.defaults());
        RangeId r = RANGES.get(2);
        NodeId leader = cluster.leaderOf(r).orElseThrow();
        NodeId target = cluster.ids().stream().filter(n -> !n.equals(leader)).findFirst().orElseThrow();
        CompletableFuture<Void> t = cluster.store(leader).transferLeadership(r, target);
        cluster.tick(5);
        done(t);
        assertEquals(target, cluster.leaderOf(r).orElseThrow());
        CompletableFuture<byte[]> f = cluster.store(target).propose(r, add(5));
        cluster.settle();
        assertEquals(5, decode(done(f)));
    }

    @Test
    void removedReplicaFailsRequestsAndIsNotRecreated() {
        startCluster(StoreConfig.defaults());
        RangeId r = RANGES.get(3);
        NodeId id = NodeId.of(2);
        CompletableFuture<Void> removal = cluster.store(id).removeReplica(r);
        cluster.settle();
        done(removal);
        assertFalse(cluster.store(id).replica(r).isPresent());
        ReplicaUnavailableException e = assertInstanceOf(ReplicaUnavailableException.class,
                failure(cluster.store(id).readIndex(r)));
        assertEquals(ReplicaUnavailableException.Reason.NOT_FOUND, e.reason());
        cluster.stop(id);
        cluster.start(id);
        assertFalse(cluster.store(id).rangeIds().contains(r));
        assertEquals(RANGES.size() - 1, cluster.store(id).rangeIds().size());
    }

    @Test
    void closeFailsPendingRequests() {
        startCluster(StoreConfig.defaults());
        RangeId r = RANGES.get(4);
        NodeId leader = cluster.leaderOf(r).orElseThrow();
        List<CompletableFuture<byte[]>> pending = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pending.add(cluster.store(leader).propose(r, add(1)));
        }
        cluster.stop(leader); // never processed
        for (CompletableFuture<byte[]> f : pending) {
            ReplicaUnavailableException e = assertInstanceOf(ReplicaUnavailableException.class, failure(f));
            assertEquals(ReplicaUnavailableException.Reason.STORE_CLOSED, e.reason());
        }
    }
}

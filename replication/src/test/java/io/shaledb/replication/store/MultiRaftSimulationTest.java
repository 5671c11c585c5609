package io.shaledb.replication.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded runs of {@link MultiRaftSimulation}: many groups on 3 and 5 real stores under crashes
 * (power failures losing a random suffix of the unsynced writes, some clean closes),
 * partitions, lossy links, leader transfers, small snapshot thresholds (lagging replicas catch
 * up by InstallSnapshot) and, on 5 stores, replica moves (add learner, promote, remove). A failure names its seed and the command that
 * replays it ({@link #replay} with {@code -Dmsim.replay=nodes,groups,seed,durationMs,quiesce,bug}).
 * Wider sweeps: {@link MultiRaftSimulationStats}.
 */
class MultiRaftSimulationTest {

    @ParameterizedTest
    @CsvSource({"1, true", "2, false", "3, true"})
    void threeStoresStaySafeAndLinearizable(long seed, boolean quiesce, @TempDir Path dir) {
        assertHealthy(run(new MultiRaftSimulation.Options(3, 20, seed, 5_000, quiesce, MultiRaftSimulation.Bug.NONE), dir));
    }

    @ParameterizedTest
    @CsvSource({"1, false", "2, true", "3, false"})
    void fiveStoresStaySafeAndLinearizable(long seed, boolean quiesce, @TempDir Path dir) {
        MultiRaftSimulation.Summary s =
                run(new MultiRaftSimulation.Options(5, 30, seed, 4_000, quiesce, MultiRaftSimulation.Bug.NONE), dir);
        assertHealthy(s);
        assertTrue(s.counts().getOrDefault("moveDone", 0L) >= 3, "replicas moved: " + s);
        assertTrue(s.counts().getOrDefault("confChangeOk", 0L) >= 9, "membership changes applied: " + s);
    }

    /**
     * Fresh random seeds every run (jqwik prints the seed; a failing run also prints its
     * {@code -Dmsim.replay} line). Safety and linearizability are checked inside the run; here
     * only that the run made progress.
     */
    @Property(tries = 6)
    void randomSeedsStaySafeAndLinearizable(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed,
                                            @ForAll boolean fiveStores, @ForAll boolean quiesce) throws IOException {
        Path dir = Files.createTempDirectory("shale-msim");
        try {
            MultiRaftSimulation.Options o = fiveStores
                    ? new MultiRaftSimulation.Options(5, 30, seed, 4_000, quiesce, MultiRaftSimulation.Bug.NONE)
                    : new MultiRaftSimulation.Options(3, 20, seed, 5_000, quiesce, MultiRaftSimulation.Bug.NONE);
            MultiRaftSimulation.Summary s = run(o, dir);
            assertTrue(s.counts().getOrDefault("writeOk", 0L) > 100, "writes commit: " + s);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /**
     * Seeds of this session's sweeps (`bench/raft.sh msim 3 200 229`), kept as a fixed CI set.
     * Seed 207 was the first to catch something with power failures: one kept a replica's new
     * snapshot (at 21) but lost the compaction written after it, so the log restarted at 1 ("snapshot
     * does not sit at the log start"). Harmless for safety, but fixed: a snapshot and its
     * compaction are now one write (see {@code RocksRaftStorageTest}).
     */
    @ParameterizedTest
    @ValueSource(longs = {200, 201, 202, 203, 204, 205, 206, 207, 208, 209})
    void threeStoresSweptSeeds(long seed, @TempDir Path dir) {
        assertHealthy(run(new MultiRaftSimulation.Options(3, 20, seed, 5_000, true, MultiRaftSimulation.Bug.NONE), dir));
    }

    /** Seeds of this session's sweeps (`bench/raft.sh msim 5 100 159`, and 300.. without quiescence). */
    @ParameterizedTest
    @CsvSource({"100, true", "101, true", "102, true", "103, true", "104, true", "105, true",
            "300, false", "301, false", "302, false", "303, false"})
    void fiveStoresSweptSeeds(long seed, boolean quiesce, @TempDir Path dir) {
        assertHealthy(run(new MultiRaftSimulation.Options(5, 30, seed, 5_000, quiesce, MultiRaftSimulation.Bug.NONE), dir));
    }

    /**
     * A liveness bug this simulation found in {@link Store} quiescence: a leader whose followers
     * look dead (partitioned or crashed) quiesces with them behind, and nothing wakes it when they
     * come back; a stale minority leader quiesces the same way and never steps down. After the
     * final heal the group stays split forever (e.g. r15: n4 leads term 2 at index 38, n5 still
     * "leads" term 1 at 31, both quiesced). Fixed: a peer that comes back to life wakes the groups
     * quiesced while it was dead. (Seed 6 found it before snapshots and moves joined the run; it
     * now drives a different schedule but stays as a regression run.)
     */
    @Test
    void quiescedGroupsCatchUpPeersThatComeBack(@TempDir Path dir) {
        assertHealthy(run(new MultiRaftSimulation.Options(5, 30, 6, 5_000, true,
                MultiRaftSimulation.Bug.NONE), dir));
    }

    /**
     * A store bug this simulation found with replica moves: a replica that rejoins a group it was
     * removed from (r10 left n1, later moved back to it) replays the entry that removed it the
     * first time, starts its leave countdown and destroys itself although the membership after
     * it takes it back; the group is left with a voter that has no replica (unsettled: "replica
     * on n1 false but membership [n1, n2, n5]"). Fixed in {@link Replica}: the countdown stops
     * when the membership contains the replica again.
     */
    @Test
    void aReplicaMovedBackIgnoresItsOldRemoval(@TempDir Path dir) {
        MultiRaftSimulation.Summary s = run(new MultiRaftSimulation.Options(5, 30, 103, 5_000, true,
                MultiRaftSimulation.Bug.NONE), dir);
        assertHealthy(s);
        assertTrue(s.counts().getOrDefault("moveDone", 0L) > 0, "replicas moved: " + s);
    }

    /**
     * A store bug this simulation found with replica moves: a leader quiesced while a leadership
     * transfer it had started was pending (its target was cut off); only ticks abandon a transfer,
     * so the quiesced leader refused every proposal for good ("leadership transfer in progress")
     * and the move of r1 never finished. Fixed in {@link Replica}: no quiescing during a transfer.
     */
    @Test
    void aQuiescedLeaderDoesNotKeepATransferPendingForever(@TempDir Path dir) {
        assertHealthy(run(new MultiRaftSimulation.Options(5, 30, 146, 5_000, true, MultiRaftSimulation.Bug.NONE), dir));
    }

    @Test
    void readsWithoutReadIndexAreCaught(@TempDir Path dir) {
        AssertionError e = assertThrows(AssertionError.class, () -> run(
                new MultiRaftSimulation.Options(3, 10, 1, 2_000, true, MultiRaftSimulation.Bug.STALE_READS), dir));
        assertTrue(e.getMessage().contains("NOT_LINEARIZABLE"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dmsim.replay=3,10,1,2000,true,STALE_READS"), e.getMessage());
    }

    @Test
    void acknowledgingBeforeCommitIsCaught(@TempDir Path dir) {
        AssertionError e = assertThrows(AssertionError.class, () -> run(
                new MultiRaftSimulation.Options(3, 10, 1, 2_000, true, MultiRaftSimulation.Bug.EARLY_ACKS), dir));
        assertTrue(e.getMessage().contains("durable on only"), e.getMessage());
    }

    /**
     * Negative control of the power-failure model: Raft log writes never synced (members answer
     * appends that a power failure may lose) are caught by the quorum-durability check, which
     * judges acknowledged writes by synced state.
     */
    @Test
    void unsyncedLogWritesAreCaught(@TempDir Path dir) {
        AssertionError e = assertThrows(AssertionError.class, () -> run(
                new MultiRaftSimulation.Options(3, 10, 1, 2_000, true, MultiRaftSimulation.Bug.UNSYNCED_LOG), dir));
        assertTrue(e.getMessage().contains("durable on only"), e.getMessage());
    }

    /**
     * The same fault with acknowledgements of live stores judged by the logs they published
     * (unsynced writes included), as before the power-failure model: only a power failure
     * reveals it. Seed 9 (of 1..12 swept) crashes n2, whose power failure loses 530 unsynced
     * batches: an acknowledged write's entry is then on disk only on n1.
     */
    @Test
    void unsyncedLogWritesAreCaughtByPowerFailuresAlone(@TempDir Path dir) {
        AssertionError e = assertThrows(AssertionError.class, () -> run(new MultiRaftSimulation.Options(3, 5, 9,
                3_000, true, MultiRaftSimulation.Bug.UNSYNCED_LOG_CRASHES_ONLY), dir));
        assertTrue(e.getMessage().contains("durable on only"), e.getMessage());
        assertTrue(e.getMessage().contains("powerFailure=1"), e.getMessage());
    }

    @Test
    void sameSeedReplaysExactly(@TempDir Path dir) {
        MultiRaftSimulation.Options o =
                new MultiRaftSimulation.Options(3, 10, 11, 2_000, true, MultiRaftSimulation.Bug.NONE);
        MultiRaftSimulation.Summary a = run(o, dir.resolve("a"));
        MultiRaftSimulation.Summary b = run(o, dir.resolve("b"));
        assertEquals(a.events(), b.events());
        assertEquals(a.counts(), b.counts());
        assertEquals(a.linearizability(), b.linearizability());
    }

    /** Replays {@code -Dmsim.replay=nodes,groups,seed,durationMs,quiesce,bug}; skipped without it. */
    @Test
    void replay(@TempDir Path dir) {
        String spec = System.getProperty("msim.replay");
        Assumptions.assumeTrue(spec != null && !spec.isBlank(), "set -Dmsim.replay to replay a seed");
        String[] f = spec.split(",");
        MultiRaftSimulation.Summary s = run(new MultiRaftSimulation.Options(Integer.parseInt(f[0]),
                Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Boolean.parseBoolean(f[4]),
                MultiRaftSimulation.Bug.valueOf(f[5])), dir);
        System.out.println(s);
    }

    private static MultiRaftSimulation.Summary run(MultiRaftSimulation.Options o, Path dir) {
        MultiRaftSimulation.Summary s = new MultiRaftSimulation(o, dir).run();
        System.out.println(s);
        return s;
    }

    private static void assertHealthy(MultiRaftSimulation.Summary s) {
        assertTrue(s.counts().getOrDefault("writeOk", 0L) > 100, "writes commit: " + s);
        assertTrue(s.counts().getOrDefault("readOk", 0L) > 100, "reads complete: " + s);
        assertTrue(s.counts().getOrDefault("crash", 0L) + s.counts().getOrDefault("heal", 0L) > 0,
                "the nemesis acted: " + s);
        assertTrue(s.counts().getOrDefault("snapshotsTaken", 0L) > 10, "snapshots taken: " + s);
        assertTrue(s.counts().getOrDefault("snapshotsInstalled", 0L) > 0, "lagging replicas caught up by snapshot: " + s);
    }
}

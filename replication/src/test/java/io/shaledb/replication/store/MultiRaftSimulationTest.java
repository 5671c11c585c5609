package io.shaledb.replication.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded runs of {@link MultiRaftSimulation}: many groups on 3 and 5 real stores under crashes,
 * partitions, lossy links and leader transfers. A failure names its seed and the command that
 * replays it ({@link #replay} with {@code -Dmsim.replay=nodes,groups,seed,durationMs,brokenReads}).
 * Wider sweeps: {@link MultiRaftSimulationStats}.
 */
class MultiRaftSimulationTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void threeStoresStaySafeAndLinearizable(long seed, @TempDir Path dir) {
        assertHealthy(run(MultiRaftSimulation.Options.of(3, seed), dir));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void fiveStoresStaySafeAndLinearizable(long seed, @TempDir Path dir) {
        assertHealthy(run(MultiRaftSimulation.Options.of(5, seed), dir));
    }

    @Test
    void readsWithoutReadIndexAreCaught(@TempDir Path dir) {
        AssertionError e = assertThrows(AssertionError.class, () -> run(
                new MultiRaftSimulation.Options(3, 20, 1, 5_000, true), dir));
        assertTrue(e.getMessage().contains("NOT_LINEARIZABLE"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dmsim.replay=3,20,1,5000,true"), e.getMessage());
    }

    @Test
    void sameSeedReplaysExactly(@TempDir Path dir) {
        MultiRaftSimulation.Options o = new MultiRaftSimulation.Options(3, 10, 11, 2_000, false);
        MultiRaftSimulation.Summary a = run(o, dir.resolve("a"));
        MultiRaftSimulation.Summary b = run(o, dir.resolve("b"));
        assertEquals(a.events(), b.events());
        assertEquals(a.counts(), b.counts());
        assertEquals(a.linearizability(), b.linearizability());
    }

    /** Replays {@code -Dmsim.replay=nodes,groups,seed,durationMs,brokenReads}; skipped without it. */
    @Test
    void replay(@TempDir Path dir) {
        String spec = System.getProperty("msim.replay");
        Assumptions.assumeTrue(spec != null && !spec.isBlank(), "set -Dmsim.replay to replay a seed");
        String[] f = spec.split(",");
        MultiRaftSimulation.Summary s = run(new MultiRaftSimulation.Options(Integer.parseInt(f[0]),
                Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Boolean.parseBoolean(f[4])), dir);
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
    }
}

package io.shaledb.replication.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Seeded whole-group simulations. A failure message names the seed and the exact call that
 * replays it; paste it into {@link #replaySeed()} to debug. For a wider sweep outside the build,
 * run {@link SimulationStats} with {@code nodes from to [duration]} on the test classpath.
 */
class RaftSimulationTest {

    @Property(tries = 40)
    void singleNodeStaysSafeAndLive(@ForAll long seed) {
        assertSafeAndLive(1, seed);
    }

    // Every run also reconfigures the group at random (two spare nodes). Tries are sized so the
    // simulations take a few minutes of CI (seeds are random per run; a failure prints its seed
    // and the replay call); `bench/raft.sh seeds` sweeps many more.
    @Property(tries = 800)
    void threeNodesStaySafeAndLiveUnderFaults(@ForAll long seed) {
        assertSafeAndLive(3, seed);
    }

    @Property(tries = 400)
    void fiveNodesStaySafeAndLiveUnderFaults(@ForAll long seed) {
        assertSafeAndLive(5, seed);
    }

    @Test
    void replaySeed() {
        RaftSimulation.Summary s = new RaftSimulation(RaftSimulation.Options.of(3, 42L)).run();
        assertTrue(s.acknowledged() > 0);
    }

    @Test
    void reconfigurationRunsChangeTheMembershipAndStayLive() {
        RaftSimulation.Summary s = new RaftSimulation(RaftSimulation.Options.of(3, 11L)).run();
        assertTrue(s.confChanges() >= 5, "membership changes were made: " + s);
        assertTrue(s.leaderRemovals() >= 1, "a leader removed itself: " + s);
        assertTrue(s.acknowledged() > 100, s.toString());
    }

    @Test
    void sameSeedReplaysExactly() {
        RaftSimulation.Summary a = new RaftSimulation(RaftSimulation.Options.of(3, 7L)).run();
        RaftSimulation.Summary b = new RaftSimulation(RaftSimulation.Options.of(3, 7L)).run();
        assertEquals(a, b);
    }

    @Test
    void healthyButLossyNetworkKeepsTheFirstLeader() {
        for (long seed = 1; seed <= 3; seed++) {
            RaftSimulation.Summary s = new RaftSimulation(
                    new RaftSimulation.Options(3, seed, 6_000, false, RaftFaults.NONE)).run();
            assertTrue(s.maxTerm() <= 2, "PreVote and CheckQuorum avoid needless elections: " + s);
            assertTrue(s.acknowledged() > 100, s.toString());
        }
    }

    @Test
    void laggingMembersCatchUpByInstallingSnapshots() {
        int installed = 0;
        for (long seed = 1; seed <= 4; seed++) {
            RaftSimulation.Summary s = new RaftSimulation(RaftSimulation.Options.of(3, seed)).run();
            assertTrue(s.snapshotsTaken() > 0, "applications snapshot and compact: " + s);
            assertTrue(s.snapshotsInstalled() <= s.snapshotsSent(), s.toString());
            installed += s.snapshotsInstalled();
        }
        assertTrue(installed > 0, "crashes and partitions force some members to catch up by snapshot");
    }

    private static void assertSafeAndLive(int nodes, long seed) {
        RaftSimulation.Summary s = new RaftSimulation(RaftSimulation.Options.of(nodes, seed)).run();
        assertTrue(s.acknowledged() > 0, "some proposals were acknowledged: " + s);
        assertTrue(s.committed() >= s.acknowledged(), s.toString());
    }
}

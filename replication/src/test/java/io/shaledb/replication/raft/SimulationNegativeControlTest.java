package io.shaledb.replication.raft;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/**
 * The simulation must be able to fail: with a deliberate safety bug switched on in every node,
 * its invariant checks have to catch it within a handful of seeds.
 */
class SimulationNegativeControlTest {

    @Test
    void catchesALeaderThatCommitsWithoutAQuorum() {
        String caught = firstViolation(new RaftFaults(true, false), 5);
        assertTrue(caught.contains("quorum") || caught.contains("committed"), caught);
    }

    @Test
    void catchesVotersThatIgnoreTheLogUpToDateCheck() {
        String caught = firstViolation(new RaftFaults(false, true), 30);
        assertTrue(caught.contains("committed") || caught.contains("leader"), caught);
    }

    @Test
    void catchesAMemberThatSkipsTheEntryAfterAnInstalledSnapshot() {
        String caught = firstViolation(RaftFaults.NONE.withSnapshotSkipsEntry(true), 10);
        assertTrue(caught.contains("applied") || caught.contains("state"), caught);
    }

    @Test
    void catchesALeaderThatCountsLearnersAsVoters() {
        String caught = firstViolation(RaftFaults.NONE.withCommitCountsLearners(true), 5);
        assertTrue(caught.contains("quorum"), caught);
    }

    @Test
    void catchesMembershipChangesThatIgnoreThePendingRule() {
        // Two changes in flight at once let a leader's voters drift two servers away from the
        // committed membership: majorities that need not intersect.
        String caught = firstViolation(RaftFaults.NONE.withConfChangeIgnoresPending(true), 10);
        assertTrue(caught.contains("majorities") || caught.contains("committed"), caught);
    }

    private static String firstViolation(RaftFaults faults, int seeds) {
        for (long seed = 1; seed <= seeds; seed++) {
            try {
                new RaftSimulation(RaftSimulation.Options.of(3, seed).withFaults(faults)).run();
            } catch (AssertionError e) {
                System.out.println("negative control " + faults + " caught at seed " + seed + ": " + e.getMessage());
                return e.getMessage();
            }
        }
        return fail("no invariant violation in " + seeds + " seeds with " + faults);
    }
}

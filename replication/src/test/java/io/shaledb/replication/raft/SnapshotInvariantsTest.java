package io.shaledb.replication.raft;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulation's snapshot invariants fail on the states they are meant to catch. */
class SnapshotInvariantsTest {
    private static final NodeId N1 = NodeId.of(1);
    private static final Membership M = Membership.ofVoters(List.of(N1, NodeId.of(2), NodeId.of(3)));

    private static LogEntry cmd(long index) {
        return new LogEntry(1, index, EntryType.COMMAND, new byte[] {(byte) index});
    }

    /** Invariants whose truth holds entries 1..3, applied by n1 one by one; returns its state. */
    private static long commitThree(SimulationInvariants inv) {
        long state = 0;
        for (long i = 1; i <= 3; i++) {
            inv.applied(N1, i - 1, cmd(i));
            state = SimApplication.chain(state, cmd(i));
        }
        return state;
    }

    @Test
    void acceptsASnapshotOfTheReferenceState() {
        SimulationInvariants inv = new SimulationInvariants(3);
        long state = commitThree(inv);
        inv.snapshotInstalled(NodeId.of(2), 0, new Snapshot(new SnapshotMeta(3, 1, M), SimApplication.encode(state)));
    }

    @Test
    void catchesASnapshotWhoseStateDiffersFromApplyingOneByOne() {
        SimulationInvariants inv = new SimulationInvariants(3);
        long state = commitThree(inv);
        Snapshot wrong = new Snapshot(new SnapshotMeta(3, 1, M), SimApplication.encode(state + 1));
        AssertionError e = assertThrows(SimulationInvariants.Violation.class,
                () -> inv.snapshotInstalled(NodeId.of(2), 0, wrong));
        assertTrue(e.getMessage().contains("state"), e.getMessage());
    }

    @Test
    void catchesASnapshotCoveringUncommittedEntries() {
        SimulationInvariants inv = new SimulationInvariants(3);
        commitThree(inv);
        Snapshot ahead = new Snapshot(new SnapshotMeta(4, 1, M), SimApplication.encode(0));
        AssertionError e = assertThrows(SimulationInvariants.Violation.class, () -> inv.snapshotTaken(N1, ahead));
        assertTrue(e.getMessage().contains("uncommitted"), e.getMessage());
        Snapshot wrongTerm = new Snapshot(new SnapshotMeta(3, 2, M), SimApplication.encode(0));
        assertThrows(SimulationInvariants.Violation.class, () -> inv.snapshotTaken(N1, wrongTerm));
    }

    @Test
    void catchesAStaleInstallAndASnapshotNotAtTheLogStart() {
        SimulationInvariants inv = new SimulationInvariants(3);
        long state = commitThree(inv);
        Snapshot snap = new Snapshot(new SnapshotMeta(2, 1, M), SimApplication.encode(SimApplication.chain(
                SimApplication.chain(0, cmd(1)), cmd(2))));
        assertThrows(SimulationInvariants.Violation.class, () -> inv.snapshotInstalled(N1, 3, snap));

        MemoryRaftStorage s = new MemoryRaftStorage();
        s.append(List.of(cmd(1), cmd(2), cmd(3)));
        s.setHardState(new HardState(1, null, 3));
        s.createSnapshot(2, M, snap.data()); // not compacted: the log still starts at 1
        AssertionError e = assertThrows(SimulationInvariants.Violation.class, () -> inv.checkStoredSnapshot(N1, s));
        assertTrue(e.getMessage().contains("starts at"), e.getMessage());
        s.compact(2);
        inv.checkStoredSnapshot(N1, s);
        inv.checkState("n1", 3, state);
    }
}

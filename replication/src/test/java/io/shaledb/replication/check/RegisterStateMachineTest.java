package io.shaledb.replication.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.replication.raft.EntryType;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.raft.Snapshot;
import io.shaledb.replication.raft.SnapshotMeta;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegisterStateMachineTest {
    private static LogEntry command(long index, int op, boolean cas, String key, long value, Long expected) {
        return new LogEntry(1, index, EntryType.COMMAND, RegisterStateMachine.command(op, cas, key, value, expected));
    }

    private static RegisterStateMachine sample(String lostKey) {
        RegisterStateMachine m = new RegisterStateMachine(lostKey);
        assertEquals(7, m.apply(command(1, 7, false, "k0", 5, null)));
        assertEquals(8, m.apply(command(2, 8, true, "k0", 6, 5L)));
        assertEquals(9, m.apply(command(3, 9, true, "k1", 1, 3L)));
        assertEquals(10, m.apply(command(4, 10, true, "k1", 2, null)));
        return m;
    }

    @Test
    void appliesWritesAndCompareAndSets() {
        RegisterStateMachine m = sample(null);
        assertEquals(6L, m.get("k0"));
        assertEquals(2L, m.get("k1"));
        assertNull(m.result(7));
        assertTrue(m.hasApplied(7));
        assertEquals(1L, m.result(8));
        assertEquals(0L, m.result(9));
        assertFalse(m.hasApplied(11));
        assertEquals(4, m.applied());
    }

    @Test
    void snapshotRestoresEverything() {
        RegisterStateMachine m = sample(null);
        Snapshot s = new Snapshot(new SnapshotMeta(4, 1, Membership.ofVoters(List.of(NodeId.of(1)))), m.snapshotData());
        RegisterStateMachine copy = new RegisterStateMachine(null);
        copy.restore(s);
        assertEquals(m.applied(), copy.applied());
        assertEquals(6L, copy.get("k0"));
        assertEquals(2L, copy.get("k1"));
        assertTrue(copy.hasApplied(7));
        assertNull(copy.result(7));
        assertEquals(0L, copy.result(9));
        copy.restore(null);
        assertEquals(0, copy.applied());
        assertNull(copy.get("k0"));
    }

    @Test
    void plantedBugForgetsOneKeyOnRestore() {
        RegisterStateMachine m = sample(null);
        Snapshot s = new Snapshot(new SnapshotMeta(4, 1, Membership.ofVoters(List.of(NodeId.of(1)))), m.snapshotData());
        RegisterStateMachine buggy = new RegisterStateMachine("k1");
        buggy.restore(s);
        assertEquals(6L, buggy.get("k0"));
        assertNull(buggy.get("k1"));
    }

    @Test
    void entriesMustComeInOrder() {
        RegisterStateMachine m = new RegisterStateMachine(null);
        assertThrows(IllegalStateException.class, () -> m.apply(command(2, 1, false, "k0", 1, null)));
    }
}

package io.shaledb.replication.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryRaftStorageTest {
    private static LogEntry e(long term, long index) {
        return new LogEntry(term, index, EntryType.COMMAND, new byte[] {(byte) index});
    }

    @Test
    void appendOverwritesFromFirstNewIndex() {
        MemoryRaftStorage s = new MemoryRaftStorage();
        s.append(List.of(e(1, 1), e(1, 2), e(1, 3)));
        s.append(List.of(e(2, 2)));
        assertEquals(2, s.lastIndex());
        assertEquals(2, s.term(2));
        assertEquals(List.of(e(1, 1), e(2, 2)), s.entries(1, 3));
        assertEquals(0, s.term(0));
    }

    @Test
    void rejectsGapsAndOutOfRangeReads() {
        MemoryRaftStorage s = new MemoryRaftStorage();
        s.append(List.of(e(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> s.append(List.of(e(1, 3))));
        assertThrows(IndexOutOfBoundsException.class, () -> s.term(2));
        assertThrows(IndexOutOfBoundsException.class, () -> s.entries(1, 3));
    }

    @Test
    void hardStateStartsInitialAndIsKept() {
        MemoryRaftStorage s = new MemoryRaftStorage();
        assertEquals(HardState.INITIAL, s.hardState());
        s.setHardState(new HardState(3, NodeId.of(2), 0));
        assertEquals(new HardState(3, NodeId.of(2), 0), s.hardState());
    }

    private static final Membership M = Membership.ofVoters(List.of(NodeId.of(1), NodeId.of(2), NodeId.of(3)));

    @Test
    void snapshotThenCompactMovesTheLogStartAndKeepsTheTerm() {
        MemoryRaftStorage s = new MemoryRaftStorage();
        assertNull(s.snapshot());
        s.append(List.of(e(1, 1), e(1, 2), e(2, 3), e(2, 4), e(2, 5)));
        assertThrows(IllegalArgumentException.class, () -> s.compact(2), "no snapshot covers it");
        Snapshot snap = s.createSnapshot(3, M, new byte[] {7});
        assertEquals(new SnapshotMeta(3, 2, M), snap.meta());
        assertEquals(snap, s.snapshot());
        assertEquals(1, s.firstIndex(), "creating a snapshot does not compact");
        assertThrows(IllegalArgumentException.class, () -> s.compact(4), "beyond the snapshot");
        s.compact(3);
        assertEquals(4, s.firstIndex());
        assertEquals(5, s.lastIndex());
        assertEquals(2, s.term(3));
        assertEquals(List.of(e(2, 4), e(2, 5)), s.entries(4, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> s.term(2));
        assertThrows(IndexOutOfBoundsException.class, () -> s.entries(3, 4));
        assertThrows(IllegalArgumentException.class, () -> s.append(List.of(e(3, 3))));
        assertThrows(IllegalArgumentException.class, () -> s.createSnapshot(3, M, new byte[0]), "not newer");
        s.compact(2); // already compacted: no-op
        assertEquals(4, s.firstIndex());
        s.append(List.of(e(3, 5), e(3, 6)));
        assertEquals(List.of(e(2, 4), e(3, 5), e(3, 6)), s.entries(4, 7));
    }

    @Test
    void applySnapshotReplacesTheWholeLog() {
        MemoryRaftStorage s = new MemoryRaftStorage();
        s.append(List.of(e(1, 1), e(1, 2), e(1, 3), e(1, 4)));
        Snapshot snap = new Snapshot(new SnapshotMeta(3, 2, M), new byte[] {1});
        s.applySnapshot(snap);
        assertEquals(snap, s.snapshot());
        assertEquals(4, s.firstIndex());
        assertEquals(3, s.lastIndex(), "entry 4 of the old log is dropped");
        assertEquals(2, s.term(3));
        s.append(List.of(e(2, 4)));
        assertEquals(List.of(e(2, 4)), s.entries(4, 5));
        assertThrows(IllegalArgumentException.class, () -> s.applySnapshot(snap), "not newer");
    }
}

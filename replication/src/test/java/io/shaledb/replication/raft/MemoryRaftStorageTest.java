package io.shaledb.replication.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}

package io.shaledb.replication.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntryLogTest {
    private static LogEntry e(long term, long index) {
        return new LogEntry(term, index, EntryType.COMMAND, new byte[] {(byte) term, (byte) index});
    }

    private static EntryLog persisted(List<LogEntry> entries, long commit) {
        MemoryRaftStorage s = new MemoryRaftStorage();
        s.append(entries);
        s.setHardState(new HardState(entries.isEmpty() ? 0 : entries.get(entries.size() - 1).term(), null, commit));
        return new EntryLog(s, 0);
    }

    @Test
    void maybeAppendTruncatesAtTheFirstConflictOnly() {
        EntryLog log = persisted(List.of(e(1, 1), e(1, 2), e(1, 3)), 1);
        assertEquals(4, log.maybeAppend(1, 1, 4, List.of(e(1, 2), e(2, 3), e(2, 4))));
        assertEquals(2, log.term(3));
        assertEquals(2, log.persistedIndex(), "the rewritten suffix is unstable again");
        assertEquals(List.of(e(2, 3), e(2, 4)), log.unstableEntries());
        assertEquals(4, log.committed());
    }

    @Test
    void maybeAppendCommitsNoFurtherThanTheLastNewEntry() {
        EntryLog log = persisted(List.of(e(1, 1), e(1, 2), e(1, 3)), 0);
        // Index 3 may be stale here: the leader only vouched for entries up to 2.
        assertEquals(2, log.maybeAppend(1, 1, 10, List.of(e(1, 2))));
        assertEquals(2, log.committed());
    }

    @Test
    void maybeAppendRejectsAMismatchedPrevEntry() {
        EntryLog log = persisted(List.of(e(1, 1), e(1, 2)), 0);
        assertEquals(-1, log.maybeAppend(2, 2, 0, List.of(e(2, 3))));
        assertEquals(-1, log.maybeAppend(5, 1, 0, List.of()));
    }

    @Test
    void refusesToRewriteCommittedEntries() {
        EntryLog log = persisted(List.of(e(1, 1), e(1, 2)), 2);
        assertThrows(IllegalStateException.class, () -> log.maybeAppend(1, 1, 2, List.of(e(2, 2))));
    }

    @Test
    void findConflictByTermSkipsEntriesOfLaterTerms() {
        EntryLog log = persisted(List.of(e(1, 1), e(2, 2), e(2, 3), e(4, 4), e(4, 5)), 0);
        assertEquals(3, log.findConflictByTerm(5, 3));
        assertEquals(1, log.findConflictByTerm(5, 1));
        assertEquals(0, log.findConflictByTerm(5, 0));
        assertEquals(5, log.findConflictByTerm(9, 4), "clamped to the last index");
    }

    @Test
    void stableToIgnoresATailRewrittenSinceTheReady() {
        EntryLog log = persisted(List.of(e(1, 1)), 0);
        log.maybeAppend(1, 1, 0, List.of(e(1, 2), e(1, 3)));
        List<LogEntry> handedOut = log.unstableEntries();
        log.maybeAppend(1, 1, 0, List.of(e(2, 2))); // rewritten before the driver reports back
        log.stableTo(handedOut.get(1).index(), handedOut.get(1).term());
        assertTrue(log.hasUnstable());
        assertEquals(List.of(e(2, 2)), log.unstableEntries());
        log.stableTo(2, 2);
        assertEquals(2, log.persistedIndex());
    }

    @Test
    void onlyCommittedPersistedEntriesAreHandedOutForApplication() {
        MemoryRaftStorage s = new MemoryRaftStorage();
        s.append(List.of(e(1, 1), e(1, 2)));
        s.setHardState(new HardState(1, null, 1));
        EntryLog log = new EntryLog(s, 0);
        log.maybeAppend(2, 1, 3, List.of(e(1, 3)));
        assertEquals(3, log.committed());
        assertEquals(List.of(e(1, 1), e(1, 2)), log.nextCommittedEntries(100), "3 is not durable yet");
        s.append(log.unstableEntries());
        log.stableTo(3, 1);
        log.appliedTo(2);
        assertEquals(List.of(e(1, 3)), log.nextCommittedEntries(100));
    }

    @Test
    void leaderCommitsOnlyEntriesOfTheGivenTerm() {
        EntryLog log = persisted(List.of(e(1, 1), e(2, 2)), 0);
        assertTrue(!log.maybeCommit(2, 3));
        assertTrue(log.maybeCommit(2, 2));
        assertEquals(2, log.committed());
    }
}

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

    private static final Membership M = Membership.ofVoters(List.of(NodeId.of(1)));

    @Test
    void pendingSnapshotReplacesTheLogUntilApplied() {
        EntryLog log = persisted(List.of(e(1, 1), e(1, 2), e(1, 3)), 1);
        log.maybeAppend(3, 1, 1, List.of(e(1, 4)));
        Snapshot snap = new Snapshot(new SnapshotMeta(6, 2, M), new byte[0]);
        assertEquals(6, log.acceptSnapshot(snap));
        assertEquals(snap, log.unstableSnapshot());
        assertEquals(7, log.firstIndex());
        assertEquals(6, log.lastIndex());
        assertEquals(2, log.term(6));
        assertEquals(0, log.term(0));
        assertThrows(IndexOutOfBoundsException.class, () -> log.term(3), "compacted, though still in storage");
        assertThrows(IndexOutOfBoundsException.class, () -> log.entryAt(6));
        assertEquals(List.of(), log.unstableEntries(), "the unstable tail was dropped");
        assertEquals(6, log.committed());
        assertEquals(0, log.applied());
        assertTrue(!log.hasNextCommittedEntries(), "nothing is applied before the snapshot");
        assertEquals(6, log.findConflictByTerm(9, 1), "the search stops at the snapshot");
        log.appliedTo(1); // an older Ready's committed entries may still be acknowledged
        log.snapshotApplied(snap, false);
        assertEquals(null, log.unstableSnapshot());
        assertEquals(6, log.applied());
        assertEquals(6, log.acceptSnapshot(new Snapshot(new SnapshotMeta(5, 2, M), new byte[0])), "stale: ignored");
    }
}

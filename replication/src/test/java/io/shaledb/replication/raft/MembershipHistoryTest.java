package io.shaledb.replication.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MembershipHistoryTest {
    private static final NodeId N1 = NodeId.of(1);
    private static final NodeId N2 = NodeId.of(2);
    private static final NodeId N3 = NodeId.of(3);
    private static final Membership ONE = Membership.ofVoters(List.of(N1));

    private static LogEntry conf(long term, long index, ConfChange cc) {
        return new LogEntry(term, index, EntryType.CONF_CHANGE, cc.encode());
    }

    @Test
    void answersTheMembershipAtAnyIndexFromTheBaseOn() {
        MembershipHistory h = new MembershipHistory(2, ONE);
        assertFalse(h.appended(LogEntry.noop(1, 3)));
        assertTrue(h.appended(conf(1, 4, ConfChange.addLearner(N2))));
        assertTrue(h.appended(conf(1, 6, ConfChange.addVoter(N2))));
        assertEquals(6, h.lastChangeIndex());
        assertEquals(ONE, h.at(3));
        assertEquals(Set.of(N2), h.at(5).learners());
        assertEquals(Set.of(N1, N2), h.current().voters());
        assertThrows(IllegalArgumentException.class, () -> h.at(1));

        h.compactTo(5);
        assertEquals(Set.of(N2), h.at(5).learners(), "folded into the base");
        assertThrows(IllegalArgumentException.class, () -> h.at(3));
        assertEquals(Set.of(N1, N2), h.at(6).voters());
    }

    @Test
    void anInvalidChangeIsRecordedAsNoChange() {
        MembershipHistory h = new MembershipHistory(0, ONE);
        assertFalse(h.appended(conf(1, 1, ConfChange.remove(N1))), "the last voter stays");
        assertEquals(ONE, h.current());
        assertEquals(1, h.lastChangeIndex());
        assertFalse(h.appended(conf(1, 1, ConfChange.addVoter(N3))), "already recorded at that index");
    }

    @Test
    void aMemberFinishingItsOwnRemovalStaysEligibleUntilItCommits() {
        MembershipHistory h = new MembershipHistory(0, Membership.ofVoters(List.of(N1, N2)));
        h.appended(conf(1, 5, ConfChange.remove(N1)));
        assertTrue(h.eligible(N1, 4), "removal uncommitted");
        assertFalse(h.eligible(N1, 5), "removal committed");
        assertTrue(h.eligible(N2, 5));
        assertFalse(h.eligible(N3, 4), "never a voter");
        assertTrue(h.hasUncommittedChange(4));
        assertFalse(h.hasUncommittedChange(5));
    }

    @Test
    void aSnapshotDropsUncommittedChangesAndKeepsTheCommittedOnes() {
        MembershipHistory h = new MembershipHistory(0, ONE);
        h.appended(conf(1, 1, ConfChange.addVoter(N2)));
        h.appended(conf(1, 3, ConfChange.addLearner(N3))); // uncommitted, overwritten elsewhere
        Membership snap = Membership.ofVoters(List.of(N2, N3));
        h.restore(10, 2, snap, 2);
        assertEquals(snap, h.current());
        assertEquals(10, h.lastChangeIndex());
        assertEquals(Set.of(N1, N2), h.at(2).voters(), "entries applied before the snapshot keep theirs");
        assertTrue(h.at(9).learners().isEmpty(), "the dropped change is gone");
    }
}

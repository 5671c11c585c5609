package io.shaledb.replication.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void probeSendsOneAppendAtATime() {
        Progress p = new Progress(5, 3);
        assertFalse(p.isPaused());
        p.sent(6, 2);
        assertTrue(p.isPaused());
        assertEquals(5, p.next, "probing does not move next optimistically");
        p.maybeUpdate(6);
        assertFalse(p.isPaused());
        assertEquals(6, p.match);
        assertEquals(7, p.next);
    }

    @Test
    void replicateStreamsUpToTheInflightWindow() {
        Progress p = new Progress(1, 2);
        p.maybeUpdate(0);
        p.becomeReplicate();
        p.sent(3, 3);
        p.sent(5, 2);
        assertTrue(p.isPaused());
        assertEquals(6, p.next);
        p.maybeUpdate(3);
        p.freeUpTo(3);
        assertFalse(p.isPaused());
    }

    @Test
    void rejectionInProbeBacksOffToTheHintButNeverBelowMatch() {
        Progress p = new Progress(11, 8);
        p.match = 2;
        assertFalse(p.maybeDecrTo(7, 4), "stale: answers an append with another prevIndex");
        assertTrue(p.maybeDecrTo(10, 4));
        assertEquals(5, p.next);
        p.next = 4;
        assertTrue(p.maybeDecrTo(3, 0));
        assertEquals(3, p.next, "next stays above match");
    }

    @Test
    void rejectionInReplicateFallsBackToMatchPlusOne() {
        Progress p = new Progress(1, 8);
        p.maybeUpdate(4);
        p.becomeReplicate();
        p.sent(9, 5);
        assertFalse(p.maybeDecrTo(3, 0), "stale rejection below match");
        assertTrue(p.maybeDecrTo(7, 0));
        assertEquals(5, p.next);
    }

    @Test
    void snapshotStatePausesUntilTheSnapshotIsAcknowledgedOrOverdue() {
        Progress p = new Progress(3, 4);
        p.maybeUpdate(2);
        p.becomeSnapshot(10);
        assertEquals(Progress.State.SNAPSHOT, p.state);
        assertTrue(p.isPaused());
        assertFalse(p.maybeDecrTo(2, 1), "rejections of earlier appends are ignored");
        p.maybeUpdate(5);
        assertFalse(p.snapshotDone(), "an ack below the snapshot does not end it");
        assertFalse(p.snapshotOverdue(3));
        assertFalse(p.snapshotOverdue(3));
        assertTrue(p.snapshotOverdue(3));
        p.maybeUpdate(10);
        assertTrue(p.snapshotDone());
        p.becomeProbe();
        assertEquals(11, p.next);
        assertEquals(0, p.pendingSnapshot);
        assertFalse(p.isPaused());
        assertFalse(p.snapshotOverdue(1), "only counts in SNAPSHOT state");
    }
}

package io.shaledb.replication.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.replication.raft.RaftMessage.AppendEntries;
import io.shaledb.replication.raft.RaftMessage.AppendResponse;
import io.shaledb.replication.raft.RaftMessage.InstallSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Snapshot shipping, installation and restart over compacted logs. */
class SnapshotTest {
    private static final NodeId N1 = NodeId.of(1);
    private static final NodeId N2 = NodeId.of(2);
    private static final NodeId N3 = NodeId.of(3);
    private static final List<NodeId> VOTERS = List.of(N1, N2, N3);
    private static final Membership MEMBERS = Membership.ofVoters(VOTERS);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static LogEntry cmd(long term, long index) {
        return new LogEntry(term, index, EntryType.COMMAND, bytes("e" + index + "@" + term));
    }

    private static Snapshot snapshot(long index, long term, String data) {
        return new Snapshot(new SnapshotMeta(index, term, MEMBERS), bytes(data));
    }

    /** Persists a Ready as a driver must (snapshot first) and advances it. */
    private static Ready drain(RaftNode n, MemoryRaftStorage s) {
        Ready r = n.ready();
        if (r.snapshot() != null) {
            s.applySnapshot(r.snapshot());
        }
        s.append(r.entries());
        if (r.hardState() != null) {
            s.setHardState(r.hardState());
        }
        n.advance(r);
        return r;
    }

    private static RaftNode follower(MemoryRaftStorage s) {
        return new RaftNode(RaftConfig.of(N2, VOTERS), s, new SplittableRandom(2));
    }

    /** Every node's application "snapshots" the commands it applied so far, joined by commas. */
    private static void snapshotAndCompact(TestCluster c, long id) {
        RaftNode n = c.node(id);
        List<String> applied = new ArrayList<>();
        c.appliedCommands(id).forEach(b -> applied.add(new String(b, StandardCharsets.UTF_8)));
        c.storage(id).createSnapshot(n.appliedIndex(), n.membershipForSnapshot(), bytes(String.join(",", applied)));
        c.storage(id).compact(n.appliedIndex());
    }

    private static long sent(TestCluster c, Class<? extends RaftMessage> type) {
        return c.delivered.stream().filter(type::isInstance).count();
    }

    @Test
    void followerThatWasDownWhileTheLeaderCompactedCatchesUpViaSnapshot() {
        TestCluster c = new TestCluster(3);
        c.campaign(1);
        c.isolate(3);
        for (int i = 0; i < 10; i++) {
            c.node(1).propose(bytes("v" + i));
            c.stabilize();
        }
        assertEquals(11, c.node(1).appliedIndex());
        snapshotAndCompact(c, 1);
        snapshotAndCompact(c, 2);
        assertEquals(12, c.node(1).firstIndex());
        assertTrue(c.node(3).lastIndex() <= 1, "node 3 holds at most the leader's no-op");

        c.heal();
        c.tick(1, 1); // heartbeat -> response -> probe below the log start -> snapshot
        assertEquals(1, sent(c, InstallSnapshot.class));
        assertEquals(List.of(c.storage(1).snapshot()), c.installed.get(N3));
        assertEquals(c.storage(1).snapshot(), c.storage(3).snapshot());
        assertEquals(12, c.storage(3).firstIndex());
        assertEquals(11, c.node(3).commitIndex());
        assertEquals(11, c.node(3).appliedIndex());
        assertEquals(List.of(), c.appliedCommands(3), "the commands came inside the snapshot");

        c.node(1).propose(bytes("after"));
        c.stabilize();
        assertEquals(12, c.node(3).appliedIndex());
        assertEquals(1, c.appliedCommands(3).size());
        assertArrayEquals(bytes("after"), c.appliedCommands(3).get(0));
        assertEquals(c.node(1).entry(12), c.node(3).entry(12));
        assertEquals(1, sent(c, InstallSnapshot.class), "replication resumed with appends");
    }

    @Test
    void aLostSnapshotIsSentAgainAfterAWhile() {
        TestCluster c = new TestCluster(3);
        c.campaign(1);
        c.isolate(3);
        for (int i = 0; i < 5; i++) {
            c.node(1).propose(bytes("v" + i));
            c.stabilize();
        }
        snapshotAndCompact(c, 1);
        c.heal();
        boolean[] lostOne = {false};
        c.lose = m -> m instanceof InstallSnapshot && !lostOne[0] && (lostOne[0] = true);
        c.tick(1, 1);
        assertTrue(lostOne[0]);
        assertTrue(c.installed.get(N3).isEmpty());
        c.tick(1, 3);
        assertTrue(c.installed.get(N3).isEmpty(), "the leader waits for the snapshot's answer for a while");
        c.tick(1, RaftConfig.of(N1, VOTERS).electionTicks());
        assertEquals(1, c.installed.get(N3).size());
        assertEquals(c.node(1).commitIndex(), c.node(3).commitIndex());
    }

    @Test
    void reportUnreachableResendsTheSnapshotAtOnce() {
        TestCluster c = new TestCluster(3);
        c.campaign(1);
        c.isolate(3);
        c.node(1).propose(bytes("v"));
        c.stabilize();
        snapshotAndCompact(c, 1);
        c.heal();
        c.lose = m -> m instanceof InstallSnapshot;
        c.tick(1, 1);
        assertEquals(1, c.dropped.stream().filter(InstallSnapshot.class::isInstance).count());
        c.lose = m -> false;
        c.node(1).reportUnreachable(N3);
        c.tick(1, 1);
        assertEquals(1, c.installed.get(N3).size());
    }

    @Test
    void staleAndDuplicateSnapshotsAreIgnoredButAnswered() {
        MemoryRaftStorage s = new MemoryRaftStorage();
        RaftNode n = follower(s);
        Snapshot snap = snapshot(5, 1, "five");
        n.step(new InstallSnapshot(N1, N2, 1, snap));
        Ready r = drain(n, s);
        assertEquals(snap, r.snapshot());
        assertEquals(List.of(AppendResponse.accept(N2, N1, 1, 5)), r.messages());
        assertEquals(new HardState(1, null, 5), r.hardState());
        assertEquals(5, n.appliedIndex());

        n.step(new InstallSnapshot(N1, N2, 1, snap)); // duplicate
        r = drain(n, s);
        assertNull(r.snapshot());
        assertEquals(List.of(AppendResponse.accept(N2, N1, 1, 5)), r.messages());

        n.step(new AppendEntries(N1, N2, 1, 5, 1, List.of(cmd(1, 6), cmd(1, 7)), 7));
        drain(n, s);
        assertEquals(List.of(cmd(1, 6), cmd(1, 7)), drain(n, s).committedEntries());
        n.step(new InstallSnapshot(N1, N2, 1, snapshot(6, 1, "six"))); // stale: below the commit index
        r = drain(n, s);
        assertNull(r.snapshot());
        assertEquals(List.of(AppendResponse.accept(N2, N1, 1, 7)), r.messages());
        assertEquals(7, n.commitIndex());
        assertEquals(snap, s.snapshot());
        assertEquals(List.of(cmd(1, 6), cmd(1, 7)), s.entries(6, 8));
    }

    @Test
    void snapshotReplacesAConflictingUncommittedTail() {
        MemoryRaftStorage s = new MemoryRaftStorage();
        s.append(List.of(cmd(1, 1), cmd(1, 2), cmd(1, 3), cmd(1, 4), cmd(1, 5), cmd(1, 6)));
        s.setHardState(new HardState(1, null, 2));
        RaftNode n = follower(s);
        Snapshot snap = snapshot(4, 2, "four");
        n.step(new InstallSnapshot(N1, N2, 2, snap));
        assertEquals(4, n.lastIndex(), "the conflicting entries 3..6 of term 1 are gone");
        assertEquals(5, n.firstIndex());
        Ready r = drain(n, s);
        assertEquals(snap, r.snapshot());
        assertEquals(List.of(), r.committedEntries(), "entries 1..2 are never applied: the snapshot covers them");
        assertEquals(4, s.lastIndex());
        assertEquals(5, s.firstIndex());
        assertEquals(4, n.appliedIndex());
        n.step(new AppendEntries(N1, N2, 2, 4, 2, List.of(cmd(2, 5)), 5));
        r = drain(n, s);
        assertEquals(List.of(cmd(2, 5)), r.entries());
        assertEquals(List.of(cmd(2, 5)), drain(n, s).committedEntries(), "applied once durable, after the snapshot");
    }

    @Test
    void followerThatHoldsTheSnapshotsLastEntryJustCommits() {
        MemoryRaftStorage s = new MemoryRaftStorage();
        s.append(List.of(cmd(1, 1), cmd(1, 2), cmd(1, 3), cmd(1, 4)));
        s.setHardState(new HardState(1, null, 1));
        RaftNode n = follower(s);
        n.step(new InstallSnapshot(N1, N2, 1, snapshot(3, 1, "three")));
        Ready r = drain(n, s);
        assertNull(r.snapshot());
        assertEquals(List.of(cmd(1, 1), cmd(1, 2), cmd(1, 3)), r.committedEntries());
        assertEquals(List.of(AppendResponse.accept(N2, N1, 1, 3)), r.messages());
        assertEquals(4, n.lastIndex(), "entries after the snapshot are kept: they follow the matching entry");
    }

    @Test
    void restartFromStorageThatHoldsASnapshot() {
        MemoryRaftStorage s = new MemoryRaftStorage();
        s.applySnapshot(snapshot(5, 2, "five"));
        s.append(List.of(cmd(2, 6), cmd(3, 7), cmd(3, 8)));
        s.setHardState(new HardState(3, null, 7));
        RaftNode n = follower(s);
        assertEquals(5, n.appliedIndex(), "applied is at least the snapshot's index");
        assertEquals(7, n.commitIndex());
        assertEquals(6, n.firstIndex());
        assertThrows(IndexOutOfBoundsException.class, () -> n.entry(5));
        Ready r = drain(n, s);
        assertNull(r.snapshot());
        assertEquals(List.of(cmd(2, 6), cmd(3, 7)), r.committedEntries());

        // A hard state written before the snapshot (older commit) still restarts at the snapshot.
        MemoryRaftStorage t = new MemoryRaftStorage();
        t.applySnapshot(snapshot(5, 2, "five"));
        t.setHardState(new HardState(2, null, 3));
        RaftNode m = follower(t);
        assertEquals(5, m.commitIndex());
        assertEquals(5, m.appliedIndex());
        assertEquals(5, m.lastIndex());
    }

    @Test
    void aRestartedNodeWithACompactedLogLeadsAndReplicatesFromItsLog() {
        TestCluster c = new TestCluster(3);
        c.campaign(1);
        for (int i = 0; i < 6; i++) {
            c.node(1).propose(bytes("v" + i));
            c.stabilize();
        }
        for (long id = 1; id <= 3; id++) {
            snapshotAndCompact(c, id);
        }
        c.start(N2); // restart node 2 from its compacted storage
        assertEquals(7, c.node(2).appliedIndex());
        c.isolate(3);
        c.node(1).propose(bytes("x"));
        c.stabilize();
        c.node(1).transferLeadership(N2);
        c.stabilize();
        assertEquals(Role.LEADER, c.node(2).role());
        c.heal();
        c.node(2).propose(bytes("y"));
        c.stabilize();
        c.tick(2, 2);
        assertEquals(c.node(2).commitIndex(), c.node(3).commitIndex());
        assertEquals(c.node(2).entry(c.node(2).lastIndex()), c.node(3).entry(c.node(3).lastIndex()));
        assertTrue(c.installed.get(N3).isEmpty(), "node 3 only lacked entries the leader still holds");
    }

    @Test
    void snapshotValuesValidate() {
        assertThrows(IllegalArgumentException.class, () -> new SnapshotMeta(0, 1, MEMBERS));
        assertThrows(IllegalArgumentException.class, () -> new SnapshotMeta(1, 0, MEMBERS));
        assertThrows(NullPointerException.class, () -> new SnapshotMeta(1, 1, null));
        assertEquals(snapshot(2, 1, "a"), snapshot(2, 1, "a"));
        assertTrue(!snapshot(2, 1, "a").equals(snapshot(2, 1, "b")));
        assertThrows(IllegalArgumentException.class, () -> new Ready(List.of(cmd(1, 9)), null, List.of(),
                List.of(), List.of(), snapshot(5, 1, "x")), "entries after a snapshot start right after it");
    }
}

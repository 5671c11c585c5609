package io.shaledb.replication.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The liveness scenarios Raft promises under PreVote and CheckQuorum: a leader appears once a
 * majority can talk, a connected majority keeps committing under one-way cuts, and a group
 * whose every member restarted recovers with its committed log. Each waits a bounded number of
 * ticks (several election timeouts), so a livelock fails the test instead of hanging it.
 */
class LivenessScenarioTest {
    /** Election timeouts are randomized in [10, 20) ticks; this allows several rounds. */
    private static final int PATIENCE_TICKS = 200;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The leader among {@code among}, ticking every member until there is exactly one. */
    private static RaftNode awaitLeader(TestCluster c, Set<Long> among) {
        for (int i = 0; i < PATIENCE_TICKS; i++) {
            List<RaftNode> leaders = among.stream().map(c::node).filter(n -> n.role() == Role.LEADER)
                    .collect(Collectors.toList());
            if (leaders.size() == 1 && leaders.get(0).commitIndex() >= leaders.get(0).lastIndex()) {
                return leaders.get(0);
            }
            c.tickAll(1);
        }
        throw new AssertionError("no single leader among " + among + " after " + PATIENCE_TICKS + " ticks");
    }

    /** Proposes {@code data} on {@code leader} and ticks until {@code member} applied it. */
    private static void commitOn(TestCluster c, RaftNode leader, String data, Set<Long> members) {
        LogEntry e = leader.propose(bytes(data));
        c.stabilize();
        for (int i = 0; i < PATIENCE_TICKS; i++) {
            if (members.stream().allMatch(m -> c.node(m).appliedIndex() >= e.index())) {
                for (long m : members) {
                    assertArrayEquals(e.data(), c.node(m).entry(e.index()).data(), "n" + m + " applied another entry");
                }
                return;
            }
            c.tickAll(1);
        }
        throw new AssertionError(data + " was not applied by all of " + members);
    }

    @Test
    void leaderIsElectedOnlyOnceAMajorityCanTalk() {
        TestCluster c = new TestCluster(5);
        for (long a = 1; a <= 5; a++) {
            c.isolate(a);
        }
        c.tickAll(PATIENCE_TICKS);
        for (long a = 1; a <= 5; a++) {
            assertTrue(c.node(a).role() != Role.LEADER, "n" + a + " led without a majority");
            assertEquals(0, c.node(a).term(), "PreVote keeps isolated members from inflating terms");
        }
        // Two members talking are still a minority of five.
        c.heal();
        for (long a = 3; a <= 5; a++) {
            c.isolate(a);
        }
        c.tickAll(PATIENCE_TICKS);
        for (long a = 1; a <= 5; a++) {
            assertTrue(c.node(a).role() != Role.LEADER, "n" + a + " led with two of five");
        }
        // Members 1, 2 and 3 can talk: a majority.
        c.heal();
        c.isolate(4);
        c.isolate(5);
        RaftNode leader = awaitLeader(c, Set.of(1L, 2L, 3L));
        commitOn(c, leader, "majority", Set.of(1L, 2L, 3L));
    }

    @Test
    void connectedMajorityKeepsCommittingWhenTheLeaderCannotReachOneFollower() {
        TestCluster c = new TestCluster(3);
        c.campaign(1);
        RaftNode leader = c.node(1);
        assertEquals(Role.LEADER, leader.role());
        // One-way cut: the leader's messages to n3 are lost; n3 can still talk to everyone.
        c.lose = m -> m.from().value() == 1 && m.to().value() == 3;
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RaftNode current = awaitLeader(c, Set.of(1L, 2L, 3L));
            String data = "oneway-" + i;
            commitOn(c, current, data, Set.of(current.id().value(), 2L));
            written.add(data);
            c.tickAll(30); // n3 hears no heartbeats meanwhile and keeps timing out
        }
        RaftNode last = awaitLeader(c, Set.of(1L, 2L, 3L));
        assertTrue(last.commitIndex() >= written.size(), "the connected majority committed every write");
    }

    @Test
    void connectedMajorityKeepsCommittingWhenOneFollowerCannotReachTheLeader() {
        TestCluster c = new TestCluster(3);
        c.campaign(1);
        // One-way cut the other way: n3's answers to n1 are lost.
        c.lose = m -> m.from().value() == 3 && m.to().value() == 1;
        for (int i = 0; i < 5; i++) {
            RaftNode current = awaitLeader(c, Set.of(1L, 2L, 3L));
            commitOn(c, current, "inbound-" + i, Set.of(current.id().value(), 2L));
            c.tickAll(30);
        }
    }

    @Test
    void groupRecoversAfterEveryMemberRestarts() {
        TestCluster c = new TestCluster(3);
        c.campaign(1);
        for (int i = 0; i < 10; i++) {
            commitOn(c, c.node(1), "before-" + i, Set.of(1L, 2L, 3L));
        }
        long committed = c.node(1).commitIndex();
        List<LogEntry> committedLog = new ArrayList<>();
        for (long i = 1; i <= committed; i++) {
            committedLog.add(c.node(1).entry(i));
        }
        for (NodeId id : c.ids) {
            c.start(id); // from storage only: volatile state is gone
        }
        RaftNode leader = awaitLeader(c, Set.of(1L, 2L, 3L));
        for (LogEntry e : committedLog) {
            LogEntry now = leader.entry(e.index());
            assertNotNull(now);
            assertEquals(e.term(), now.term(), "committed entry " + e.index() + " changed term");
            assertArrayEquals(e.data(), now.data(), "committed entry " + e.index() + " changed");
        }
        commitOn(c, leader, "after", Set.of(1L, 2L, 3L));
        for (long m = 1; m <= 3; m++) {
            List<byte[]> applied = c.appliedCommands(m);
            assertEquals("after", new String(applied.get(applied.size() - 1), StandardCharsets.UTF_8));
        }
    }
}

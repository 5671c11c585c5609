package io.shaledb.replication.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.replication.raft.RaftMessage.AppendEntries;
import io.shaledb.replication.raft.RaftMessage.VoteRequest;
import io.shaledb.replication.raft.RaftMessage.VoteResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Single-server membership changes: learners, promotion, removal of followers and of the leader,
 * the one-pending-change rule, and removed members that must not disrupt the group.
 */
class MembershipChangeTest {
    private static final NodeId N1 = NodeId.of(1);
    private static final NodeId N2 = NodeId.of(2);
    private static final NodeId N3 = NodeId.of(3);
    private static final NodeId N4 = NodeId.of(4);
    private static final NodeId N5 = NodeId.of(5);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Nodes 1..size exist; only 1..voters are in the initial membership. */
    private static TestCluster cluster(int size, int voters) {
        List<NodeId> initial = new java.util.ArrayList<>();
        for (int i = 1; i <= voters; i++) {
            initial.add(NodeId.of(i));
        }
        return new TestCluster(size, c -> c.withApplied(0, Membership.ofVoters(initial)));
    }

    private static TestCluster leaderOneOf(int size, int voters) {
        TestCluster c = cluster(size, voters);
        c.campaign(1);
        assertEquals(Role.LEADER, c.node(1).role());
        return c;
    }

    private static LogEntry change(TestCluster c, long leader, ConfChange cc) {
        LogEntry e = c.node(leader).proposeConfChange(cc);
        c.stabilize();
        assertTrue(c.node(leader).commitIndex() >= e.index() || c.node(leader).role() != Role.LEADER,
                "change " + cc + " committed");
        return e;
    }

    private static RaftNode leaderOf(TestCluster c) {
        RaftNode leader = null;
        for (RaftNode n : c.nodes.values()) {
            if (n.role() == Role.LEADER) {
                assertTrue(leader == null, "two leaders: " + leader + " and " + n);
                leader = n;
            }
        }
        return leader;
    }

    @Test
    void learnerCatchesUpIsPromotedAndThenCounts() {
        TestCluster c = leaderOneOf(4, 3);
        for (int i = 0; i < 5; i++) {
            c.node(1).propose(bytes("a" + i));
        }
        c.stabilize();
        assertTrue(c.appliedCommands(4).isEmpty(), "a non-member receives nothing");

        change(c, 1, ConfChange.addLearner(N4));
        assertEquals(Set.of(N4), c.node(1).membership().learners());
        assertEquals(c.node(1).lastIndex(), c.node(4).lastIndex(), "the learner caught up");
        assertEquals(5, c.appliedCommands(4).size());
        assertEquals(c.node(1).membership(), c.node(4).membership());

        // A learner does not count: with both other voters cut off nothing commits.
        c.cut(1, 2);
        c.cut(1, 3);
        long commit = c.node(1).commitIndex();
        c.node(1).propose(bytes("waits"));
        c.stabilize();
        assertEquals(commit, c.node(1).commitIndex(), "leader + learner are not a quorum of 3 voters");
        c.heal();
        c.tick(1, 2);
        assertTrue(c.node(1).commitIndex() > commit);

        change(c, 1, ConfChange.addVoter(N4));
        assertEquals(Set.of(N1, N2, N3, N4), c.node(4).membership().voters());
        assertTrue(c.node(4).membership().learners().isEmpty());

        // Four voters: the leader needs two more of them; node 4 now counts.
        c.cut(1, 2);
        c.cut(1, 3);
        commit = c.node(1).commitIndex();
        c.node(1).propose(bytes("needs three"));
        c.stabilize();
        assertEquals(commit, c.node(1).commitIndex(), "1 + 4 are not a quorum of 4 voters");
        c.heal();
        c.cut(1, 3);
        c.tick(1, 2);
        assertTrue(c.node(1).commitIndex() > commit, "1 + 2 + 4 are");
    }

    @Test
    void learnerNeverCampaignsAndItsVoteDoesNotCount() {
        TestCluster c = leaderOneOf(4, 3);
        change(c, 1, ConfChange.addLearner(N4));
        long term = c.node(1).term();
        c.isolate(4);
        c.tick(4, 100);
        assertEquals(Role.FOLLOWER, c.node(4).role(), "a learner never campaigns");
        assertEquals(term, c.node(4).term());
        c.node(4).campaign();
        assertEquals(Role.FOLLOWER, c.node(4).role());
        c.heal();

        // A candidate counts only the voters of its membership.
        MemoryRaftStorage s = new MemoryRaftStorage();
        Membership m = new Membership(new java.util.TreeSet<>(List.of(N1, N2, N3)), new java.util.TreeSet<>(List.of(N4)));
        RaftNode n = new RaftNode(RaftConfig.of(N1, m).withPreVote(false), s, new SplittableRandom(1));
        n.campaign();
        Ready r = n.ready();
        assertEquals(Set.of(N2, N3), r.messages().stream().map(RaftMessage::to).collect(java.util.stream.Collectors.toSet()),
                "vote requests go to voters only");
        n.advance(r);
        n.step(new VoteResponse(N4, N1, n.term(), true, false));
        assertEquals(Role.CANDIDATE, n.role(), "the learner's vote does not count");
        n.step(new VoteResponse(N2, N1, n.term(), true, false));
        assertEquals(Role.LEADER, n.role());
    }

    @Test
    void anIneligibleMemberCannotCampaignOrLead() {
        ElectionState s = new ElectionState(N4, HardState.INITIAL, false);
        IllegalStateException e = assertThrows(IllegalStateException.class, s::becomePreCandidate);
        assertTrue(e.getMessage().contains("ineligible"), e.getMessage());
        assertThrows(IllegalStateException.class, s::becomeCandidate);
        assertThrows(IllegalStateException.class, s::becomeLeader);
        s.setEligible(true);
        s.becomeCandidate();
        assertThrows(IllegalStateException.class, () -> s.setEligible(false), "not while campaigning");
        s.becomeLeader();
        s.setEligible(false); // a leader whose removal just committed, about to step down
        s.becomeFollower(s.term(), null);
        assertEquals(Role.FOLLOWER, s.role());
    }

    @Test
    void removedFollowerStopsReceivingAndCannotDisrupt() {
        TestCluster c = leaderOneOf(3, 3);
        change(c, 1, ConfChange.remove(N3));
        assertEquals(Set.of(N1, N2), c.node(1).membership().voters());
        long last3 = c.node(3).lastIndex();
        c.node(1).propose(bytes("after removal"));
        c.stabilize();
        assertEquals(last3, c.node(3).lastIndex(), "a removed member gets no more entries");
        assertEquals(c.node(1).lastIndex(), c.node(1).commitIndex(), "1 + 2 are a quorum of {1, 2}");

        // Node 3 never learnt of its removal: it campaigns, but the members ignore it.
        long term = c.node(1).term();
        c.tickAll(60);
        assertEquals(Role.LEADER, c.node(1).role());
        assertEquals(term, c.node(1).term(), "the removed node did not disrupt the leader");
        assertEquals(N1, c.node(2).leader());
        assertNotEquals(Role.LEADER, c.node(3).role());
    }

    @Test
    void removedNodeWithoutPreVoteCannotDepose() {
        TestCluster c = new TestCluster(3, cfg -> cfg.withPreVote(false).withCheckQuorum(false));
        c.campaign(1);
        change(c, 1, ConfChange.remove(N3));
        long term = c.node(1).term();
        c.isolate(3);
        c.tick(3, 100);
        assertTrue(c.node(3).term() > term + 2, "the removed node keeps raising its term");
        c.heal();
        c.tickAll(30);
        assertEquals(Role.LEADER, c.node(1).role());
        assertEquals(term, c.node(1).term(), "members ignore vote requests from non-voters");
    }

    @Test
    void removedLeaderHandsOverAndStepsDown() {
        TestCluster c = leaderOneOf(3, 3);
        c.node(1).propose(bytes("x"));
        c.stabilize();
        LogEntry e = c.node(1).proposeConfChange(ConfChange.remove(N1));
        assertEquals(Role.LEADER, c.node(1).role(), "it leads until its removal commits");
        assertFalse(c.node(1).membership().isVoter(N1));
        c.stabilize();
        assertEquals(Role.FOLLOWER, c.node(1).role(), "it stepped down once the removal committed");
        RaftNode leader = leaderOf(c);
        assertNotNull(leader, "TimeoutNow elected a successor without waiting for a timeout");
        assertTrue(c.delivered.stream().anyMatch(m -> m instanceof RaftMessage.TimeoutNow t && t.from().equals(N1)
                && t.to().equals(leader.id())));
        assertNotEquals(N1, leader.id());
        assertTrue(leader.commitIndex() > e.index());
        assertEquals(Set.of(N2, N3), leader.membership().voters());

        long id = leader.id().value();
        c.node(id).propose(bytes("y"));
        c.stabilize();
        assertEquals(2, c.appliedCommands(2).size());
        assertEquals(2, c.appliedCommands(3).size());
        assertEquals(1, c.appliedCommands(1).size(), "the removed leader gets nothing new");
        long term = leader.term();
        c.tickAll(60);
        assertEquals(term, leaderOf(c).term(), "the old leader (a non-member now) never campaigns");
        assertEquals(Role.FOLLOWER, c.node(1).role());
    }

    @Test
    void threeVotersGrowToFiveAndShrinkToThree() {
        TestCluster c = leaderOneOf(5, 3);
        for (NodeId n : List.of(N4, N5)) {
            change(c, 1, ConfChange.addLearner(n));
            change(c, 1, ConfChange.addVoter(n));
        }
        assertEquals(Set.of(N1, N2, N3, N4, N5), c.node(1).membership().voters());
        c.node(1).propose(bytes("five"));
        c.stabilize();
        for (long id = 1; id <= 5; id++) {
            assertEquals(1, c.appliedCommands(id).size(), "node " + id);
            assertEquals(5, c.node(id).membership().voters().size());
        }
        change(c, 1, ConfChange.remove(N2));
        change(c, 1, ConfChange.remove(N1));
        RaftNode leader = leaderOf(c);
        assertNotNull(leader);
        assertEquals(Set.of(N3, N4, N5), leader.membership().voters());
        // Any two of {3, 4, 5} commit.
        c.isolate(leader.id().value() == 3 ? 4 : 3);
        leader.propose(bytes("three"));
        c.stabilize();
        assertEquals(leader.lastIndex(), leader.commitIndex());
    }

    @Test
    void aSecondChangeIsRefusedWhileOneIsPending() {
        TestCluster c = leaderOneOf(5, 3);
        c.node(1).proposeConfChange(ConfChange.addLearner(N4));
        ProposalRejectedException e = assertThrows(ProposalRejectedException.class,
                () -> c.node(1).proposeConfChange(ConfChange.addLearner(N5)));
        assertEquals(ProposalRejectedException.Reason.CONF_CHANGE_PENDING, e.reason());
        c.stabilize();
        c.node(1).proposeConfChange(ConfChange.addLearner(N5)); // committed now: accepted
        c.stabilize();
        assertEquals(Set.of(N4, N5), c.node(1).membership().learners());
    }

    @Test
    void aNewLeaderMustCommitInItsTermBeforeChanging() {
        RaftNode n = new RaftNode(RaftConfig.of(N1, List.of(N1, N2, N3)).withPreVote(false),
                new MemoryRaftStorage(), new SplittableRandom(1));
        n.campaign();
        n.step(new VoteResponse(N2, N1, 1, true, false));
        assertEquals(Role.LEADER, n.role());
        ProposalRejectedException e = assertThrows(ProposalRejectedException.class,
                () -> n.proposeConfChange(ConfChange.addLearner(N4)));
        assertEquals(ProposalRejectedException.Reason.LEADER_NOT_READY, e.reason());
        RaftNode follower = new RaftNode(RaftConfig.of(N2, List.of(N1, N2, N3)), new MemoryRaftStorage(),
                new SplittableRandom(2));
        e = assertThrows(ProposalRejectedException.class, () -> follower.proposeConfChange(ConfChange.remove(N3)));
        assertEquals(ProposalRejectedException.Reason.NOT_LEADER, e.reason());
    }

    @Test
    void invalidChangesAreRefused() {
        TestCluster c = leaderOneOf(3, 1);
        assertThrows(IllegalArgumentException.class, () -> c.node(1).proposeConfChange(ConfChange.remove(N1)),
                "the last voter cannot leave");
        assertThrows(IllegalArgumentException.class, () -> c.node(1).proposeConfChange(ConfChange.remove(N2)),
                "not a member");
        assertThrows(IllegalArgumentException.class, () -> c.node(1).proposeConfChange(ConfChange.addLearner(N1)),
                "no demotion");
        change(c, 1, ConfChange.addVoter(N2)); // a direct add works (the new voter must catch up)
        assertEquals(Set.of(N1, N2), c.node(2).membership().voters());
    }

    @Test
    void restartRebuildsTheMembershipFromTheLogOrFromTheAppliedMembership() {
        TestCluster c = leaderOneOf(4, 3);
        change(c, 1, ConfChange.addLearner(N4));
        LogEntry promote = change(c, 1, ConfChange.addVoter(N4));
        Membership expected = c.node(1).membership();
        Membership atPromote = c.node(2).membershipAt(promote.index());
        assertEquals(expected, atPromote);

        c.start(N2); // initial membership, applied 0: every change is read back from the log
        assertEquals(expected, c.node(2).membership());

        RaftConfig restart = RaftConfig.of(N3, List.of(N1, N2, N3)).withApplied(promote.index(), atPromote);
        RaftNode n3 = new RaftNode(restart, c.storage(3), new SplittableRandom(3));
        assertEquals(expected, n3.membership());
        assertEquals(promote.index(), n3.appliedIndex());
    }

    @Test
    void aLearnerAddedAfterCompactionCatchesUpBySnapshotAndLearnsTheMembership() {
        TestCluster c = leaderOneOf(5, 3);
        change(c, 1, ConfChange.addLearner(N5));
        change(c, 1, ConfChange.addVoter(N5));
        for (int i = 0; i < 5; i++) {
            c.node(1).propose(bytes("a" + i));
        }
        c.stabilize();
        RaftNode leader = c.node(1);
        Membership m = leader.membershipForSnapshot();
        assertEquals(Set.of(N1, N2, N3, N5), m.voters(), "the snapshot records the membership at its index");
        c.storage(1).createSnapshot(leader.appliedIndex(), m, bytes("state"));
        c.storage(1).compact(leader.appliedIndex());

        change(c, 1, ConfChange.addLearner(N4));
        assertEquals(1, c.installed.get(N4).size(), "node 4 started from the snapshot");
        assertEquals(leader.lastIndex(), c.node(4).lastIndex());
        assertEquals(leader.membership(), c.node(4).membership());
        assertEquals(Set.of(N4), c.node(4).membership().learners());

        c.start(N4); // a restart from the installed snapshot and the entries after it
        assertEquals(leader.membership(), c.node(4).membership());
        assertEquals(m, c.node(4).membershipForSnapshot());
    }

    @Test
    void aMembershipFromAnOverwrittenEntryIsDropped() {
        RaftNode n = new RaftNode(RaftConfig.of(N2, List.of(N1, N2, N3)), new MemoryRaftStorage(), new SplittableRandom(1));
        LogEntry add4 = new LogEntry(1, 2, EntryType.CONF_CHANGE, ConfChange.addLearner(N4).encode());
        n.step(new AppendEntries(N1, N2, 1, 0, 0, List.of(LogEntry.noop(1, 1), add4), 0));
        assertEquals(Set.of(N4), n.membership().learners(), "in force as soon as it is in the log");
        n.step(new AppendEntries(N3, N2, 2, 1, 1, List.of(LogEntry.noop(2, 2)), 0));
        assertEquals(2, n.lastIndex());
        assertEquals(EntryType.NOOP, n.entry(2).type());
        assertEquals(Membership.ofVoters(List.of(N1, N2, N3)), n.membership(), "the overwritten change is gone");
        LogEntry remove1 = new LogEntry(2, 3, EntryType.CONF_CHANGE, ConfChange.remove(N1).encode());
        n.step(new AppendEntries(N3, N2, 2, 2, 2, List.of(remove1), 3));
        assertEquals(Set.of(N2, N3), n.membership().voters());
    }

    @Test
    void voteRequestsFromNonVotersWithOlderLogsAreIgnored() {
        TestCluster c = leaderOneOf(4, 3);
        long term = c.node(2).term();
        c.node(2).step(new VoteRequest(N4, N2, term + 5, 0, 0, false, false));
        assertEquals(term, c.node(2).term(), "a non-member behind us does not even raise our term");
        assertFalse(c.node(2).hasReady());
        // Heard if its log is ahead: it may be a voter of a membership we have not seen yet.
        c.isolate(2);
        c.tickAll(30);
        c.node(2).step(new VoteRequest(N4, N2, c.node(2).term() + 1, c.node(1).lastIndex() + 1, term + 1, true, false));
        Ready r = c.node(2).ready();
        assertTrue(r.messages().stream().anyMatch(m -> m instanceof VoteResponse v && v.granted()), r.toString());
    }

    @Test
    void confChangeRoundTripsAndAppliesOneServerAtATime() {
        for (ConfChange cc : List.of(ConfChange.addLearner(N4), ConfChange.addVoter(N5), ConfChange.remove(N1))) {
            assertEquals(cc, ConfChange.decode(cc.encode()));
        }
        assertThrows(IllegalArgumentException.class, () -> ConfChange.decode(new byte[] {1, 9, 0, 0, 0, 0, 0, 0, 0, 1}));
        Membership m = Membership.ofVoters(List.of(N1, N2, N3));
        Membership withLearner = ConfChange.addLearner(N4).applyTo(m);
        assertEquals(Set.of(N4), withLearner.learners());
        Membership promoted = ConfChange.addVoter(N4).applyTo(withLearner);
        assertEquals(Set.of(N1, N2, N3, N4), promoted.voters());
        assertTrue(promoted.learners().isEmpty());
        assertEquals(Set.of(N2, N3, N4), ConfChange.remove(N1).applyTo(promoted).voters());
        assertFalse(Majority.disjointMajoritiesPossible(m, promoted));
        assertFalse(Majority.disjointMajoritiesPossible(promoted, ConfChange.remove(N1).applyTo(promoted)));
        Membership twoApart = Membership.ofVoters(List.of(N1, N4, N5));
        assertTrue(Majority.disjointMajoritiesPossible(m, twoApart), "{2,3} and {4,5}");
    }
}

package io.shaledb.replication.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.replication.raft.RaftMessage.AppendEntries;
import io.shaledb.replication.raft.RaftMessage.AppendResponse;
import io.shaledb.replication.raft.RaftMessage.VoteRequest;
import io.shaledb.replication.raft.RaftMessage.VoteResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Classic Raft scenarios (election, voting, PreVote, CheckQuorum, repair, commit, transfer, reads). */
class RaftNodeTest {
    private static final NodeId N1 = NodeId.of(1);
    private static final NodeId N2 = NodeId.of(2);
    private static final NodeId N3 = NodeId.of(3);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static LogEntry cmd(long term, long index) {
        return new LogEntry(term, index, EntryType.COMMAND, bytes("e" + index + "@" + term));
    }

    private static Ready drain(RaftNode n, MemoryRaftStorage s) {
        Ready r = n.ready();
        s.append(r.entries());
        if (r.hardState() != null) {
            s.setHardState(r.hardState());
        }
        n.advance(r);
        return r;
    }

    @Test
    void singleNodeElectsItselfAndCommitsProposals() {
        TestCluster c = new TestCluster(1);
        c.tick(1, 20);
        assertEquals(Role.LEADER, c.node(1).role());
        c.node(1).propose(bytes("a"));
        c.stabilize();
        assertEquals(1, c.appliedCommands(1).size());
        assertArrayEquals(bytes("a"), c.appliedCommands(1).get(0));
        assertEquals(2, c.node(1).commitIndex()); // no-op + command
    }

    @Test
    void campaignElectsOneLeaderThatOthersFollow() {
        TestCluster c = new TestCluster(3);
        c.campaign(1);
        assertEquals(Role.LEADER, c.node(1).role());
        for (long id = 2; id <= 3; id++) {
            assertEquals(Role.FOLLOWER, c.node(id).role());
            assertEquals(N1, c.node(id).leader());
            assertEquals(c.node(1).term(), c.node(id).term());
        }
        assertEquals(1, c.node(1).commitIndex(), "the leader's no-op commits");
    }

    @Test
    void electionTimeoutsElectExactlyOneLeader() {
        TestCluster c = new TestCluster(5);
        c.tickAll(40);
        long leaders = c.nodes.values().stream().filter(n -> n.role() == Role.LEADER).count();
        assertEquals(1, leaders);
        RaftNode leader = c.nodes.values().stream().filter(n -> n.role() == Role.LEADER).findFirst().get();
        c.nodes.values().forEach(n -> assertEquals(leader.id(), n.leader()));
    }

    @Test
    void votesAtMostOncePerTerm() {
        RaftNode n = new RaftNode(RaftConfig.of(N1, List.of(N1, N2, N3)), new MemoryRaftStorage(), new SplittableRandom(1));
        n.step(new VoteRequest(N2, N1, 1, 0, 0, false, false));
        n.step(new VoteRequest(N3, N1, 1, 0, 0, false, false));
        n.step(new VoteRequest(N2, N1, 1, 0, 0, false, false)); // a retransmission is granted again
        List<RaftMessage> out = n.ready().messages();
        assertEquals(List.of(
                new VoteResponse(N1, N2, 1, true, false),
                new VoteResponse(N1, N3, 1, false, false),
                new VoteResponse(N1, N2, 1, true, false)), out);
    }

    @Test
    void rejectsVoteForCandidateWithLessUpToDateLog() {
        MemoryRaftStorage s = new MemoryRaftStorage();
        s.append(List.of(cmd(1, 1), cmd(2, 2)));
        s.setHardState(new HardState(2, null, 0));
        RaftNode n = new RaftNode(RaftConfig.of(N1, List.of(N1, N2, N3)), s, new SplittableRandom(1));
        n.step(new VoteRequest(N2, N1, 3, 5, 1, false, false)); // longer but older last term
        n.step(new VoteRequest(N3, N1, 3, 2, 2, false, false)); // same last entry: up to date
        assertEquals(List.of(
                new VoteResponse(N1, N2, 3, false, false),
                new VoteResponse(N1, N3, 3, true, false)), n.ready().messages());
    }

    @Test
    void preVoteKeepsAPartitionedNodeFromInflatingTerms() {
        TestCluster c = new TestCluster(3);
        c.campaign(1);
        long term = c.node(1).term();
        c.isolate(3);
        c.tickAll(100);
        assertEquals(term, c.node(3).term(), "PreVote polls never raise the term");
        assertEquals(Role.PRE_CANDIDATE, c.node(3).role());
        c.heal();
        c.tickAll(5);
        assertEquals(Role.LEADER, c.node(1).role(), "the healed node does not disrupt the leader");
        assertEquals(term, c.node(1).term());
        assertEquals(N1, c.node(3).leader());
    }

    @Test
    void withoutPreVoteAPartitionedNodeDisruptsTheLeaderOnReturn() {
        TestCluster c = new TestCluster(3, cfg -> cfg.withPreVote(false).withCheckQuorum(false));
        c.campaign(1);
        long term = c.node(1).term();
        c.isolate(3);
        c.tickAll(100);
        assertTrue(c.node(3).term() > term + 2, "the isolated candidate keeps incrementing its term");
        c.heal();
        c.tickAll(3);
        assertTrue(c.node(1).term() > term, "its higher term deposes the leader");
    }

    @Test
    void checkQuorumLeaderStepsDownWhenCutOff() {
        TestCluster c = new TestCluster(3);
        c.campaign(1);
        c.isolate(1);
        c.tick(1, 10);
        assertEquals(Role.LEADER, c.node(1).role(), "followers were active in the first round");
        c.tick(1, 10);
        assertEquals(Role.FOLLOWER, c.node(1).role(), "no contact for a whole election timeout");
    }

    @Test
    void leaderRepairsConflictingFollowerLog() {
        TestCluster c = new TestCluster(3, cfg -> cfg.withPreVote(false));
        c.restartWith(1, List.of(cmd(1, 1), cmd(1, 2), cmd(3, 3)), new HardState(3, null, 2));
        c.restartWith(2, List.of(cmd(1, 1), cmd(1, 2), cmd(2, 3), cmd(2, 4), cmd(2, 5)), new HardState(2, null, 2));
        c.restartWith(3, List.of(cmd(1, 1)), new HardState(1, null, 1));
        c.campaign(1);
        assertEquals(Role.LEADER, c.node(1).role());
        c.node(1).propose(bytes("x"));
        c.stabilize();
        long last = c.node(1).lastIndex();
        assertEquals(5, last); // 1,2,3@3, no-op@4, x@4
        for (long id = 1; id <= 3; id++) {
            assertEquals(last, c.node(id).lastIndex());
            assertEquals(last, c.node(id).commitIndex());
            for (long i = 1; i <= last; i++) {
                assertEquals(c.node(1).entry(i), c.node(id).entry(i), "node " + id + " index " + i);
                assertEquals(c.node(1).entry(i), c.storage(id).entries(i, i + 1).get(0));
            }
        }
    }

    @Test
    void fastBackOffSkipsAWholeConflictingTermInOneRoundTrip() {
        TestCluster c = new TestCluster(3, cfg -> cfg.withPreVote(false));
        List<LogEntry> stale = new java.util.ArrayList<>(List.of(cmd(1, 1)));
        for (int i = 2; i <= 30; i++) {
            stale.add(cmd(2, i));
        }
        c.restartWith(1, List.of(cmd(1, 1), cmd(3, 2)), new HardState(3, null, 1));
        c.restartWith(2, stale, new HardState(2, null, 1));
        c.restartWith(3, List.of(cmd(1, 1)), new HardState(1, null, 1));
        c.campaign(1);
        long rejects = c.delivered.stream()
                .filter(m -> m instanceof AppendResponse r && r.reject() && m.from().equals(N2)).count();
        assertTrue(rejects >= 1 && rejects <= 2, "one rejection skips the whole term-2 run, got " + rejects);
        assertEquals(c.node(1).lastIndex(), c.node(2).lastIndex());
        assertEquals(c.node(1).entry(2), c.node(2).entry(2));
    }

    @Test
    void leaderCommitsOlderTermEntriesOnlyThroughAnEntryOfItsOwnTerm() {
        // Figure 8: entry 2@2 reaches a majority after the leader moved on to term 3; counting
        // replicas must not commit it, only the leader's own no-op at index 3 may.
        MemoryRaftStorage s = new MemoryRaftStorage();
        s.append(List.of(cmd(1, 1), cmd(2, 2)));
        s.setHardState(new HardState(2, null, 1));
        RaftNode n = new RaftNode(RaftConfig.of(N1, List.of(N1, N2, N3)).withPreVote(false), s, new SplittableRandom(1));
        n.campaign();
        drain(n, s);
        n.step(new VoteResponse(N2, N1, 3, true, false));
        assertEquals(Role.LEADER, n.role());
        drain(n, s);
        assertEquals(3, n.lastIndex());
        n.step(AppendResponse.accept(N2, N1, 3, 2));
        drain(n, s);
        assertEquals(1, n.commitIndex(), "2@2 is on a majority but is not of the current term");
        n.step(AppendResponse.accept(N2, N1, 3, 3));
        drain(n, s);
        assertEquals(3, n.commitIndex());
    }

    @Test
    void leaderTransferHandsOverToAnUpToDateFollower() {
        TestCluster c = new TestCluster(3);
        c.campaign(1);
        long term = c.node(1).term();
        c.node(1).transferLeadership(N2);
        c.stabilize();
        assertEquals(Role.LEADER, c.node(2).role());
        assertEquals(term + 1, c.node(2).term());
        assertEquals(N2, c.node(1).leader());
    }

    @Test
    void leaderTransferCatchesUpALaggingTargetFirst() {
        TestCluster c = new TestCluster(3);
        c.campaign(1);
        c.cut(1, 3);
        for (int i = 0; i < 5; i++) {
            c.node(1).propose(bytes("v" + i));
        }
        c.stabilize();
        assertTrue(c.node(3).lastIndex() < c.node(1).lastIndex());
        c.heal();
        c.node(1).transferLeadership(N3);
        c.tickAll(3); // heartbeat responses resume replication to 3, then TimeoutNow
        assertEquals(Role.LEADER, c.node(3).role());
        assertEquals(5, c.appliedCommands(3).size());
    }

    @Test
    void proposalsAreRefusedDuringTransferAndOnFollowers() {
        TestCluster c = new TestCluster(3);
        c.campaign(1);
        ProposalRejectedException onFollower = assertThrows(ProposalRejectedException.class,
                () -> c.node(2).propose(bytes("x")));
        assertEquals(ProposalRejectedException.Reason.NOT_LEADER, onFollower.reason());
        assertEquals(N1, onFollower.leaderHint().orElseThrow());
        c.isolate(3);
        c.node(1).propose(bytes("behind"));
        c.stabilize();
        c.node(1).transferLeadership(N3);
        ProposalRejectedException during = assertThrows(ProposalRejectedException.class,
                () -> c.node(1).propose(bytes("y")));
        assertEquals(ProposalRejectedException.Reason.TRANSFER_IN_PROGRESS, during.reason());
        c.tick(1, 10); // the transfer times out
        assertEquals(Role.LEADER, c.node(1).role());
        assertNotNull(c.node(1).propose(bytes("z")));
    }

    @Test
    void readIndexNeedsAHeartbeatQuorum() {
        TestCluster c = new TestCluster(3);
        c.campaign(1);
        c.node(1).propose(bytes("a"));
        c.stabilize();
        c.node(1).readIndex(bytes("r1"));
        c.stabilize();
        List<ReadState> rs = c.readStates.get(N1);
        assertEquals(1, rs.size());
        assertEquals(c.node(1).commitIndex(), rs.get(0).index());
        assertArrayEquals(bytes("r1"), rs.get(0).context());

        c.isolate(1);
        c.node(1).readIndex(bytes("r2"));
        c.stabilize();
        assertEquals(1, c.readStates.get(N1).size(), "a leader cut off from a quorum confirms nothing");
    }

    @Test
    void followerReadIndexIsConfirmedThroughTheLeader() {
        TestCluster c = new TestCluster(3);
        c.campaign(1);
        c.node(2).readIndex(bytes("f"));
        c.stabilize();
        List<ReadState> rs = c.readStates.get(N2);
        assertEquals(1, rs.size());
        assertEquals(c.node(1).commitIndex(), rs.get(0).index());
    }

    @Test
    void newLeaderRefusesReadIndexUntilItCommitsInItsTerm() {
        MemoryRaftStorage s = new MemoryRaftStorage();
        RaftNode n = new RaftNode(RaftConfig.of(N1, List.of(N1, N2, N3)).withPreVote(false), s, new SplittableRandom(1));
        n.campaign();
        n.step(new VoteResponse(N2, N1, 1, true, false));
        ProposalRejectedException e = assertThrows(ProposalRejectedException.class, () -> n.readIndex(bytes("r")));
        assertEquals(ProposalRejectedException.Reason.LEADER_NOT_READY, e.reason());
    }

    @Test
    void staleLeaderStepsDownAndLosesItsUncommittedEntries() {
        TestCluster c = new TestCluster(3);
        c.campaign(1);
        c.isolate(1);
        c.node(1).propose(bytes("lost"));
        c.stabilize();
        c.tickAll(30); // 2 and 3 leave the old leader's lease and elect one of themselves
        RaftNode leader = c.node(2).role() == Role.LEADER ? c.node(2) : c.node(3);
        assertEquals(Role.LEADER, leader.role());
        leader.propose(bytes("kept"));
        c.stabilize();
        c.heal();
        c.tickAll(3);
        assertEquals(Role.FOLLOWER, c.node(1).role());
        assertEquals(leader.lastIndex(), c.node(1).lastIndex());
        List<byte[]> applied = c.appliedCommands(1);
        assertEquals(1, applied.size());
        assertArrayEquals(bytes("kept"), applied.get(0));
    }

    @Test
    void restartKeepsTermVoteAndCommit() {
        TestCluster c = new TestCluster(3);
        c.campaign(1);
        c.node(1).propose(bytes("a"));
        c.stabilize();
        long term = c.node(2).term();
        c.start(N2);
        assertEquals(term, c.node(2).term());
        assertEquals(c.node(1).commitIndex(), c.node(2).commitIndex());
        assertEquals(Role.FOLLOWER, c.node(2).role());
        c.stabilize();
        assertEquals(1, c.appliedCommands(2).size(), "committed entries are re-applied after restart");
    }

    @Test
    void restartRemembersItsVoteAndRefusesASecondOneInTheSameTerm() {
        MemoryRaftStorage s = new MemoryRaftStorage();
        RaftConfig cfg = RaftConfig.of(N1, List.of(N1, N2, N3));
        RaftNode n = new RaftNode(cfg, s, new SplittableRandom(1));
        n.step(new VoteRequest(N2, N1, 5, 0, 0, false, false));
        assertEquals(new HardState(5, N2, 0), drain(n, s).hardState());
        RaftNode restarted = new RaftNode(cfg, s, new SplittableRandom(2));
        restarted.step(new VoteRequest(N3, N1, 5, 0, 0, false, false));
        assertEquals(List.of(new VoteResponse(N1, N3, 5, false, false)), restarted.ready().messages());
    }

    @Test
    void appendFromUnknownLeaderAtHigherTermIsFollowed() {
        RaftNode n = new RaftNode(RaftConfig.of(N1, List.of(N1, N2, N3)), new MemoryRaftStorage(), new SplittableRandom(1));
        n.step(new AppendEntries(N2, N1, 4, 0, 0, List.of(LogEntry.noop(4, 1)), 0));
        assertEquals(Role.FOLLOWER, n.role());
        assertEquals(4, n.term());
        assertEquals(N2, n.leader());
        assertFalse(n.ready().entries().isEmpty());
    }

    @Test
    void illegalTransitionsNameTheCurrentState() {
        ElectionState s = new ElectionState(N1, HardState.INITIAL, true);
        IllegalStateException e = assertThrows(IllegalStateException.class, s::becomeLeader);
        assertTrue(e.getMessage().contains("from FOLLOWER"), e.getMessage());
        s.becomeCandidate();
        s.becomeLeader();
        e = assertThrows(IllegalStateException.class, s::becomeCandidate);
        assertTrue(e.getMessage().contains("from LEADER"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> s.becomeFollower(0, null));
        s.becomeFollower(2, null);
        s.grantVote(N2);
        assertThrows(IllegalStateException.class, () -> s.grantVote(N3));
    }
}

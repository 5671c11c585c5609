package io.shaledb.replication.raft;

import java.util.List;
import java.util.Objects;

/**
 * Static configuration of one member.
 *
 * @param self              this member
 * @param membership        the group's membership as of index {@code applied}: the initial
 *                          membership for a new group (every member bootstraps with the same
 *                          one), else the membership the driver persisted with the applied index
 *                          (see {@link RaftNode#membershipAt(long)}). Memberships recorded in
 *                          log entries after {@code applied} are read from the log at start.
 *                          {@code self} need not be a member (a node about to be added, or one
 *                          that was removed): a non-voter never campaigns
 * @param electionTicks     T: a follower that hears from no leader for a random timeout in
 *                          {@code [T, 2T)} ticks campaigns; a CheckQuorum leader steps down after T
 *                          ticks without hearing from a quorum
 * @param heartbeatTicks    ticks between leader heartbeats, {@code < electionTicks}
 * @param maxInflight       appends in flight per follower in replicate state
 * @param maxEntriesPerAppend entries carried by one AppendEntries at most
 * @param preVote           poll peers before incrementing the term (Raft thesis §9.6)
 * @param checkQuorum       leader steps down without quorum contact; followers honour a
 *                          leader lease against disruptive votes
 * @param applied           index already applied by the state machine at (re)start; the node
 *                          uses at least the index of the storage's snapshot
 * @param faults            test-only safety violations; {@link RaftFaults#NONE} in production
 */
public record RaftConfig(NodeId self, Membership membership, int electionTicks, int heartbeatTicks,
                         int maxInflight, int maxEntriesPerAppend, boolean preVote, boolean checkQuorum,
                         long applied, RaftFaults faults) {
    public RaftConfig {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(membership, "membership");
        if (heartbeatTicks < 1 || electionTicks <= heartbeatTicks) {
            throw new IllegalArgumentException("need 1 <= heartbeatTicks < electionTicks, got "
                    + heartbeatTicks + ", " + electionTicks);
        }
        if (maxInflight < 1 || maxEntriesPerAppend < 1) {
            throw new IllegalArgumentException("maxInflight and maxEntriesPerAppend must be >= 1");
        }
        if (applied < 0) {
            throw new IllegalArgumentException("applied must be >= 0");
        }
        Objects.requireNonNull(faults, "faults");
    }

    /** Defaults: election 10 ticks, heartbeat 1 tick, PreVote and CheckQuorum on, no faults. */
    public static RaftConfig of(NodeId self, List<NodeId> voters) {
        return of(self, Membership.ofVoters(voters));
    }

    /** Defaults as in {@link #of(NodeId, List)}, starting from {@code membership}. */
    public static RaftConfig of(NodeId self, Membership membership) {
        return new RaftConfig(self, membership, 10, 1, 16, 64, true, true, 0, RaftFaults.NONE);
    }

    /**
     * A restart: the state machine has applied up to {@code appliedIndex}, where the membership
     * was {@code appliedMembership}.
     */
    public RaftConfig withApplied(long appliedIndex, Membership appliedMembership) {
        return new RaftConfig(self, appliedMembership, electionTicks, heartbeatTicks, maxInflight,
                maxEntriesPerAppend, preVote, checkQuorum, appliedIndex, faults);
    }

    public RaftConfig withFaults(RaftFaults newFaults) {
        return new RaftConfig(self, membership, electionTicks, heartbeatTicks, maxInflight,
                maxEntriesPerAppend, preVote, checkQuorum, applied, newFaults);
    }

    public RaftConfig withPreVote(boolean on) {
        return new RaftConfig(self, membership, electionTicks, heartbeatTicks, maxInflight,
                maxEntriesPerAppend, on, checkQuorum, applied, faults);
    }

    public RaftConfig withCheckQuorum(boolean on) {
        return new RaftConfig(self, membership, electionTicks, heartbeatTicks, maxInflight,
                maxEntriesPerAppend, preVote, on, applied, faults);
    }
}

package io.shaledb.replication.raft;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Static configuration of one member.
 *
 * @param self              this member
 * @param voters            every voting member of the group, including {@code self}
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
 * @param faults            test-only safety violations; {@link RaftNode.Faults#NONE} in production
 */
public record RaftConfig(NodeId self, List<NodeId> voters, int electionTicks, int heartbeatTicks,
                         int maxInflight, int maxEntriesPerAppend, boolean preVote, boolean checkQuorum,
                         long applied, RaftNode.Faults faults) {
    public RaftConfig {
        Objects.requireNonNull(self, "self");
        voters = List.copyOf(new TreeSet<>(voters));
        if (!voters.contains(self)) {
            throw new IllegalArgumentException(self + " is not among the voters " + voters);
        }
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
        return new RaftConfig(self, voters, 10, 1, 16, 64, true, true, 0, RaftNode.Faults.NONE);
    }

    public RaftConfig withFaults(RaftNode.Faults newFaults) {
        return new RaftConfig(self, voters, electionTicks, heartbeatTicks, maxInflight,
                maxEntriesPerAppend, preVote, checkQuorum, applied, newFaults);
    }

    public RaftConfig withPreVote(boolean on) {
        return new RaftConfig(self, voters, electionTicks, heartbeatTicks, maxInflight,
                maxEntriesPerAppend, on, checkQuorum, applied, faults);
    }

    public RaftConfig withCheckQuorum(boolean on) {
        return new RaftConfig(self, voters, electionTicks, heartbeatTicks, maxInflight,
                maxEntriesPerAppend, preVote, on, applied, faults);
    }

    int quorum() {
        return voters.size() / 2 + 1;
    }
}

package io.shaledb.replication.raft;

/** The role a member plays in its current term. Transitions are owned by {@link ElectionState}. */
public enum Role {
    FOLLOWER,
    /** Polling peers with a PreVote at {@code term + 1} without having incremented the term. */
    PRE_CANDIDATE,
    CANDIDATE,
    LEADER
}

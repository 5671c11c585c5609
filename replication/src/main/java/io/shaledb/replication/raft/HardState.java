package io.shaledb.replication.raft;

/**
 * The part of a member's Raft state that must survive a crash: written durably before any
 * message that depends on it is sent.
 *
 * @param term   the latest term this member has seen, {@code >= 0}
 * @param vote   the candidate this member voted for in {@code term}, or {@code null} if none
 * @param commit the highest log index known committed, {@code >= 0}
 */
public record HardState(long term, NodeId vote, long commit) {
    /** The state of a member that has never run. */
    public static final HardState INITIAL = new HardState(0, null, 0);

    public HardState {
        if (term < 0) {
            throw new IllegalArgumentException("term must be >= 0: " + term);
        }
        if (commit < 0) {
            throw new IllegalArgumentException("commit must be >= 0: " + commit);
        }
    }
}

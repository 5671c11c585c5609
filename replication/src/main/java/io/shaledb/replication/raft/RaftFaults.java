package io.shaledb.replication.raft;

/**
 * Deliberate safety bugs a {@link RaftNode} can be told to commit, for negative-control tests of
 * the simulations' invariant checks (each must make them fail).
 * Production code passes {@link #NONE}.
 *
 * @param commitWithoutQuorum      the leader commits everything it has appended without counting
 * @param voteIgnoresLog           voters skip the log up-to-date check (§5.4.1)
 * @param snapshotSkipsEntry       after installing a snapshot, a member hands out the committed
 *                                 entries that follow it skipping the first one (off by one)
 * @param commitCountsLearners     the leader counts learners as voters when committing
 * @param confChangeIgnoresPending membership changes are accepted while another is uncommitted
 *                                 and before the leader committed an entry of its term
 */
public record RaftFaults(boolean commitWithoutQuorum, boolean voteIgnoresLog, boolean snapshotSkipsEntry,
                         boolean commitCountsLearners, boolean confChangeIgnoresPending) {
    public static final RaftFaults NONE = new RaftFaults(false, false, false, false, false);

    /** The faults that predate snapshots and membership changes. */
    public RaftFaults(boolean commitWithoutQuorum, boolean voteIgnoresLog) {
        this(commitWithoutQuorum, voteIgnoresLog, false, false, false);
    }

    public RaftFaults withSnapshotSkipsEntry(boolean on) {
        return new RaftFaults(commitWithoutQuorum, voteIgnoresLog, on, commitCountsLearners, confChangeIgnoresPending);
    }

    public RaftFaults withCommitCountsLearners(boolean on) {
        return new RaftFaults(commitWithoutQuorum, voteIgnoresLog, snapshotSkipsEntry, on, confChangeIgnoresPending);
    }

    public RaftFaults withConfChangeIgnoresPending(boolean on) {
        return new RaftFaults(commitWithoutQuorum, voteIgnoresLog, snapshotSkipsEntry, commitCountsLearners, on);
    }
}

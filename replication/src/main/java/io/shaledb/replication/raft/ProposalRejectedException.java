package io.shaledb.replication.raft;

import java.util.Optional;

/**
 * A request the member cannot serve in its current role. Nothing was changed; the caller may
 * retry, usually at {@link #leaderHint()}.
 */
public final class ProposalRejectedException extends RuntimeException {
    /** Why the request was refused. */
    public enum Reason {
        /** This member is not the leader; {@link #leaderHint()} names the leader if known. */
        NOT_LEADER,
        /** The leader is handing leadership to another member and accepts no new proposals. */
        TRANSFER_IN_PROGRESS,
        /**
         * The leader has not yet committed an entry of its term, so it can neither serve a
         * ReadIndex nor propose a membership change (Raft thesis §4.1, the single-server bug fix).
         */
        LEADER_NOT_READY,
        /** A membership change is in the log but not yet committed; only one may be pending. */
        CONF_CHANGE_PENDING
    }

    private final Reason reason;
    private final NodeId leaderHint;

    public ProposalRejectedException(Reason reason, NodeId leaderHint) {
        super(reason + (leaderHint == null ? "" : " (leader hint " + leaderHint + ")"));
        this.reason = reason;
        this.leaderHint = leaderHint;
    }

    public Reason reason() {
        return reason;
    }

    /** The member believed to be leader, if this member knows one. */
    public Optional<NodeId> leaderHint() {
        return Optional.ofNullable(leaderHint);
    }
}

package io.shaledb.replication.store;

import io.shaledb.replication.RangeId;

/**
 * The store cannot serve a request for a range: the replica does not exist here, was removed,
 * or the store closed or failed. For a proposal already handed to Raft the outcome is
 * <em>unknown</em>: it may still be committed by the group.
 */
public final class ReplicaUnavailableException extends RuntimeException {
    /** Why the replica cannot serve. */
    public enum Reason {
        /** The store holds no replica of the range. */
        NOT_FOUND,
        /** The replica was removed while the request was pending. */
        REMOVED,
        /** The store was closed. */
        STORE_CLOSED,
        /** The store stopped after a fatal error (e.g. its Raft log could not be written). */
        STORE_FAILED
    }

    private final RangeId range;
    private final Reason reason;

    public ReplicaUnavailableException(RangeId range, Reason reason, Throwable cause) {
        super(range + ": replica unavailable: " + reason, cause);
        this.range = range;
        this.reason = reason;
    }

    public RangeId range() {
        return range;
    }

    public Reason reason() {
        return reason;
    }
}

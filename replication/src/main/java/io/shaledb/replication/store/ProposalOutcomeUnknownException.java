package io.shaledb.replication.store;

import io.shaledb.replication.RangeId;

/**
 * A proposal whose fate this replica can no longer learn: its log index was covered by a
 * snapshot installed from the leader, so the entry that committed there was never applied here
 * one by one and cannot be compared with the proposal. The command may or may not have been
 * applied by the group; a caller that must know re-reads the state (or makes commands
 * idempotent) before retrying.
 */
public final class ProposalOutcomeUnknownException extends RuntimeException {
    private final RangeId range;
    private final long index;
    private final long snapshotIndex;

    public ProposalOutcomeUnknownException(RangeId range, long index, long snapshotIndex) {
        super(range + ": outcome of the proposal at index " + index + " is unknown: a snapshot up to "
                + snapshotIndex + " was installed over it");
        this.range = range;
        this.index = index;
        this.snapshotIndex = snapshotIndex;
    }

    public RangeId range() {
        return range;
    }

    /** The log index the proposal was appended at. */
    public long index() {
        return index;
    }

    /** The index of the installed snapshot that covers it. */
    public long snapshotIndex() {
        return snapshotIndex;
    }
}

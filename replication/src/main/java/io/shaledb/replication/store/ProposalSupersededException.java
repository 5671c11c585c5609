package io.shaledb.replication.store;

import io.shaledb.replication.RangeId;

/**
 * A proposal that will <em>never</em> be applied: the entry committed at its log index came from
 * another term, so its own entry was replaced (typically after a leader change). The caller may
 * safely re-propose.
 */
public final class ProposalSupersededException extends RuntimeException {
    private final RangeId range;
    private final long index;
    private final long term;

    public ProposalSupersededException(RangeId range, long index, long term, long committedTerm) {
        super(range + ": proposal " + index + "@" + term + " superseded by the entry of term "
                + committedTerm + " committed at that index");
        this.range = range;
        this.index = index;
        this.term = term;
    }

    public RangeId range() {
        return range;
    }

    /** The log index the proposal was appended at. */
    public long index() {
        return index;
    }

    /** The leader term the proposal was appended in. */
    public long term() {
        return term;
    }
}

package io.shaledb.replication.raft;

/** What a {@link LogEntry} carries. */
public enum EntryType {
    /** An opaque command proposed by the application through {@link RaftNode#propose(byte[])}. */
    COMMAND,
    /**
     * The empty entry a new leader appends at the start of its term; committing it commits every
     * earlier entry (Raft §5.4.2). Applications skip it.
     */
    NOOP,
    /**
     * A membership change ({@link ConfChange#encode()}), proposed through
     * {@link RaftNode#proposeConfChange(ConfChange)}. It takes effect on every member as soon as
     * it is in the member's log; the application persists the membership it yields when it
     * applies the entry (see {@link RaftNode#membershipAt(long)}).
     */
    CONF_CHANGE
}

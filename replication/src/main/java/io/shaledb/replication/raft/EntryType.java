package io.shaledb.replication.raft;

/** What a {@link LogEntry} carries. */
public enum EntryType {
    /** An opaque command proposed by the application through {@link RaftNode#propose(byte[])}. */
    COMMAND,
    /**
     * The empty entry a new leader appends at the start of its term; committing it commits every
     * earlier entry (Raft §5.4.2). Applications skip it.
     */
    NOOP
}
